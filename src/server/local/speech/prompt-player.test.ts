import { describe, expect, it } from 'vitest';
import { MemoryContacts } from '../routing/memory-contacts';
import { createPromptPlayer, ssmlToText } from './prompt-player';

function setup(opts: { available: boolean; joined: boolean }) {
  const contacts = new MemoryContacts();
  const played: Array<{ meetingId: string; samples: number }> = [];
  const player = createPromptPlayer({
    contacts,
    speech: { available: opts.available, synthesize: async (text) => new Int16Array(text.length * 100) },
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
    expect(contacts.get(contact.id)?.transcript).toMatchObject([{ kind: 'caption', participantRole: 'SYSTEM', contentType: 'text/plain', content: 'Hello there' }]);
    expect(played).toEqual([{ meetingId: contact.meeting.MeetingId, samples: 1100 }]);
  });

  it('captions only, when there is no TTS engine or the customer never joined', async () => {
    for (const opts of [{ available: false, joined: true }, { available: true, joined: false }]) {
      const { contacts, played, player, contact } = setup(opts);
      await player.play(contact, { text: 'Hi', ssml: false }, new AbortController().signal);
      expect(played).toEqual([]);
      expect(contacts.get(contact.id)?.transcript).toHaveLength(1);
    }
  });

  it('captions SSML as plain text', () => {
    expect(ssmlToText('<speak>Press <say-as interpret-as="digits">1</say-as> &amp; wait</speak>')).toBe('Press 1 & wait');
  });
});
