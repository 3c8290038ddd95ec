/** Sign-in: one button per configured agent (the local contact center has no passwords). */
import { useEffect, useRef, useState } from 'react';
import { deskClient, type AgentSummary } from './desk-client';
import { strings } from './strings';

/** The desk's sign-in: the local agents to choose from. */
export function SignIn({ onSignIn }: { onSignIn(agent: AgentSummary): void }) {
  const [agents, setAgents] = useState<AgentSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    deskClient.listAgents().then(setAgents, () => setFailed(true));
  }, []);
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title" ref={heading} tabIndex={-1}>
        {strings.signInTitle}
      </h2>
      <p>{strings.signInHelp}</p>
      {failed && (
        <p role="alert" className="error">
          {strings.agentsFailed}
        </p>
      )}
      {!agents && !failed && <p className="muted">{strings.loadingAgents}</p>}
      <ul className="agent-list">
        {agents?.map((a) => (
          <li key={a.id}>
            <button type="button" onClick={() => onSignIn(a)}>
              {strings.signInAs(a.name, a.username)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
