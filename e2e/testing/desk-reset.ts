/**
 * Puts the sample agents back to Offline with nothing held, whatever an earlier test left them in:
 * a test that fails mid-call leaves its agent on the contact, and every later test that needs that
 * agent would fail too (one failure became seventeen). Uses the desk API, as the desk's buttons do.
 */

/** The sample agents of config/local. */
const AGENT_IDS = ['0336b503-1430-41e8-9e50-f660e2ad5be0', 'a8483fc0-19df-43b3-b61f-de3bd7b4ca24'];

interface AgentState {
  agent: { status: string };
  contact?: { id: string; state: string };
}

/**
 * POSTs to the desk API as the desk does. A JSON content type goes only with a body: the server
 * refuses an empty JSON body (400), and with it the release's End, which mattered once a customer
 * who closes the page is given a grace period instead of ending the contact at once.
 */
const deskPost = (desk: string) => (path: string, body?: unknown) =>
  fetch(`${desk}${path}`, {
    method: 'POST',
    ...(body
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });

async function release(baseUrl: string, agentId: string): Promise<void> {
  const desk = `${baseUrl}/local/desk/agents/${agentId}`;
  const post = deskPost(desk);
  const state = (await (await fetch(`${desk}/state`)).json()) as AgentState;
  if (state.agent.status === 'RINGING' && state.contact)
    await post(`/contacts/${state.contact.id}/reject`);
  if (state.agent.status === 'ON_CONTACT' && state.contact) {
    const r = await post(`/contacts/${state.contact.id}/end`);
    if (!r.ok) throw new Error(`agent ${agentId} could not end its contact: ${await r.text()}`);
  }
  const after = (await (await fetch(`${desk}/state`)).json()) as AgentState;
  if (after.agent.status === 'AFTER_CONTACT_WORK') await post('/after-contact-work/complete');
  const offline = await post('/status', { status: 'OFFLINE' });
  if (!offline.ok)
    throw new Error(`agent ${agentId} could not go Offline: ${await offline.text()}`);
}

/** Both sample agents Offline, no contact ringing or held, no after-contact work. */
export async function releaseAgents(baseUrl: string): Promise<void> {
  for (const id of AGENT_IDS) await release(baseUrl, id);
}

/**
 * Makes the agent Available until `contactId` rings it (passing on any other contact an earlier
 * test left queued), then accepts it through the desk API and returns the agent's meeting
 * credentials in Streams' camelCase shape. The contact is CONNECTED afterwards, as when the agent
 * clicks Accept.
 */
export async function agentAnswers(
  baseUrl: string,
  agentId: string,
  contactId: string,
): Promise<{
  attendee: { attendeeId: string; joinToken: string };
  meeting: { meetingId: string; mediaRegion: string; mediaPlacement: Record<string, string> };
}> {
  const desk = `${baseUrl}/local/desk/agents/${agentId}`;
  const post = deskPost(desk);
  const deadline = Date.now() + 45_000;
  for (;;) {
    const state = (await (await fetch(`${desk}/state`)).json()) as AgentState;
    if (state.agent.status === 'RINGING' && state.contact?.id === contactId) break;
    if (state.agent.status === 'RINGING' && state.contact)
      await post(`/contacts/${state.contact.id}/reject`);
    else if (['OFFLINE', 'MISSED'].includes(state.agent.status))
      await post('/status', { status: 'AVAILABLE' });
    else if (state.agent.status === 'AFTER_CONTACT_WORK')
      await post('/after-contact-work/complete');
    if (Date.now() > deadline)
      throw new Error(`contact ${contactId} never rang agent ${agentId}: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const accepted = await post(`/contacts/${contactId}/accept`);
  if (!accepted.ok) throw new Error(`accept failed: ${await accepted.text()}`);
  return ((await accepted.json()) as { connection: never }).connection;
}
