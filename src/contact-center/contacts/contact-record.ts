/**
 * The local contact center's record of one contact, as persisted in the store. The emulator's
 * DescribeContact, the flow runner, the router and the agent desk all read and update this one
 * record (through {@link LocalContacts}), so every step is visible in DescribeContact.
 */
import type { MediaAttendee, MediaMeeting } from '../../media-server/media-service';

/** A contact's state, as DescribeContact names it (with the local steps before a queue). */
export type ContactState =
  | 'INITIATED' // created, flow not yet running
  | 'IN_FLOW' // the inbound flow is running
  | 'QUEUED' // waiting in a queue for an agent
  | 'RINGING' // offered to an agent
  | 'CONNECTED' // an agent accepted
  | 'ENDED';

/** A reference on a contact (StartWebRTCContact's References), as stored. */
export interface ContactReference {
  Value?: string;
  Type: string;
  Status?: string;
  Arn?: string;
  StatusReason?: string;
}

/** A segment attribute's value, as Connect's API shapes it. */
export interface SegmentAttributeValue {
  ValueString?: string;
  ValueInteger?: number;
  ValueMap?: Record<string, SegmentAttributeValue>;
  ValueList?: SegmentAttributeValue[];
  ValueArn?: string;
}

/** One participant of the contact (customer or agent) with its Chime attendee. */
export interface ContactParticipant {
  participantId: string;
  role: 'CUSTOMER' | 'AGENT';
  displayName: string;
  attendee: MediaAttendee;
  /** Set once the participant disconnected (left); its tokens stop working. */
  disconnectedAt?: number;
  /** The browser and system its client reported when it joined (DescribeContact's DeviceInfo). */
  deviceInfo?: DeviceInfo;
  /**
   * What a participant added with CreateParticipant may send besides audio (its
   * ParticipantCapabilities).
   */
  capabilities?: { Video?: 'SEND'; ScreenShare?: 'SEND' };
}

/** Connect's DeviceInfo: each value at most 128 characters. */
export interface DeviceInfo {
  PlatformName?: string;
  PlatformVersion?: string;
  OperatingSystem?: string;
}

/** A transcript item: a flow prompt (caption), DTMF, or a participant event. Times in epoch ms. */
export interface TranscriptItem {
  id: string;
  at: number;
  kind: 'caption' | 'dtmf' | 'event' | 'message';
  participantRole: 'SYSTEM' | 'CUSTOMER' | 'AGENT';
  contentType: string;
  content: string;
  /** Who the item is from (participant events, DTMF); absent for SYSTEM captions. */
  participantId?: string;
  displayName?: string;
}

/**
 * Every timestamp is epoch milliseconds internally; the emulator converts to Connect's epoch
 * seconds.
 */
export interface ContactRecord {
  id: string;
  instanceId: string;
  initialContactId: string;
  relatedContactId?: string;
  contactFlowId: string;
  name: string; // the customer's DisplayName
  description?: string;
  attributes: Record<string, string>;
  references: Record<string, ContactReference>;
  segmentAttributes: Record<string, SegmentAttributeValue>;
  allowedCapabilities: {
    Customer?: { Video?: 'SEND'; ScreenShare?: 'SEND' };
    Agent?: { Video?: 'SEND'; ScreenShare?: 'SEND' };
  };
  state: ContactState;
  meeting: MediaMeeting;
  customer: ContactParticipant;
  agentParticipant?: ContactParticipant;
  /**
   * Further CUSTOMER participants added with Connect CreateParticipant (a colleague, a third party,
   * a second device).
   */
  extraParticipants?: ContactParticipant[];
  queue?: { id: string; name: string; enqueuedAt: number };
  agent?: {
    id: string;
    ringStartedAt?: number;
    acceptedAt?: number;
    connectedAt?: number;
    afterContactWorkStartedAt?: number;
    afterContactWorkEndedAt?: number;
  };
  /** Agents who rejected or missed this contact, so it rings someone else next. */
  declinedBy?: string[];
  recordingBehavior?: unknown;
  /** Set by the flow (UpdateContactData LanguageCode); `$.LanguageCode`, en-US until then. */
  languageCode?: string;
  /**
   * Polly voice name set by the flow (UpdateContactTextToSpeechVoice); prompts are spoken in its
   * language.
   */
  textToSpeechVoice?: string;
  eventHooks?: Record<string, string>;
  /** Each state the contact entered, for DescribeContact and the agent desk. */
  history: Array<{ state: ContactState; at: number; detail?: string }>;
  transcript: TranscriptItem[];
  initiatedAt: number;
  connectedToSystemAt?: number;
  disconnectedAt?: number;
  lastUpdatedAt: number;
  disconnectReason?: string;
}
