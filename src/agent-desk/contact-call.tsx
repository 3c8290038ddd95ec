/**
 * The agent's side of a connected contact: joins the contact's meeting through the call engine with
 * the agent's own attendee, shows the customer (a shared screen large when someone shares) and
 * every participant the agent added, the controls the Agent capabilities allow (microphone, camera,
 * own screen share, enabling the customer's screen sharing with Connect's data message) and Add
 * participant.
 */
import { CallHealth } from './call-health';
import { useEffect, useState } from 'react';
import type { CallEngine } from '../call-engine/call-engine-api';
import {
  isAudioBlocked,
  isInCall,
  lastMessageOn,
  localVideoTile,
  networkQuality,
  remoteAttendees,
  remoteContentTile,
  remoteParticipants,
  selfMedia,
} from '../call-engine/call-selectors';
import type { CallSnapshot } from '../call-engine/call-types';
import { loadCallEngine } from '../call-engine/load-call-engine';
import { equalData, useCallSnapshot } from '../call-engine/use-call-snapshot';
import type { DeskContact, VideoConnectionInfo } from '../shared/agent-desk-api';
import { SCREEN_SHARING_TOPIC } from '../shared/connect-schemas';
import { CAMERA_PAUSE_TOPIC, parseCameraPause } from '../shared/camera-pause-message';
import { deskClient, toJoinCredentials } from './desk-client';
import { CallStatusLine } from './call-status-line';
import { CustomerAway } from './customer-away';
import { strings } from './strings';
import { DeskTile } from './desk-tile';
import { AddParticipant } from './add-participant';

/** The accepted contact and the agent's meeting credentials. */
export interface ContactCallProps {
  agentId: string;
  contact: DeskContact;
  /** From Accept; when absent (page reloaded mid-contact) the credentials are fetched again. */
  connection?: VideoConnectionInfo;
  onEnd(): void;
  busy: boolean;
}

/**
 * The customer's page went to the background and the widget paused their camera (latest message).
 */
export function customerCameraPaused(snap: CallSnapshot): boolean {
  const last = lastMessageOn(snap, CAMERA_PAUSE_TOPIC);
  return !!last && parseCameraPause(last.text) === 'paused-in-background';
}

/**
 * The customer's microphone is muted (their camera attendee; not muted while they are not present).
 */
export function customerMuted(snap: CallSnapshot, customerAttendeeId?: string): boolean {
  const people = remoteAttendees(snap).filter((a) => !a.isContent);
  return (people.find((a) => a.attendeeId === customerAttendeeId) ?? people[0])?.muted ?? false;
}

/**
 * The agent's side of a call: the customer's video, the agent's own, the controls and the status
 * line.
 */
