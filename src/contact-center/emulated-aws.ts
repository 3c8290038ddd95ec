/**
 * The emulated AWS side of local mode: the on-disk store, the contacts (with their media meetings),
 * the Connect + Participant Service + Chime SDK Meetings emulator plugin (mounted at `/aws`) and
 * its participant WebSocket, and the local instance's default entry points. On start it
 * re-registers every active contact's meeting with the media server, so calls in progress survive a
 * restart.
 */
import { TestCaseRegistry } from './test-cases/test-case-registry';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { UpgradeHandler } from '../backend/app';
import type { EntryPoint } from '../backend/entry-points';
import type { MediaService } from '../media-server/media-service';
import type { Clock } from './clock';
import type { LocalConfig } from './config/local-config-schema';
import { createLocalContacts } from './contacts/create-local-contacts';
import type { LocalContacts } from './contacts/local-contacts';
import { participantsOf } from './contacts/participant-events';
import { createEmulatorPlugin } from './emulator/emulator-plugin';
import { createParticipantWebsocket } from './emulator/participant-websocket';
import { IDEMPOTENCY_WINDOW_MS } from './emulator/start-webrtc-contact';
import { ContactStore } from './store/contact-store';
import { toMediaAttendee } from './meetings/meeting-record';
import { MeetingStore } from './meetings/meeting-store';

/**
 * What the emulator is built from: the config, the store's folder, the media service and the clock.
 */
export interface EmulatedAwsOptions {
  config: LocalConfig;
  /** Folder of the embedded store (`contact-center.sqlite`). */
  dataDir: string;
  media: MediaService;
  logger: FastifyBaseLogger;
  /** The contact center's one clock (tests move time to check expiry). */
  now: Clock;
  /**
   * Public base URL of the server; when absent, WebSocket URLs follow each request's Host header.
   */
  publicUrl?: string;
}

/**
 * The Connect, Participant Service and Chime SDK Meetings emulator, with its store and contacts.
 */
export interface EmulatedAws {
  contacts: LocalContacts;
  /** The emulator; register it under {@link EMULATOR_PREFIX}. */
  emulator: FastifyPluginAsync;
  defaultEntryPoints: EntryPoint[];
  upgradeHandlers: UpgradeHandler[];
  close(): void;
}

/** Where the app mounts the emulator; the WebSocket URLs it hands out include it. */
export const EMULATOR_PREFIX = '/aws';

/** The config's entry points with the local instance and (default) flow filled in. */
export function localEntryPoints(config: LocalConfig): EntryPoint[] {
  return config.entryPoints.map((e) => ({
    ...e,
    instanceId: config.instance.id,
    contactFlowId: e.contactFlowId ?? config.defaultFlowId,
  }));
}

/** Opens the store, restores active meetings, and builds the emulator over them. */
export function createEmulatedAws(options: EmulatedAwsOptions): EmulatedAws {
  const { now } = options;
  const store = new ContactStore(options.dataDir);
  store.purgeIdempotent(now(), IDEMPOTENCY_WINDOW_MS);
  const contacts = createLocalContacts({
    store,
    media: options.media,
    logger: options.logger,
    now,
  });

  for (const contact of contacts.listActive()) {
    try {
      options.media.restoreMeeting(
        contact.meeting,
        participantsOf(contact).map((p) => p.attendee),
      );
    } catch (err) {
      options.logger.error(
        { err, contactId: contact.id },
        'could not restore the meeting of an active contact',
      );
    }
  }

  // Meetings of the Chime SDK Meetings API come back too, with the attendees they still have.
  const meetings = new MeetingStore(options.dataDir);
  for (const record of meetings.all()) {
    try {
      options.media.restoreMeeting(record.media, record.attendees.map(toMediaAttendee));
    } catch (err) {
      options.logger.error(
        { err, meetingId: record.meeting.MeetingId },
        'could not restore a Chime SDK Meetings API meeting',
      );
    }
  }

  const deps = {
    config: options.config,
    contacts,
    store,
    meetings,
    media: options.media,
    testCases: new TestCaseRegistry(),
    configLoadedAt: now(),
    logger: options.logger,
    now,
    prefix: EMULATOR_PREFIX,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  };
  const websocket = createParticipantWebsocket(deps);
  return {
    contacts,
    emulator: createEmulatorPlugin(deps),
    defaultEntryPoints: localEntryPoints(options.config),
    upgradeHandlers: [websocket.handleUpgrade],
    close: () => {
      websocket.close();
      store.close();
      meetings.close();
    },
  };
}
