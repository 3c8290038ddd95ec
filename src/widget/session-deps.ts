/**
 * The real dependencies of the call session: /api through TanStack Query (start = mutation without
 * retry, status = polled query), the contact-events socket and the lazily loaded Chime engine.
 */
import { MutationObserver, QueryObserver, type QueryClient } from '@tanstack/react-query';
import { callStatusQuery } from '../api/get-call-status';
import { cancelStart } from '../api/cancel-start';
import { endCall } from '../api/end-call';
import { callAway, callBack } from '../api/away-and-back';
import { rateCall } from '../api/rate-call';
import { sendDtmf } from '../api/send-dtmf';
import { newClientToken, startCall } from '../api/start-call';
import { openContactEvents } from '../api/contact-events';
import { loadCallEngine } from '../call-engine/load-call-engine';
import type { StartCallRequest } from '../shared/call-api';
import type { SessionDeps } from './call-session-types';

/** The call session's dependencies over the backend at `baseUrl`. */
export function createSessionDeps(queryClient: QueryClient, baseUrl: string): SessionDeps {
  return {
    startCall: (body: StartCallRequest) =>
      new MutationObserver(queryClient, {
        mutationKey: ['start-call', baseUrl],
        mutationFn: (b: StartCallRequest) => startCall(baseUrl, b),
        retry: false,
      }).mutate(body),
    cancelStart: (body) => cancelStart(baseUrl, body),
    endCall: (contactId, callToken) => endCall(baseUrl, contactId, callToken),
    callAway: (contactId, callToken) => callAway(baseUrl, contactId, callToken),
    callBack: (contactId, callToken) => callBack(baseUrl, contactId, callToken),
    rateCall: (contactId, callToken, rating) => rateCall(baseUrl, contactId, callToken, rating),
    sendDtmf(contactId, callToken, digits) {
      // One token per key press, reused by the retry: the digit reaches the flow once.
      const clientToken = newClientToken();
      return new MutationObserver(queryClient, {
        mutationFn: (d: string) => sendDtmf(baseUrl, contactId, callToken, d, clientToken),
        retry: 1,
      }).mutate(digits);
    },
    watchStatus(contactId, callToken, onStatus) {
      const observer = new QueryObserver(
        queryClient,
        callStatusQuery(baseUrl, contactId, callToken),
      );
      const off = observer.subscribe((result) => {
        if (result.data) onStatus(result.data);
      });
      return {
        stop: () => {
          off();
          queryClient.removeQueries({ queryKey: ['call-status', baseUrl, contactId] });
        },
        refresh: () => void observer.refetch(),
      };
    },
    openEvents: openContactEvents,
    loadEngine: loadCallEngine,
    newClientToken,
    now: () => Date.now(),
  };
}
