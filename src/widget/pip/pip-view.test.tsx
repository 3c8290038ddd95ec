import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeCallEngine } from '../../call-engine/testing/fake-call-engine';
import { presentAttendee, videoTile } from '../../call-engine/testing/snapshot-of';
import { useCallSnapshot } from '../../call-engine/use-call-snapshot';
import { stringsFor } from '../strings/strings';
import { Tile } from '../ui/tile';
import { PipView } from './pip-view';

const t = stringsFor('en');
const bindings = { useCallSnapshot, Tile };
const joined = () =>
  createFakeCallEngine({
    initial: { status: { kind: 'joined', joinedAt: 1 }, selfAttendeeId: 'me' },
  });

afterEach(cleanup);

describe('PipView', () => {
  it("shows the agent's initials until a video tile comes, then the video; the same engine snapshot", () => {
    const { engine, store } = joined();
    render(
      <PipView
        t={t}
        engine={engine}
        bindings={bindings}
        agentName="Sam Okafor"
        connectedAt={Date.now() - 65_000}
        onEnd={vi.fn()}
      />,
    );
    expect(screen.queryByLabelText('Video of Sam Okafor')).toBeNull();
    expect(screen.getByText('SO')).toBeTruthy();
    expect(screen.getByTestId('pip-timer').textContent).toContain('1:05');
    act(() => store.update({ tiles: [videoTile(7, 'agent')] }));
    expect(screen.getByLabelText('Video of Sam Okafor').tagName).toBe('VIDEO');
    expect(engine.bindTile).toHaveBeenCalledWith(7, expect.any(HTMLVideoElement));
    act(() => store.update({ attendees: [presentAttendee('agent', { muted: true })] }));
    expect(screen.getByRole('img', { name: 'Sam Okafor is muted' })).toBeTruthy();
  });

  it('Mute acts on the engine and flips with its snapshot; End ends through the widget', async () => {
    const { engine } = joined();
    const onEnd = vi.fn();
    render(
      <PipView
        t={t}
        engine={engine}
        bindings={bindings}
        agentName="Sam"
        connectedAt={Date.now()}
        onEnd={onEnd}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(engine.setMuted).toHaveBeenCalledWith(true);
    const unmute = screen.getByRole('button', { name: 'Unmute' });
    expect(unmute.className).toContain('cvw-off');
    await userEvent.click(unmute);
    expect(engine.setMuted).toHaveBeenLastCalledWith(false);
    await userEvent.click(screen.getByRole('button', { name: 'End call' }));
    expect(onEnd).toHaveBeenCalledOnce();
  });
});
