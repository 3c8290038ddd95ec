/** useCallSnapshot re-renders a component only when the part of the snapshot it selects changes. */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallEngine } from './call-engine-api';
import type { CallSnapshot } from './call-types';
import { createFakeCallEngine } from './testing/fake-call-engine';
import { remoteParticipants } from './call-selectors';
import { presentAttendee } from './testing/snapshot-of';
import { equalData, useCallSnapshot } from './use-call-snapshot';

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

  it('keeps an equal object selection with equalData, down to a list of new objects', () => {
    const { engine, store } = createFakeCallEngine();
    const views: unknown[] = [];
    render(
      <Probe
        engine={engine}
        select={(s) => ({ muted: s.muted, cameraOn: s.cameraOn })}
        isEqual={equalData}
        onRender={(v) => views.push(v)}
      />,
    );
    act(() => store.update({ network: 'poor' }));
    expect(views).toHaveLength(1);
    store.update({ attendees: [presentAttendee('a')] });
    const lists: unknown[] = [];
    render(
      <Probe
        engine={engine}
        select={remoteParticipants}
        isEqual={equalData}
        onRender={(v) => lists.push(v)}
      />,
    );
    act(() => store.update({ messages: [message] }));
    act(() => store.update({ network: 'good', attendees: [presentAttendee('a')] }));
    expect(lists).toHaveLength(1);
    act(() => store.update({ attendees: [presentAttendee('a', { muted: true })] }));
    expect(lists).toHaveLength(2);
    expect(lists[1]).toMatchObject([{ attendeeId: 'a', muted: true }]);
  });

  it('equalData compares plain data all the way down', () => {
    expect(equalData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(equalData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(equalData<unknown>({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(equalData<unknown>(undefined, { tileId: 1 })).toBe(false);
    expect(equalData(Number.NaN, Number.NaN)).toBe(true);
  });

  it('reads an idle snapshot while there is no engine', () => {
    const seen: string[] = [];
    render(<Probe engine={null} select={(s) => s.status.kind} onRender={(v) => seen.push(v)} />);
    expect(seen).toEqual(['idle']);
  });
});
