/**
 * Add participant: the agent brings a colleague or a third party into the connected call (Connect's
 * CreateParticipant, through the desk API) and gets the join link to send them. The link carries
 * the person's meeting credentials in its fragment, so it is shown only here, never logged.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AddParticipantResponse } from '../shared/agent-desk-api';
import { deskClient } from './desk-client';
import { strings } from './strings';

/** What the Add participant form needs: the agent and contact, and where the new link goes. */
export interface AddParticipantProps {
  agentId: string;
  contactId: string;
  /** The contact lets participants send video / share a screen (the agent's own capabilities). */
  canVideo: boolean;
  canShare: boolean;
  /**
   * Participants of the contact now (joined or invited), the agent included; Connect holds at
   * most 6.
   */
  present: number;
}

/**
 * The desk's Add participant form: creates a participant and shows their /join/ link to hand over.
 */
export function AddParticipant({
  agentId,
  contactId,
  canVideo,
  canShare,
  present,
}: AddParticipantProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [video, setVideo] = useState(canVideo);
  const [screenShare, setScreenShare] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<(AddParticipantResponse & { name: string }) | null>(null);
  const [copied, setCopied] = useState(false);
  const full = present >= 6;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const displayName = name.trim();
      const out = await deskClient.addParticipant(agentId, contactId, {
        displayName,
        video: canVideo && video,
        screenShare: canShare && screenShare,
      });
      setAdded({ ...out, name: displayName });
      setName('');
      setOpen(false);
    } catch (err) {
      setError(strings.addParticipantFailed((err as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const copy = () =>
    void navigator.clipboard?.writeText(added?.joinUrl ?? '').then(
      () => setCopied(true),
      () => setCopied(false),
    );

  return (
    <section className="add-participant" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{strings.participantsTitle(present)}</h3>
      {!open && (
        <button type="button" disabled={full} onClick={() => setOpen(true)}>
          {strings.addParticipant}
        </button>
      )}
      {full && <p className="muted">{strings.callFull}</p>}
      {open && (
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor={`${id}-name`}>{strings.participantName}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={256}
            required
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
          {canVideo && (
            <label className="check">
              <input type="checkbox" checked={video} onChange={(e) => setVideo(e.target.checked)} />
              {strings.participantMayVideo}
            </label>
          )}
          {canShare && (
            <label className="check">
              <input
                type="checkbox"
                checked={screenShare}
                onChange={(e) => setScreenShare(e.target.checked)}
              />
              {strings.participantMayShare}
            </label>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || !name.trim()}>
              {strings.addToCall}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {strings.cancel}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div role="status">
        {added && (
          <>
            <label htmlFor={`${id}-link`}>{strings.joinLinkFor(added.name)}</label>
            <div className="join-link">
              <input
                id={`${id}-link`}
                readOnly
                value={added.joinUrl}
                data-testid="participant-join-link"
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" onClick={copy}>
                {copied ? strings.copied : strings.copyLink}
              </button>
            </div>
            <p className="muted">{strings.joinLinkHelp}</p>
          </>
        )}
      </div>
    </section>
  );
}
