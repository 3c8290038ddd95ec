import { describe, expect, it } from 'vitest';
import { MemoryContacts } from '../contacts/memory-contacts';
import { createPromptPlayer, speakingVoice, ssmlToText } from './prompt-player';

function setup(opts: { available: boolean; joined: boolean }) {
  const contacts = new MemoryContacts();
  const played: Array<{ meetingId: string; samples: number }> = [];
  const player = createPromptPlayer({
    contacts,
    speech: {
      available: opts.available,
      synthesize: async (text) => new Int16Array(text.length * 100),
    },
    playAudio: async (meetingId, pcm) => void played.push({ meetingId, samples: pcm.length }),
    waitForAttendee: async () => opts.joined,
    logger: { warn: () => {} },
  });
  return { contacts, played, player, contact: contacts.create() };
}

describe('prompt player', () => {
  it('sends the caption and speaks the prompt into the meeting', async () => {
    const { contacts, played, player, contact } = setup({ available: true, joined: true });
    await player.play(contact, { text: 'Hello there', ssml: false }, new AbortController().signal);
    expect(contacts.get(contact.id)?.transcript).toMatchObject([
      {
        kind: 'caption',
        participantRole: 'SYSTEM',
        contentType: 'text/plain',
        content: 'Hello there',
      },
    ]);
    expect(played).toEqual([{ meetingId: contact.meeting.MeetingId, samples: 1100 }]);
  });

  it('captions only, when there is no TTS engine or the customer never joined', async () => {
    for (const opts of [
      { available: false, joined: true },
      { available: true, joined: false },
    ]) {
      const { contacts, played, player, contact } = setup(opts);
      await player.play(contact, { text: 'Hi', ssml: false }, new AbortController().signal);
      expect(played).toEqual([]);
      expect(contacts.get(contact.id)?.transcript).toHaveLength(1);
    }
  });

  it('waits for the customer to join only once per contact', async () => {
    const contacts = new MemoryContacts();
    const waits: number[] = [];
    const player = createPromptPlayer({
      contacts,
      speech: { available: true, synthesize: async () => new Int16Array(10) },
      playAudio: async () => {},
      waitForAttendee: async (_m, _a, ms) => {
        waits.push(ms);
        return false;
      },
      logger: { warn: () => {} },
      joinWaitMs: 5000,
    });
    const contact = contacts.create();
    await player.play(contact, { text: 'one', ssml: false }, new AbortController().signal);
    await player.play(contact, { text: 'two', ssml: false }, new AbortController().signal);
    expect(waits).toEqual([5000, 0]);
  });

  it('captions SSML as plain text', () => {
    expect(
      ssmlToText('<speak>Press <say-as interpret-as="digits">1</say-as> &amp; wait</speak>'),
    ).toBe('Press 1 & wait');
  });
});

describe('the speaking voice', () => {
  it('follows Set voice, else the contact language, else US English', () => {
    expect(speakingVoice({ textToSpeechVoice: 'Lupe' })).toBe('es-419');
    expect(speakingVoice({ textToSpeechVoice: 'Lucia', languageCode: 'en-US' })).toBe('es');
    expect(speakingVoice({ languageCode: 'es-ES' })).toBe('es');
    expect(speakingVoice({ languageCode: 'en-GB' })).toBe('en-gb');
    expect(speakingVoice({})).toBe('en-us');
  });

  it("synthesizes a Spanish contact's prompt with the Spanish espeak-ng voice", async () => {
    const contacts = new MemoryContacts();
    const voices: Array<string | undefined> = [];
    const player = createPromptPlayer({
      contacts,
      speech: {
        available: true,
        synthesize: async (_t, o) => {
          voices.push(o?.voice);
          return new Int16Array(10);
        },
      },
      playAudio: async () => {},
      waitForAttendee: async () => true,
      logger: { warn: () => {} },
    });
    await player.play(
      contacts.create({ textToSpeechVoice: 'Lupe', languageCode: 'es-US' }),
      { text: 'Hola', ssml: false },
      new AbortController().signal,
    );
    await player.play(
      contacts.create(),
      { text: 'Hello', ssml: false },
      new AbortController().signal,
    );
    expect(voices).toEqual(['es-419', 'en-us']);
  });
});
