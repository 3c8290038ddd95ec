/**
 * Plays flow prompts to the customer: always as a caption on the Participant Service (the widget
 * shows it), and as synthesized speech into the meeting when a TTS engine is available. Speech
 * waits briefly for the customer to join the meeting, so the greeting is not spoken to an empty
 * room.
 */
import type { ContactRecord } from '../contacts/contact-record';
import type { LocalContacts } from '../contacts/local-contacts';
import type { PromptPlayer } from '../flows/flow-execution';
import type { Speech } from './espeak-speech';
import { DEFAULT_LANGUAGE, espeakVoice, voiceLanguage } from './voices';

/**
 * What prompts need: the contacts, speech, playing audio into a meeting, and waiting for the
 * attendee.
 */
export interface PromptPlayerDeps {
  contacts: LocalContacts;
  speech: Speech;
  playAudio(meetingId: string, pcm: Int16Array): Promise<void>;
  /** Resolves true once the attendee is in the meeting (false after `timeoutMs`). */
  waitForAttendee(meetingId: string, attendeeId: string, timeoutMs: number): Promise<boolean>;
  logger: { warn(obj: object, msg: string): void };
  joinWaitMs?: number;
}

/** SSML as text for the caption: tags dropped, entities decoded, spaces collapsed. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The espeak-ng voice for the contact: its Set voice's language, else its LanguageCode, else
 * English.
 */
export function speakingVoice(
  contact: Pick<ContactRecord, 'textToSpeechVoice' | 'languageCode'>,
): string {
  const fromVoice = contact.textToSpeechVoice
    ? voiceLanguage(contact.textToSpeechVoice)
    : undefined;
  return espeakVoice(fromVoice ?? contact.languageCode ?? DEFAULT_LANGUAGE);
}

/** Plays flow prompts into a contact's meeting and sends them as captions. */
export function createPromptPlayer(deps: PromptPlayerDeps): PromptPlayer {
  // Wait for the customer once per contact: a customer without media must not slow every prompt.
  const waited = new Set<string>();
  return {
    async play(contact: ContactRecord, prompt, signal) {
      const caption = prompt.ssml ? ssmlToText(prompt.text) : prompt.text;
      if (caption)
        deps.contacts.addTranscript(contact.id, {
          kind: 'caption',
          participantRole: 'SYSTEM',
          contentType: 'text/plain',
          content: caption,
        });
      if (!deps.speech.available || signal.aborted) return;
      const [pcm, joined] = await Promise.all([
        deps.speech.synthesize(prompt.text, { ssml: prompt.ssml, voice: speakingVoice(contact) }),
        deps.waitForAttendee(
          contact.meeting.MeetingId,
          contact.customer.attendee.AttendeeId,
          waited.has(contact.id) ? 0 : (deps.joinWaitMs ?? 5000),
        ),
      ]);
      waited.add(contact.id);
      if (waited.size > 10_000) waited.clear();
      if (!pcm || !joined || signal.aborted) return;
      try {
        await deps.playAudio(contact.meeting.MeetingId, pcm);
      } catch (error) {
        // The meeting may have ended while the prompt was being synthesized; the caption already
        // went out.
        deps.logger.warn(
          { contactId: contact.id, err: (error as Error).message },
          'Prompt audio could not be played',
        );
      }
    },
  };
}
