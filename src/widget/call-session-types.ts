/**
 * The customer call's life cycle as one discriminated union, plus the configuration and the
 * dependencies of the session controller (faked in tests at exactly this boundary).
 */
import type {
  BackResponse,
  CallStatus,
  RateCallRequest,
  StartCallRequest,
  StartCallResponse,
} from '../shared/call-api';
import type { CallEngine } from '../call-engine/call-engine-api';
import type { BackgroundEffect, EngineErrorCode } from '../call-engine/call-types';
import type { ContactEvent } from '../api/contact-events';
import type { SavedCall } from './saved-call';

/**
 * Who or what ended a call, as the Ended screen and the host page's event report it; `away`: a
 * rejoining page found the call over (ended while the customer was away, or their attendee refused
 * after 60 s).
 */
export type EndedBy = 'customer' | 'agent' | 'system' | 'connection' | 'away';

/** What the customer chose before joining. */
export interface JoinChoice {
  displayName: string;
  video: boolean;
  /** Join with the microphone muted (the pre-call mic toggle). */
  muted?: boolean;
  camera: string | null;
  microphone: string | null;
  speaker: string | null;
  /** Noise suppression of the microphone (default on where possible). */
  noiseSuppression?: boolean;
  /** The background behind the customer (default none). */
  background?: BackgroundEffect;
}

/** A flow prompt shown as a caption. */
export interface Caption {
  id: string;
  text: string;
}

/** Why a call could not start or went on no longer. */
export type SessionError =
  | { kind: 'backend'; name: string; message: string; retryable: boolean; unreachable: boolean }
  | { kind: 'device' | 'join'; code: EngineErrorCode; message: string };

/**
 * Where the call is: pre-call, starting, connecting (flow and queue), in call, ended, or failed.
 */
export type SessionPhase =
  | { phase: 'pre-call' }
  | { phase: 'starting' }
  | {
      phase: 'connecting';
      call: StartCallResponse;
      startedAt: number;
      flowState: CallStatus['state'];
      queueName?: string;
    }
  | {
      phase: 'in-call';
      call: StartCallResponse;
      startedAt: number;
      connectedAt: number;
    }
  /** `durationSeconds` is null when the call never reached an agent. */
  | { phase: 'ended'; contactId: string; endedBy: EndedBy; durationSeconds: number | null }
  | { phase: 'error'; error: SessionError };

/** Everything the widget shows of a call, owned by the call session. */
export interface SessionState {
  phase: SessionPhase;
  captions: Caption[];
  /** The customer's display name for the current call (null before the first start). */
  selfName: string | null;
  /**
   * The agent's display name once known: the one owner of it (the phases hold none). It arrives
   * with the contact's `agent-joined` event (or a rejoin's saved call), which may come after the
   * status poll already moved the call to in-call; it stays through the ended screen and is cleared
   * by the next start or reset, so it is non-null only for a call that reached a named agent.
   */
  agentName: string | null;
  /**
   * Names of the other participants the agent added, by participant id (from the contact events).
   */
  people: Record<string, string>;
  /**
   * The last participant who joined or left the meeting (by attendee), for the live region; the
   * agent's own arrival is announced by the in-call status instead. `n` counts changes.
   */
  rosterNote: { joined: boolean; externalUserId: string; n: number } | null;
  /** The engine of the current call (null before joining and after it ended). */
  engine: CallEngine | null;
  /**
   * From Join until the meeting is joined: closing the panel (or leaving the page) cancels the call
   * instead of minimising it.
   */
  settingUp: boolean;
}

/** The widget's configuration: backend, entry point, language, theme. */
export interface WidgetConfig {
  backendUrl: string;
  entryPoint: string;
  displayName?: string;
  locale: string;
  customerToken?: string;
  attributes?: Record<string, string>;
  /** The site's own camera background image (offered next to the built-in ones). */
  backgroundImage?: string;
}

/** Everything the session does outside itself. */
export interface SessionDeps {
  startCall(body: StartCallRequest): Promise<StartCallResponse>;
  /** Ends the contact a start request (still unanswered) began; same body, same clientToken. */
  cancelStart(body: StartCallRequest): Promise<unknown>;
  endCall(contactId: string, callToken: string): Promise<unknown>;
  /**
   * The page is going with the call running: the backend ends it after the grace period unless the
   * customer is back.
   */
  callAway(contactId: string, callToken: string): Promise<unknown>;
  /** The customer is back (a rejoining page): cancels the deferred end. */
  callBack(contactId: string, callToken: string): Promise<BackResponse>;
  rateCall(contactId: string, callToken: string, rating: RateCallRequest): Promise<unknown>;
  sendDtmf(contactId: string, callToken: string, digits: string): Promise<unknown>;
  /** Starts polling the contact's status; returns a stop function and a "poll now" function. */
  watchStatus(
    contactId: string,
    callToken: string,
    onStatus: (s: CallStatus) => void,
  ): { stop(): void; refresh(): void };
  openEvents(url: string, onEvent: (e: ContactEvent) => void): () => void;
  /** Loads the call engine; an aborted `signal` rejects instead of handing over an engine. */
  loadEngine(signal?: AbortSignal): Promise<CallEngine>;
  newClientToken(): string;
  now(): number;
}

/** Events the host page receives (as DOM CustomEvents on the element). */
export type HostEvent =
  | { type: 'state'; state: SessionPhase['phase'] }
  | { type: 'ended'; contactId: string; durationSeconds: number; endedBy: EndedBy }
  | { type: 'error'; name: string; message: string }
  | { type: 'rating'; contactId: string; score: number; comment?: string };

/** The call controller's surface (see call-session.ts). */
export interface CallSession {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /**
   * Starts a call; a retry after a failure reuses the attempt's clientToken. `allowedAttributes`
   * are the entry point's: the widget's `language` attribute is sent only where the entry point
   * allows it.
   */
  start(choice: JoinChoice, allowedAttributes?: string[]): Promise<void>;
  retry(): Promise<void>;
  /** The customer ends the call: DisconnectParticipant through the backend, then leave. */
  end(): Promise<void>;
  /**
   * Cancels a call still being set up (see `settingUp`): the start stops at whatever it awaits, the
   * contact is ended through the backend (once the start request answered), devices are released
   * and the session is back to pre-call. Does nothing once the call runs.
   */
  cancel(): Promise<void>;
  /**
   * The customer rates the call that just ended (1–5, optional comment): stored on the contact by
   * the backend, then the host page gets `rating`. Rejects when it could not be stored.
   */
  rate(score: number, comment?: string): Promise<void>;
  /**
   * Rejoins the call a previous page of this tab ran (see saved-call.ts) as the same attendee:
   * tells the backend the customer is back, follows the contact again and joins the meeting with
   * the saved credentials and choices. A contact that ended meanwhile shows as ended.
   */
  rejoin(saved: SavedCall): Promise<void>;
  /**
   * The page is going (`pagehide`) with a call running: the call is left to the next page of this
   * tab (saved and released, the backend told the customer is away), this page's devices are
   * released. A call still being set up is cancelled instead (see `dispose`).
   */
  leavePage(): void;
  /** Back to the pre-call screen for a new attempt (new clientToken). */
  reset(): void;
  /** Sends DTMF; once sent, the prompts it answered are cleared from the captions. */
  sendDigit(digits: string): Promise<void>;
  /** The tab became visible again: re-check the contact at once. */
  resume(): void;
  /**
   * The widget goes away (closed or the page left): cancels a call being set up, ends a running
   * one.
   */
  dispose(): Promise<void>;
}
