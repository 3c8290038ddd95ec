/** useCallSnapshot re-renders a component only when the part of the snapshot it selects changes. */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallEngine } from './call-engine-api';
import type { CallSnapshot } from './call-types';
import { createFakeCallEngine } from './testing/fake-call-engine';
import {
  sameIgnoringMessages,
  shallowEqual,
  useCallSnapshot,
  wholeSnapshot,
} from './use-call-snapshot';

afterEach(cleanup);

const message = {
  topic: 't',
  text: 'x',
  senderAttendeeId: 'a',
  senderExternalUserId: '',
  timestampMs: 1,
  local: false,
};

function Probe<T>({
  engine,
  select,
  isEqual,
  onRender,
}: {
  engine: CallEngine | null;
  select: (s: CallSnapshot) => T;
  isEqual?: (a: T, b: T) => boolean;
  onRender(v: T): void;
}) {
  onRender(useCallSnapshot(engine, select, isEqual));
  return null;
}

describe('useCallSnapshot', () => {
  it('renders again only when the selection changes', () => {
    const { engine, store } = createFakeCallEngine();
    const seen: boolean[] = [];
    render(<Probe engine={engine} select={(s) => s.muted} onRender={(v) => seen.push(v)} />);
    act(() => store.update({ messages: [message] }));
    act(() => store.update({ network: 'poor' }));
    expect(seen).toEqual([false]);
    act(() => store.update({ muted: true }));
    expect(seen).toEqual([false, true]);
  });

  it('keeps an equal object selection, and ignores data messages with sameIgnoringMessages', () => {
    const { engine, store } = createFakeCallEngine();
    const views: unknown[] = [];
    render(
      <Probe
        engine={engine}
        select={(s) => ({ muted: s.muted, cameraOn: s.cameraOn })}
        isEqual={shallowEqual}
        onRender={(v) => views.push(v)}
      />,
    );
    act(() => store.update({ network: 'poor' }));
    expect(views).toHaveLength(1);
    const whole: CallSnapshot[] = [];
    render(
      <Probe
        engine={engine}
        select={wholeSnapshot}
        isEqual={sameIgnoringMessages}
        onRender={(v) => whole.push(v)}
      />,
    );
    act(() => store.update({ messages: [message] }));
    expect(whole).toHaveLength(1);
    act(() => store.update({ cameraOn: true }));
    expect(whole).toHaveLength(2);
    expect(whole[1]?.cameraOn).toBe(true);
  });

  it('reads an idle snapshot while there is no engine', () => {
    const seen: string[] = [];
    render(<Probe engine={null} select={(s) => s.status.kind} onRender={(v) => seen.push(v)} />);
    expect(seen).toEqual(['idle']);
  });
});
