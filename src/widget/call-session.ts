/**
 * The customer call controller: start the contact (idempotent retries), join the meeting, follow
 * the contact (events + status polling), detect the agent from the contact itself, end and clean
 * up. Each start has one AbortSignal: checked after every await (start request, engine load),
 * handed to the engine load and the join (where aborting is a leave); whoever aborts also stops the
 * follow. Cancelling a start that is still being set up returns at once: the UI is back to pre-call
 * while the contact is disconnected and every device released.
 * Framework-free so it is tested in Node; React reads it through useSyncExternalStore.
 */
import { createListeners } from '../shared/listener-store';
import { SCREEN_SHARING_TOPIC } from '../shared/connect-schemas';
import type { CallStatus, StartCallRequest, StartCallResponse } from '../shared/call-api';
import { remoteParticipants } from '../call-engine/call-selectors';
import { screenSharingInstruction } from './screens/screen-share-gate';
import type {
  CallSession,
  EndedBy,
  HostEvent,
  JoinChoice,
  SessionDeps,
  SessionState,
  WidgetConfig,
} from './call-session-types';
import { hostErrorOf, sessionErrorOf } from './session-errors';
import { languageOf } from './strings/strings';
import { forgetSavedCall, releaseSavedCall, saveCall, type SavedCall } from './saved-call';

/** The controller's interface, re-exported for the widget's components. */
export type { CallSession };

