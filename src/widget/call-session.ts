/**
 * The customer call controller: start the contact (idempotent retries), join the meeting, follow the
 * contact (events + status polling), detect the agent from the contact itself, end and clean up.
 * Framework-free so it is tested in Node; React reads it through useSyncExternalStore.
 */
import { createListeners } from '../shared/listener-store';
import { SCREEN_SHARING_TOPIC } from '../shared/connect-schemas';
import type { CallStatus, StartCallResponse } from '../shared/call-api';
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
    engine: null,
  };
  const listeners = createListeners();
  let clientToken = deps.newClientToken();
  let lastChoice: { choice: JoinChoice; allowed?: string[] } | null = null;
  const cleanups: Array<() => void> = [];
  let refresh = () => undefined as void;
  let customerEnding = false;
  let finishing = false;

  const set = (patch: Partial<SessionState>) => {
    const before = state.phase.phase;
    state = { ...state, ...patch };
    if (state.phase.phase !== before) emit({ type: 'state', state: state.phase.phase });
    listeners.emit();
  };
  const teardown = async () => {
    for (const c of cleanups.splice(0)) c();
    const engine = state.engine;
    if (engine) await engine.leave().catch(() => undefined);
  };
  const finish = async (endedBy: EndedBy, at = deps.now()) => {
    const p = state.phase;
    if ((p.phase !== 'connecting' && p.phase !== 'in-call') || finishing) return;
    finishing = true;
    // Call time runs from the agent's connect (whole seconds, as the timer shows it); no agent, no duration.
    const durationSeconds =
      p.phase === 'in-call' ? Math.max(0, Math.floor((at - p.connectedAt) / 1000)) : null;
    const agentName = p.phase === 'in-call' ? p.agentName || state.agentName || null : null;
    await teardown();
    set({
      phase: { phase: 'ended', contactId: p.call.contactId, endedBy, durationSeconds, agentName },
      engine: null,
    });
    emit({
      type: 'ended',
      contactId: p.call.contactId,
      durationSeconds: durationSeconds ?? 0,
      endedBy,
    });
  };
  const fail = async (error: unknown) => {
    await teardown();
    set({ phase: { phase: 'error', error: sessionErrorOf(error) }, engine: null });
    emit(hostErrorOf(error));
  };
  /** Who ended it when the contact or meeting reports the end (the customer's own End wins). */
  const endedByRemote = (): EndedBy =>
    customerEnding ? 'customer' : state.phase.phase === 'in-call' ? 'agent' : 'system';
  const agentArrived = (name: string | null) => {
    if (name) set({ agentName: name });
    const p = state.phase;
    if (p.phase !== 'connecting') return;
    set({
      phase: {
        phase: 'in-call',
        call: p.call,
        startedAt: p.startedAt,
        connectedAt: deps.now(),
        agentName: name ?? state.agentName ?? '',
      },
    });
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
          else void finish(endedByRemote());
        }),
      );
    }
  };
  const watchEngine = () => {
    const engine = state.engine;
    if (!engine) return;
    const off = engine.subscribe(() => {
      const s = engine.getSnapshot();
      if (s.status.kind === 'left')
        void finish(
          s.status.reason === 'connection-lost' && !customerEnding ? 'connection' : endedByRemote(),
        );
      // The agent withdrew screen-sharing permission: a running share ends.
      if (s.sharing && screenSharingInstruction(s) === 'ScreenSharingStopped')
        engine.stopScreenShare();
    });
    cleanups.push(off);
  };

  const session: CallSession = {
    getState: () => state,
    subscribe: (l) => listeners.add(l),
    async start(choice, allowed) {
      lastChoice = { choice, allowed };
      customerEnding = false;
      finishing = false;
      set({
        phase: { phase: 'starting' },
        captions: [],
        agentName: null,
        selfName: choice.displayName,
      });
      try {
        // The server refuses attributes its entry point does not allow, so `language` goes only where allowed.
        const attributes = allowed?.includes('language')
          ? { language: languageOf(config.locale), ...config.attributes }
          : config.attributes;
        const call = await deps.startCall({
          entryPoint: config.entryPoint,
          displayName: choice.displayName,
          clientToken,
          ...(attributes ? { attributes } : {}),
          ...(config.customerToken ? { customerToken: config.customerToken } : {}),
          locale: config.locale,
        });
        const startedAt = deps.now();
        set({ phase: { phase: 'connecting', call, startedAt, flowState: 'in-flow' } });
        follow(call);
        const engine = await deps.loadEngine();
        set({ engine });
        watchEngine();
        const mayVideo = call.allowedCapabilities.Customer?.Video === 'SEND';
        await engine.join({
          credentials: call.connectionData,
          video: choice.video && mayVideo,
          camera: choice.camera,
          microphone: choice.microphone,
          speaker: choice.speaker,
          topics: [SCREEN_SHARING_TOPIC],
        });
        if (choice.muted) engine.setMuted(true);
      } catch (error) {
        await fail(error);
      }
    },
    retry: () =>
      lastChoice ? session.start(lastChoice.choice, lastChoice.allowed) : Promise.resolve(),
    async end() {
      const p = state.phase;
      if (p.phase !== 'connecting' && p.phase !== 'in-call') return;
      customerEnding = true;
      const at = deps.now(); // the call ends when End is pressed, not when the backend answers
      await deps.endCall(p.call.contactId, p.call.callToken).catch(() => undefined);
      await finish('customer', at);
    },
    reset() {
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
    dispose: () => session.end().then(teardown),
  };
  return session;
}
