/**
 * Transcript items in the Participant Service's `Item` shape, used by GetTranscript and pushed over
 * the participant WebSocket (`aws/chat` topic), so both give the very same items.
 */
import type { ContactRecord, TranscriptItem } from '../contacts/contact-record';

/** Participant Service `Item` (times are ISO strings in this service). */
export interface ParticipantItem {
  AbsoluteTime: string;
  Content: string;
  ContentType: string;
  Id: string;
  Type: 'MESSAGE' | 'EVENT';
  ParticipantId?: string;
  DisplayName?: string;
  ParticipantRole: string;
  InitialContactId: string;
  ContactId: string;
}

/** A transcript item as the Participant Service returns it. */
export function toParticipantItem(contact: ContactRecord, item: TranscriptItem): ParticipantItem {
  return {
    AbsoluteTime: new Date(item.at).toISOString(),
    Content: item.content,
    ContentType: item.contentType,
    Id: item.id,
    Type: item.kind === 'event' ? 'EVENT' : 'MESSAGE',
    ...(item.participantId ? { ParticipantId: item.participantId } : {}),
    ...(item.displayName
      ? { DisplayName: item.displayName }
      : item.participantRole === 'SYSTEM'
        ? { DisplayName: 'SYSTEM_MESSAGE' }
        : {}),
    ParticipantRole: item.participantRole,
    InitialContactId: contact.initialContactId,
    ContactId: contact.id,
  };
}

/** The `aws/chat` frame carrying one item, as the Amazon Connect chat WebSocket sends it. */
export function chatFrame(contact: ContactRecord, item: TranscriptItem): string {
  return JSON.stringify({
    topic: 'aws/chat',
    contentType: 'application/json',
    content: JSON.stringify(toParticipantItem(contact, item)),
  });
}
