/**
 * Each part of the call UI selects what it shows from the engine: it renders again when that part
 * changes, and not for anything else (someone else speaking, the network, a data message).
 */
import { Profiler, type ReactNode } from 'react';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeCallEngine } from '../../call-engine/testing/fake-call-engine';
import { presentAttendee, videoTile } from '../../call-engine/testing/snapshot-of';
import { stringsFor } from '../strings/strings';
import { CallBanners } from './call-banners';
import { CallControls } from './call-controls';
import { CallStage } from './call-stage';

const t = stringsFor('en');
afterEach(cleanup);

const message = {
  topic: 'other-topic',
  text: '{}',
  senderAttendeeId: 'a',
  senderExternalUserId: '',
  timestampMs: 1,
  local: false,
};

/** A joined call with the agent present, and a counter of the renders (commits) of `ui`. */
function mount(ui: (engine: ReturnType<typeof createFakeCallEngine>['engine']) => ReactNode) {
  const { engine, store } = createFakeCallEngine({
    initial: {
      status: { kind: 'joined', joinedAt: 1 },
      selfAttendeeId: 'me',
      cameraOn: true,
      attendees: [presentAttendee('me'), presentAttendee('a', { externalUserId: 'agent-a' })],
      tiles: [videoTile(1, 'me', { isLocal: true }), videoTile(2, 'a')],
    },
  });
  const renders = { n: 0 };
  render(
    <Profiler id="part" onRender={() => void renders.n++}>
      {ui(engine)}
    </Profiler>,
  );
  return { store, renders };
}

/** Changes that none of the parts below shows. */
function unrelated(store: ReturnType<typeof createFakeCallEngine>['store']) {
  act(() => store.update({ messages: [message] }));
  act(() => store.update({ network: 'poor' }));
  act(() => store.update({ tiles: [...store.get().tiles] })); // a new array with the same tiles
}

describe('parts of the call UI render only for what they select', () => {
  it('the control bar: not for others speaking or the network; again when muted', () => {
    const { store, renders } = mount((engine) => (
      <CallControls
        t={t}
        engine={engine}
        canVideo
        canShare
        shareEnabled
        keypadOpen={false}
        devicesOpen={false}
        onCamera={vi.fn()}
        onShare={vi.fn()}
        onKeypad={vi.fn()}
        onDevices={vi.fn()}
        onEnd={vi.fn()}
      />
    ));
    expect(renders.n).toBe(1);
    unrelated(store);
    act(() => store.update({ activeSpeakerId: 'a' }));
    act(() => store.update({ attendees: [presentAttendee('a', { muted: true })] }));
    expect(renders.n).toBe(1);
    act(() => store.update({ muted: true }));
    expect(renders.n).toBe(2);
  });

  it('the notices: not for the stage or the toggles; again when reconnecting', () => {
    const { store, renders } = mount((engine) => (
      <CallBanners t={t} engine={engine} shareError={false} />
    ));
    unrelated(store);
    act(() => store.update({ activeSpeakerId: 'a', muted: true, cameraOn: false }));
    expect(renders.n).toBe(1);
    act(() => store.update({ status: { kind: 'reconnecting', joinedAt: 1 } }));
    expect(renders.n).toBe(2);
  });

  it('the stage: not for the network or data messages; again when the agent mutes', () => {
    const { store, renders } = mount((engine) => (
      <CallStage t={t} engine={engine} agentName="Sam" selfName="Ana" showContent />
    ));
    unrelated(store);
    act(() => store.update({ audioBlocked: true, sharing: true }));
    expect(renders.n).toBe(1);
    act(() =>
      store.update({
        attendees: [
          presentAttendee('me'),
          presentAttendee('a', { externalUserId: 'agent-a', muted: true }),
        ],
      }),
    );
    expect(renders.n).toBe(2);
  });
});
