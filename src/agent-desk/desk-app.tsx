/**
 * The agent desk: sign in, then the live desk state (server-sent events) drives what is shown —
 * status, an incoming contact, the call, after-contact work — with a polite live region announcing
 * each change and an alert for refused requests.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DeskState, VideoConnectionInfo } from '../shared/agent-desk-api';
import { AfterContactWork } from './after-contact-work';
import { ContactActivity } from './contact-activity';
import { ContactCall } from './contact-call';
import { ContactDetails } from './contact-details';
import { ContactHistory } from './contact-history';
import { deskClient, watchDesk, type AgentSummary } from './desk-client';
import { IncomingContact } from './incoming-contact';
import { SignIn } from './sign-in';
import { StatusBar } from './status-bar';
import { strings } from './strings';

const STORAGE_KEY = 'cvc-agent';
/**
 * The contact this tab joined (per tab), so a second desk tab of the same agent does not join it
 * too.
 */
const JOINED_KEY = 'cvc-agent-joined-contact';

function announcement(state: DeskState | null): string {
  if (!state) return '';
  if (state.agent.status === 'RINGING' && state.contact)
    return strings.incomingAnnouncement(state.contact.customerName);
  return strings.status[state.agent.status] ?? state.agent.status;
}

function Desk({ agent, onSignOut }: { agent: AgentSummary; onSignOut(): void }) {
  const [state, setState] = useState<DeskState | null>(null);
  const [online, setOnline] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [connection, setConnection] = useState<{
    contactId: string;
    info: VideoConnectionInfo;
  } | null>(null);
  const [joinedHere, setJoinedHere] = useState(() => sessionStorage.getItem(JOINED_KEY));
  const joinHere = (contactId: string) => {
    sessionStorage.setItem(JOINED_KEY, contactId);
    setJoinedHere(contactId);
  };
  useEffect(() => watchDesk(agent.id, setState, setOnline), [agent.id]);

  const act = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(strings.requestFailed((e as Error).name, (e as Error).message));
    } finally {
      setBusy(false);
    }
  }, []);

  const contact = state?.contact;
  const status = state?.agent.status;
  return (
    <>
      {state && (
        <StatusBar
          agent={state.agent}
          busy={busy}
          onSignOut={onSignOut}
          onStatus={(s) => void act(() => deskClient.setStatus(agent.id, s))}
        />
      )}
      <p role="status" aria-live="polite" className="visually-hidden" data-testid="desk-status">
        {announcement(state)}
      </p>
      {!online && (
        <p role="alert" className="warning">
          {strings.connectionLost}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status && !contact && strings.idle[status] && (
        <section className="idle" aria-labelledby="idle-title">
          <h2 id="idle-title">{strings.idle[status]?.title}</h2>
          <p className="muted">{strings.idle[status]?.body}</p>
        </section>
      )}
      {status === 'RINGING' && contact && (
        <IncomingContact
          contact={contact}
          busy={busy}
          onAccept={() =>
            void act(async () => {
              setConnection({
                contactId: contact.id,
                info: await deskClient.accept(agent.id, contact.id),
              });
              joinHere(contact.id);
            })
          }
          onReject={() => void act(() => deskClient.reject(agent.id, contact.id))}
        />
      )}
      {status === 'ON_CONTACT' && contact && (
        <div className="on-contact">
          {joinedHere === contact.id ? (
            <ContactCall
              agentId={agent.id}
              contact={contact}
              busy={busy}
              connection={connection?.contactId === contact.id ? connection.info : undefined}
              onEnd={() => void act(() => deskClient.endContact(agent.id, contact.id))}
            />
          ) : (
            <section aria-labelledby="elsewhere-title">
              <h2 id="elsewhere-title">{strings.contactTitle(contact.customerName)}</h2>
              <p>{strings.openElsewhere}</p>
              <button type="button" className="primary" onClick={() => joinHere(contact.id)}>
                {strings.joinHere}
              </button>
            </section>
          )}
          <aside aria-label={strings.customer}>
            <ContactDetails contact={contact} />
          </aside>
        </div>
      )}
      {status === 'AFTER_CONTACT_WORK' && state && (
        <AfterContactWork
          state={state}
          busy={busy}
          onDone={() => void act(() => deskClient.completeAfterContactWork(agent.id))}
        />
      )}
      {contact && <ContactActivity contact={contact} />}
      {state && status !== 'ON_CONTACT' && status !== 'RINGING' && (
        <ContactHistory items={state.history} />
      )}
    </>
  );
}

/** The agent desk page: sign in, status, the offered or accepted contact, history. */
export function DeskApp() {
  const [agent, setAgent] = useState<AgentSummary | null>(() => {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    return saved ? (JSON.parse(saved) as AgentSummary) : null;
  });
  const signIn = (a: AgentSummary) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(a));
    setAgent(a);
  };
  const signOut = () => {
    if (agent) void deskClient.setStatus(agent.id, 'OFFLINE').catch(() => undefined);
    sessionStorage.removeItem(STORAGE_KEY);
    setAgent(null);
  };
  return (
    <>
      <header className="top">
        <h1>{strings.title}</h1>
      </header>
      <main id="main">
        {agent ? <Desk agent={agent} onSignOut={signOut} /> : <SignIn onSignIn={signIn} />}
      </main>
    </>
  );
}
