/**
 * Test kit for the call session: fake dependencies at the SessionDeps boundary (the contact's
 * status and events driven by the test, the shared fake CallEngine) and a controllable clock.
 */
import { vi } from 'vitest';
import { createCallSession } from '../call-session';
import type { SessionDeps } from '../call-session-types';
import type { BackResponse, CallStatus, StartCallResponse } from '../../shared/call-api';
import type { ContactEvent } from '../../api/contact-events';
import { createFakeCallEngine } from '../../call-engine/testing/fake-call-engine';

/**
 * The StartWebRTCContact answer the fake backend gives by default: a contact with video allowed
 * both ways.
 */
export const call: StartCallResponse = {
  contactId: 'c-1',
  participantId: 'p-1',
  callToken: 'tok',
  eventsUrl: 'ws://events',
  allowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
  connectionData: {
    Attendee: { AttendeeId: 'a', JoinToken: 'j' },
    Meeting: { MeetingId: 'm', MediaPlacement: { AudioHostUrl: 'x', SignalingUrl: 'ws://s' } },
  },
};

/** A session over fake deps; `status`, `event` and `advance` drive the contact and the clock. */
export function setup(startCall: SessionDeps['startCall'] = async () => call) {
  let t = 1000;
  let onStatus: (s: CallStatus) => void = () => undefined;
  let onEvent: (e: ContactEvent) => void = () => undefined;
  const { engine, store } = createFakeCallEngine();
  const events: unknown[] = [];
  const tokens = ['token-aaaaaaaaaaaaaaaa-1', 'token-aaaaaaaaaaaaaaaa-2'];
  const deps = {
    startCall: vi.fn(startCall),
    cancelStart: vi.fn(async () => ({ contactId: 'c-1', cancelled: true })),
    endCall: vi.fn(async () => ({ ended: true })),
    callAway: vi.fn(async () => ({ endsAt: new Date(t + 30_000).toISOString() })),
    callBack: vi.fn(async (): Promise<BackResponse> => ({
      status: { contactId: 'c-1', state: 'connected' },
      eventsUrl: 'ws://events-2',
    })),
    rateCall: vi.fn(async () => ({ rated: true })),
    sendDtmf: vi.fn(async () => ({})),
    watchStatus: vi.fn((_c: string, _t: string, cb: (s: CallStatus) => void) => {
      onStatus = cb;
      return { stop: vi.fn(), refresh: vi.fn() };
    }),
    openEvents: vi.fn((_u: string, cb: (e: ContactEvent) => void) => {
      onEvent = cb;
      return vi.fn();
    }),
    loadEngine: vi.fn(async (_signal?: AbortSignal) => engine),
    newClientToken: vi.fn(() => tokens.shift()!),
    now: () => t,
  };
  const session = createCallSession(
    { backendUrl: 'http://h', entryPoint: 'default', locale: 'en' },
    deps,
    (e) => events.push(e),
  );
  return {
    session,
    deps,
    engine,
    store,
    events,
    status: (s: CallStatus) => onStatus(s),
    event: (e: ContactEvent) => onEvent(e),
    advance: (ms: number) => (t += ms),
  };
}
/** A plain video join. */
export const choice = {
  displayName: 'Ana',
  video: true,
  camera: null,
  microphone: null,
  speaker: null,
};