export function ContactCall({ agentId, contact, connection, onEnd, busy }: ContactCallProps) {
  const [engine, setEngine] = useState<CallEngine | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [customerSharingEnabled, setCustomerSharingEnabled] = useState(false);
  const content = useCallSnapshot(engine, remoteContentTile, equalData);
  const people = useCallSnapshot(engine, remoteParticipants, equalData);
  const local = useCallSnapshot(engine, localVideoTile, equalData);
  const self = useCallSnapshot(engine, selfMedia, equalData);
  const joined = useCallSnapshot(engine, isInCall);
  const network = useCallSnapshot(engine, networkQuality);
  const audioBlocked = useCallSnapshot(engine, isAudioBlocked);
  const cameraPaused = useCallSnapshot(engine, customerCameraPaused);
  const customerId = contact.participants[0]?.attendeeId;
  const muted = useCallSnapshot(engine, (s) => customerMuted(s, customerId));
  const caps = contact.capabilities;

  useEffect(() => {
    let cancelled = false;
    let joined: CallEngine | null = null;
    (async () => {
      const info = connection ?? (await deskClient.connection(agentId, contact.id));
      joined = await loadCallEngine();
      if (cancelled) return;
      setEngine(joined);
      await joined.join({
        credentials: toJoinCredentials(info),
        video: caps.agent.video,
        topics: [SCREEN_SHARING_TOPIC, CAMERA_PAUSE_TOPIC],
      });
    })().catch((error: Error) => !cancelled && setFailure(error.message));
    return () => {
      cancelled = true;
      void joined?.leave();
    };
    // Join once per contact; capabilities and credentials do not change during a contact.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [agentId, contact.id]);

  const toggleCustomerSharing = () => {
    if (!engine) return;
    const enable = !customerSharingEnabled;
    engine.sendDataMessage(
      SCREEN_SHARING_TOPIC,
      JSON.stringify({ message: enable ? 'ScreenSharingStarted' : 'ScreenSharingStopped' }),
    );
    setCustomerSharingEnabled(enable);
  };

  const customer = people.find((p) => p.attendeeId === customerId) ?? people[0];
  const others = people.filter((p) => p !== customer);
  const remote = customer?.tile;
  const nameOf = (attendeeId: string) =>
    contact.participants.find((p) => p.attendeeId === attendeeId)?.name ?? strings.guest;
  const mutedBadge = muted ? strings.mutedBadge : undefined;
  return (
    <section className="call" aria-labelledby="call-title">
      <h2 id="call-title">{strings.contactTitle(contact.customerName)}</h2>
      <CallStatusLine
        since={contact.acceptedAt ?? contact.connectedAt}
        network={network}
        customerName={contact.customerName}
        customerMuted={muted}
      />
      <CustomerAway customerName={contact.customerName} until={contact.customerAwayUntil} />
      {failure && (
        <p role="alert" className="error">
          {strings.callFailed(failure)}
        </p>
      )}
      {!joined && !failure && <p className="muted">{strings.joining}</p>}
      {/* The main view and a strip beside it (below it on narrow windows): the self-view never
          covers the customer. */}
      <div className="stage">
        {content ? (
          <DeskTile
            engine={engine}
            tile={content}
            label={strings.customerScreen(contact.customerName)}
            className="main content"
          />
        ) : remote ? (
          <DeskTile
            engine={engine}
            tile={remote}
            label={strings.customerVideo(contact.customerName)}
            badge={mutedBadge}
            className="main"
          />
        ) : (
          <div className="main placeholder">
            <span data-testid="customer-video-placeholder">
              {contact.customerAwayUntil !== undefined
                ? strings.customerVideoAway(contact.customerName)
                : cameraPaused
                  ? strings.customerCameraPaused(contact.customerName)
                  : strings.waitingForCustomerVideo}
            </span>
            {mutedBadge && <span className="tile-badge">{mutedBadge}</span>}
          </div>
        )}
        {(local || (content && remote) || others.length > 0) && (
          <div className="strip">
            {others.map((p) =>
              p.tile ? (
                <DeskTile
                  key={p.attendeeId}
                  engine={engine}
                  tile={p.tile}
                  label={strings.participantVideo(nameOf(p.attendeeId))}
                  badge={p.muted ? strings.mutedBadge : undefined}
                  className={`side${p.speaking ? ' speaking' : ''}`}
                />
              ) : (
                <p key={p.attendeeId} className="tile side placeholder">
                  {strings.participantNoVideo(nameOf(p.attendeeId))}
                  {p.muted && <span className="tile-badge">{strings.mutedBadge}</span>}
                </p>
              ),
            )}
            {content && remote && (
              <DeskTile
                engine={engine}
                tile={remote}
                label={strings.customerVideo(contact.customerName)}
                badge={mutedBadge}
                className="side"
              />
            )}
            {local && (
              <DeskTile engine={engine} tile={local} label={strings.yourVideo} className="self" />
            )}
          </div>
        )}
      </div>
      {audioBlocked && (
        <button type="button" onClick={() => void engine?.startAudio()}>
          {strings.startAudio}
        </button>
      )}
      <div
        className="controls"
        role="group"
        aria-label={strings.contactTitle(contact.customerName)}
      >
        <button
          type="button"
          aria-pressed={self.muted}
          disabled={!joined}
          onClick={() => engine?.setMuted(!self.muted)}
        >
          {strings.mute}
        </button>
        {caps.agent.video && (
          <button
            type="button"
            aria-pressed={self.cameraOn}
            disabled={!joined}
            onClick={() =>
              void engine?.setCameraOn(!self.cameraOn).catch((e: Error) => setFailure(e.message))
            }
          >
            {strings.camera}
          </button>
        )}
        {caps.agent.screenShare && (
          <button
            type="button"
            aria-pressed={self.sharing}
            disabled={!joined}
            onClick={() =>
              self.sharing
                ? engine?.stopScreenShare()
                : void engine?.startScreenShare().catch((e: Error) => setFailure(e.message))
            }
          >
            {strings.shareMyScreen}
          </button>
        )}
        {caps.customer.screenShare && (
          <button type="button" disabled={!joined} onClick={toggleCustomerSharing}>
            {customerSharingEnabled ? strings.disableScreenSharing : strings.enableScreenSharing}
          </button>
        )}
        <button type="button" className="danger" disabled={busy} onClick={onEnd}>
          {strings.endContact}
        </button>
      </div>
      {joined && (
        <AddParticipant
          agentId={agentId}
          contactId={contact.id}
          canVideo={caps.agent.video}
          canShare={caps.agent.screenShare}
          present={contact.participants.length + 1}
        />
      )}
      {/* Below the controls: its figures change as the call goes, and must never move the
          videos. */}
      {joined && <CallHealth agentId={agentId} contactId={contact.id} />}
    </section>
  );
}
