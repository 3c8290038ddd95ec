/**
 * Who each remote participant is: the agent (by the `agent-` attendee the local contact center
 * gives agents, else the first to arrive, as in a two-party call), a person the agent added (their
 * name from the contact's participant-joined events), or a guest.
 */
import type { RemoteParticipant } from '../../call-engine/call-selectors';
import type { Strings } from '../strings/strings';

/** A remote participant with the name their tile shows and whether they are the agent. */
export interface NamedParticipant extends RemoteParticipant {
  name: string;
  agent: boolean;
}

/** The name of a participant the agent added, from their attendee's external user id. */
export function addedName(externalUserId: string, people: Record<string, string>, t: Strings) {
  const id = Object.keys(people).find((k) => externalUserId.endsWith(k));
  return (id && people[id]) || t.guest;
}

/** Names every participant; `people` maps participant ids to names, `agentName` may be empty. */
export function nameParticipants(
  list: RemoteParticipant[],
  people: Record<string, string>,
  agentName: string,
  t: Strings,
): NamedParticipant[] {
  const tagged = list.some((p) => p.externalUserId.startsWith('agent-'));
  return list.map((p, i) => {
    const agent = tagged ? p.externalUserId.startsWith('agent-') : i === 0;
    return {
      ...p,
      agent,
      name: agent ? agentName || t.agent : addedName(p.externalUserId, people, t),
    };
  });
}