/** Creates the controller of one widget's calls; `emit` receives the host-page events. */
export function createCallSession(
  config: WidgetConfig,
  deps: SessionDeps,
  emit: (e: HostEvent) => void,
): CallSession {
  let state: SessionState = {
    phase: { phase: 'pre-call' },
    captions: [],
    selfName: null,
    agentName: null,
    people: {},
    rosterNote: null,
    engine: null,
    settingUp: false,
  };
  const listeners = createListeners();
  let clientToken = deps.newClientToken();
  let lastChoice: { choice: JoinChoice; allowed?: string[] } | null = null;
  const cleanups: Array<() => void> = [];
  let refresh = () => undefined as void;
  let customerEnding = false;
  let finishing = false;
  /** The call that ended last (what a rating is for); its call token authorises the rating. */
  let endedCall: StartCallResponse | null = null;
  /** The current start: aborting its controller cuts it short wherever it is. */
  let attempt: AbortController | null = null;
  /** The start request's body while it has not answered (what a cancel then sends). */
  let unanswered: StartCallRequest | null = null;
  const stopStart = () => {
    attempt?.abort();
    attempt = null;
  };
  /** The page went away with the call left to the next page of this tab (see leavePage). */
  let leftPage = false;
  /** A rejoin not yet back in the meeting: an end now means the call could not be resumed. */
  let rejoining = false;
  /**
   * Keeps the running call in this tab's sessionStorage, so the next page of the tab rejoins it.
   */
  const persist = () => {
    const p = state.phase;
    if ((p.phase !== 'connecting' && p.phase !== 'in-call') || !lastChoice || leftPage) return;
    const { choice } = lastChoice;
    const now = state.engine?.getSnapshot();
    saveCall({
      backendUrl: config.backendUrl,
      entryPoint: config.entryPoint,
      call: p.call,
      startedAt: p.startedAt,
      connectedAt: p.phase === 'in-call' ? p.connectedAt : null,
      agentName: state.agentName ?? '',
      selfName: choice.displayName,
      // What the customer has now (camera turned off, muted mid-call), not only what Join chose.
      video: now?.status.kind === 'joined' ? now.cameraOn : choice.video,
      muted: now?.status.kind === 'joined' ? now.muted : Boolean(choice.muted),
      camera: choice.camera,
      microphone: choice.microphone,
      speaker: choice.speaker,
    });
  };
  /** Nothing in the customer's path fails unseen: what is not shown is at least logged. */
  const report = (what: string, error: unknown) =>
    console.warn(`<connect-video-call>: ${what} failed`, error);

  const set = (patch: Partial<SessionState>) => {
    const before = state.phase.phase;
    state = { ...state, ...patch };
    if (state.phase.phase !== before) emit({ type: 'state', state: state.phase.phase });
    listeners.emit();
  };
  const teardown = async () => {
    for (const c of cleanups.splice(0)) c();
    const engine = state.engine;
    if (engine) await engine.leave().catch((e: unknown) => report('leaving the call', e));
  };
  const finish = async (endedBy: EndedBy, at = deps.now()) => {
    const p = state.phase;
    // After leavePage the call is the next page's: this page's engine leaving ends nothing.
    if ((p.phase !== 'connecting' && p.phase !== 'in-call') || finishing || leftPage) return;
    finishing = true;
    forgetSavedCall();
    stopStart(); // an engine still loading or joining must not start after the end
    // Call time runs from the agent's connect (whole seconds, as the timer shows it); no agent, no
    // duration.
    const durationSeconds =
      p.phase === 'in-call' ? Math.max(0, Math.floor((at - p.connectedAt) / 1000)) : null;
    await teardown();
    endedCall = p.call;
    set({
      phase: { phase: 'ended', contactId: p.call.contactId, endedBy, durationSeconds },
      engine: null,
      settingUp: false,
    });
    emit({
      type: 'ended',
      contactId: p.call.contactId,
      durationSeconds: durationSeconds ?? 0,
      endedBy,
    });
  };
  const fail = async (error: unknown) => {
    forgetSavedCall();
    stopStart();
    await teardown();
    set({
      phase: { phase: 'error', error: sessionErrorOf(error) },
      engine: null,
      settingUp: false,
    });
    emit(hostErrorOf(error));
  };
  /** Who ended it when the contact or meeting reports the end (the customer's own End wins). */
  const endedByRemote = (): EndedBy =>
    customerEnding ? 'customer' : state.phase.phase === 'in-call' ? 'agent' : 'system';
  const agentArrived = (name: string | null) => {
    if (name) set({ agentName: name });
    const p = state.phase;
    if (p.phase === 'connecting') {
      set({
        phase: { phase: 'in-call', call: p.call, startedAt: p.startedAt, connectedAt: deps.now() },
      });
    } else if (!name) {
      return; // nothing new to save
    }
    // Also when the name comes after the status poll connected the call: a rejoin then shows it.
    persist();
  };
  const onStatus = (s: CallStatus) => {
    const p = state.phase;
    if (s.state === 'ended') void finish(endedByRemote());
    else if (s.state === 'connected') agentArrived(null);
    else if (p.phase === 'connecting' && (p.flowState !== s.state || p.queueName !== s.queueName))
      set({ phase: { ...p, flowState: s.state, queueName: s.queueName } });
  };
  const follow = (call: StartCallResponse) => {
    const watcher = deps.watchStatus(call.contactId, call.callToken, onStatus);
    refresh = watcher.refresh;
    cleanups.push(watcher.stop);
    if (call.eventsUrl) {
      cleanups.push(
        deps.openEvents(call.eventsUrl, (e) => {
          if (e.type === 'caption')
            set({
              captions: [
                ...state.captions.filter((c) => c.id !== e.id),
                { id: e.id, text: e.text },
              ].slice(-20),
            });
          else if (e.type === 'agent-joined') agentArrived(e.name || null);
          else if (e.type === 'participant-joined')
            set({ people: { ...state.people, [e.participantId]: e.name } });
          else void finish(endedByRemote());
        }),
      );
    }
  };
  const watchEngine = () => {
    const engine = state.engine;
    if (!engine) return;
    let present: Set<string> | null = null;
    const off = engine.subscribe(() => {
      const s = engine.getSnapshot();
      // Who joins and leaves after the first remote (the agent): told in the live region.
      const now = new Set(remoteParticipants(s).map((a) => a.externalUserId));
      const was = present;
      present = now.size > 0 || was ? now : null;
      if (was && was.size > 0) {
        const joined = [...now].find((x) => !was.has(x));
        const left = [...was].find((x) => !now.has(x));
        const who = joined ?? left;
        if (who !== undefined && s.status.kind === 'joined')
          set({
            rosterNote: {
              joined: !!joined,
              externalUserId: who,
              n: (state.rosterNote?.n ?? 0) + 1,
            },
          });
      }
      // Joined the meeting: the call runs, and closing the panel minimises it from now on.
      if (s.status.kind === 'joined') {
        rejoining = false;
        if (state.settingUp) set({ settingUp: false });
      }
      if (s.status.kind === 'left')
        void finish(
          rejoining && !customerEnding
            ? 'away'
            : s.status.reason === 'connection-lost' && !customerEnding
              ? 'connection'
              : endedByRemote(),
        );
      // The agent withdrew screen-sharing permission: a running share ends.
      if (s.sharing && screenSharingInstruction(s) === 'ScreenSharingStopped')
        engine.stopScreenShare();
    });
    cleanups.push(off);
  };

  /** Joins the meeting with the customer's choices (start and rejoin alike). */
  const joinMeeting = async (call: StartCallResponse, choice: JoinChoice, signal: AbortSignal) => {
    const engine = await deps.loadEngine(signal);
    signal.throwIfAborted();
    set({ engine });
    watchEngine();
    const mayVideo = call.allowedCapabilities.Customer?.Video === 'SEND';
    await engine.join({
      credentials: call.connectionData,
      video: choice.video && mayVideo,
      camera: choice.camera,
      microphone: choice.microphone,
      speaker: choice.speaker,
      ...(choice.noiseSuppression === undefined
        ? {}
        : { noiseSuppression: choice.noiseSuppression }),
      ...(choice.background ? { background: choice.background } : {}),
      // The entry point's cap, else the quality adapts to the network (the call keeps it on
      // rejoin).
      videoQuality: call.maxVideoQuality ?? 'auto',
      topics: [SCREEN_SHARING_TOPIC],
      signal,
    });
    if (!signal.aborted && choice.muted) engine.setMuted(true);
  };

  const session: CallSession = {
    getState: () => state,
    subscribe: (l) => listeners.add(l),
    async start(choice, allowed) {
      lastChoice = { choice, allowed };
      customerEnding = false;
      finishing = false;
      rejoining = false;
      const controller = new AbortController();
      attempt = controller;
      const { signal } = controller;
      set({
        phase: { phase: 'starting' },
        captions: [],
        agentName: null,
        people: {},
        rosterNote: null,
        selfName: choice.displayName,
        settingUp: true,
      });
      try {
        // The server refuses attributes its entry point does not allow, so `language` goes only
        // where allowed.
        const attributes = allowed?.includes('language')
          ? { language: languageOf(config.locale), ...config.attributes }
          : config.attributes;
        const body: StartCallRequest = {
          entryPoint: config.entryPoint,
          displayName: choice.displayName,
          clientToken,
          ...(attributes ? { attributes } : {}),
          ...(config.customerToken ? { customerToken: config.customerToken } : {}),
          locale: config.locale,
        };
        unanswered = body;
        const starting = deps.startCall(body);
        const answered = () => {
          if (unanswered === body) unanswered = null;
        };
        void starting.then(answered, answered);
        const call = await starting;
        // After every wait: a cancel meanwhile wins (it already undid what this start began).
        signal.throwIfAborted();
        const startedAt = deps.now();
        set({ phase: { phase: 'connecting', call, startedAt, flowState: 'in-flow' } });
        persist();
        follow(call);
        await joinMeeting(call, choice, signal);
      } catch (error) {
        if (signal.aborted) return; // whoever aborted it undoes what it started
        await fail(error);
      }
    },
    async rejoin(saved: SavedCall) {
      const choice: JoinChoice = {
        displayName: saved.selfName,
        video: saved.video,
        muted: saved.muted,
        camera: saved.camera,
        microphone: saved.microphone,
        speaker: saved.speaker,
      };
      lastChoice = { choice };
      customerEnding = false;
      finishing = false;
      leftPage = false;
      rejoining = true;
      const controller = new AbortController();
      attempt = controller;
      const { signal } = controller;
      const { call, startedAt, connectedAt } = saved;
      set({
        phase:
          connectedAt !== null
            ? { phase: 'in-call', call, startedAt, connectedAt }
            : { phase: 'connecting', call, startedAt, flowState: 'queued' },
        captions: [],
        agentName: saved.agentName || null,
        selfName: saved.selfName,
        settingUp: false,
      });
      try {
        // The meeting is joined while the backend cancels the deferred end: media flows again
        // sooner. A contact that ended meanwhile finishes the session, which aborts the join.
        const back = deps.callBack(call.contactId, call.callToken).then(async (answer) => {
          signal.throwIfAborted();
          if (answer.status.state === 'ended') return finish('away');
          follow({ ...call, eventsUrl: answer.eventsUrl });
          onStatus(answer.status);
        });
        await Promise.all([back, joinMeeting(call, choice, signal)]);
      } catch (error) {
        if (signal.aborted) return;
        await fail(error);
      }
    },
    leavePage() {
      const p = state.phase;
      if ((p.phase !== 'connecting' && p.phase !== 'in-call') || state.settingUp) {
        void session.dispose();
        return;
      }
      persist();
      releaseSavedCall();
      leftPage = true;
      // keepalive: the request completes while the page unloads.
      void deps
        .callAway(p.call.contactId, p.call.callToken)
        .catch((e: unknown) => report('telling the backend the customer is away', e));
      stopStart();
      void teardown();
    },
    async cancel() {
      if (!state.settingUp) return;
      const p = state.phase;
      customerEnding = true;
      stopStart();
      // Sent before anything else, so it leaves even from `pagehide`; not awaited: the launcher
      // comes back at once.
      const ending =
        p.phase === 'connecting' || p.phase === 'in-call'
          ? deps.endCall(p.call.contactId, p.call.callToken)
          : unanswered && deps.cancelStart(unanswered);
      void ending?.catch((e: unknown) => report('ending the cancelled call', e));
      unanswered = null;
      clientToken = deps.newClientToken(); // the cancelled attempt's token would replay its contact
      forgetSavedCall();
      await teardown();
      set({ phase: { phase: 'pre-call' }, captions: [], engine: null, settingUp: false });
      if (p.phase === 'connecting' || p.phase === 'in-call')
        emit({
          type: 'ended',
          contactId: p.call.contactId,
          durationSeconds: 0,
          endedBy: 'customer',
        });
    },
    retry: () =>
      lastChoice ? session.start(lastChoice.choice, lastChoice.allowed) : Promise.resolve(),
    async end() {
      const p = state.phase;
      if (p.phase === 'starting') return session.cancel(); // no contact known yet to show as ended
      if (p.phase !== 'connecting' && p.phase !== 'in-call') return;
      customerEnding = true;
      const at = deps.now(); // the call ends when End is pressed, not when the backend answers
      stopStart();
      // The widget leaves even if this fails (the contact then ends when Connect notices).
      await deps
        .endCall(p.call.contactId, p.call.callToken)
        .catch((e: unknown) => report('ending the call', e));
      await finish('customer', at);
    },
    async rate(score, comment) {
      const call = endedCall;
      if (state.phase.phase !== 'ended' || !call) return;
      await deps.rateCall(call.contactId, call.callToken, {
        score,
        ...(comment ? { comment } : {}),
      });
      emit({ type: 'rating', contactId: call.contactId, score, ...(comment ? { comment } : {}) });
    },
    reset() {
      endedCall = null;
      clientToken = deps.newClientToken();
      set({ phase: { phase: 'pre-call' }, captions: [], agentName: null });
    },
    async sendDigit(digits) {
      const p = state.phase;
      if (p.phase !== 'connecting' && p.phase !== 'in-call') return;
      const answered = new Set(state.captions.map((c) => c.id));
      await deps.sendDtmf(p.call.contactId, p.call.callToken, digits);
      set({ captions: state.captions.filter((c) => !answered.has(c.id)) });
    },
    resume: () => refresh(),
    async dispose() {
      if (leftPage) return teardown(); // the call is the next page's now
      if (state.settingUp) await session.cancel();
      else await session.end();
      await teardown();
    },
  };
  return session;
}
