/**
 * The local contact center's runtime: the flow runner, queue routing and the agent desk API, wired
 * to the emulated contacts. A started contact runs its flow; DTMF feeds the flow's pending input;
 * the flow hands the contact to a queue; the router rings agents, whose desk pages follow it all
 * over server-sent events.
 */
import { callHealthOf } from './contacts/contact-quality';
import { noteParticipantDevice } from './contacts/participant-devices';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { MediaService } from '../media-server/media-service';
import type { LocalContacts } from './contacts/local-contacts';
import type { Clock } from './clock';
import type { LocalConfig } from './config/local-config-schema';
import { DeskHub } from './desk/desk-hub';
import { deskRoutes, type DeskRouteDeps } from './desk/desk-routes';
import { DtmfInbox } from './flows/dtmf-inbox';
import { FlowRunner } from './flows/flow-runner';
import { AgentRoster } from './routing/agent-roster';
import { CenterDirectory } from './routing/center-directory';
import { MeetingPresence } from './routing/meeting-presence';
import { QueueRouter } from './routing/queue-router';
import { restoreRouting } from './routing/restore-routing';
import { createEspeakSpeech } from './speech/espeak-speech';
import { createPromptPlayer } from './speech/prompt-player';

/** What the flow runner, queue routing and the desk are built from. */
export interface FlowsAndQueuesOptions {
  config: LocalConfig;
  contacts: LocalContacts;
  media: MediaService;
  logger: FastifyBaseLogger;
  speech: boolean;
  /** The contact center's one clock, the same the emulated AWS side was given. */
  now: Clock;
  /**
   * Adds a participant to a connected call through the Connect clients (the desk's Add
   * participant).
   */
  addParticipant?: DeskRouteDeps['addParticipant'];
}

/** What the local provider mounts and closes. */
export interface FlowsAndQueues {
  /** The agent desk API; mount it under `/local` behind the local-only guard. */
  desk: FastifyPluginAsync;
  close(): void;
}

/**
 * Starts flows for started contacts, routes queued ones to agents, and resumes both after a
 * restart.
 */
export function createFlowsAndQueues(options: FlowsAndQueuesOptions): FlowsAndQueues {
  const { config, contacts, media, logger, now } = options;
  const directory = new CenterDirectory(config);
  const roster = new AgentRoster(directory, now);
  const router = new QueueRouter({ contacts, directory, roster, now });
  const presence = new MeetingPresence(media.events, ({ meetingId, attendeeId }) => {
    noteParticipantDevice(contacts, media, { meetingId, attendeeId });
    // The agent's media is up: note it once on the contact (DescribeContact's
    // ConnectedToAgentTimestamp).
    const contact = contacts
      .listActive()
      .find(
        (c) =>
          c.meeting.MeetingId === meetingId &&
          c.agentParticipant?.attendee.AttendeeId === attendeeId,
      );
    if (contact && !contact.agent?.connectedAt)
      contacts.transition(contact.id, { kind: 'agent-media-connected' });
  });
  const speech = createEspeakSpeech({ enabled: options.speech });
  const prompts = createPromptPlayer({
    contacts,
    speech,
    playAudio: (meetingId, pcm) => media.playAudio(meetingId, pcm),
    waitForAttendee: (meetingId, attendeeId, ms) => presence.waitFor(meetingId, attendeeId, ms),
    logger,
  });
  const runner = new FlowRunner({
    contacts,
    directory,
    prompts,
    queues: router,
    dtmf: new DtmfInbox(),
    logger,
    now,
  });
  const hub = new DeskHub({
    contacts,
    roster,
    ringTimeoutSeconds: config.ringTimeoutSeconds,
    afterContactWorkSeconds: config.afterContactWorkSeconds,
    now,
  });

  const runFlow = (contactId: string) => {
    runner.run(contactId).then(
      (ending) => logger.debug({ contactId, ending }, 'Contact flow finished'),
      (error: Error) => logger.error({ contactId, err: error.message }, 'Contact flow failed'),
    );
  };
  const onStarted = (c: { id: string }) => runFlow(c.id);
  const onDtmf = ({ contactId, digits }: { contactId: string; digits: string }) => {
    if (!runner.deliverDtmf(contactId, digits))
      logger.debug({ contactId }, 'DTMF arrived while no input was pending');
  };
  const onEnded = (c: Parameters<QueueRouter['contactEnded']>[0]) => {
    runner.stop(c.id);
    router.contactEnded(c);
  };
  contacts.events.on('contact-started', onStarted);
  contacts.events.on('dtmf', onDtmf);
  contacts.events.on('contact-ended', onEnded);

  // Contacts still active from before a restart: flows start over, queued contacts wait again.
  const active = contacts.listActive();
  for (const c of active.filter((x) => x.state === 'INITIATED' || x.state === 'IN_FLOW')) {
    if (c.state === 'IN_FLOW')
      contacts.transition(c.id, { kind: 'noted', detail: 'flow restarted after a server restart' });
    runFlow(c.id);
  }
  restoreRouting(
    { contacts, roster, router },
    active.filter((x) => x.state !== 'INITIATED' && x.state !== 'IN_FLOW'),
  );
  logger.info(
    { speech: speech.available, agents: config.agents.length, queues: config.queues.length },
    'Local flows and queues ready',
  );

  return {
    desk: deskRoutes({
      contacts,
      roster,
      router,
      hub,
      ...(options.addParticipant ? { addParticipant: options.addParticipant } : {}),
      callHealth: (c) => callHealthOf(media, c),
    }),
    close() {
      contacts.events.off('contact-started', onStarted);
      contacts.events.off('dtmf', onDtmf);
      contacts.events.off('contact-ended', onEnded);
      runner.stopAll();
      router.close();
      presence.close();
      hub.close();
    },
  };
}
