/**
 * The join page's call view against a stand-in engine (the CallEngine interface is the boundary):
 * what it asks the engine to do, and what it shows for each snapshot.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeCallEngine } from '../call-engine/testing/fake-call-engine';
import { JoinCall } from './join-call';
import type { JoinPayload } from './join-payload';

afterEach(cleanup);

const payload = (video: boolean): JoinPayload => ({
  v: 1,
  contactId: 'c-9',
  displayName: 'Jane',
  allowedCapabilities: video ? { Customer: { Video: 'SEND' } } : {},
  connectionData: {
    Attendee: { AttendeeId: 'self', JoinToken: 't' },
    Meeting: {
      MeetingId: 'm',
      MediaPlacement: { AudioHostUrl: 'wss://h', SignalingUrl: 'wss://h/control/m' },
    },
  },
});

const fakeEngine = () => createFakeCallEngine();

describe('JoinCall', () => {
  it('joins with the link credentials, video as the capabilities allow, and shows the status', async () => {
    const { engine, store } = fakeEngine();
    render(<JoinCall payload={payload(true)} loadEngine={async () => engine} />);
    expect(screen.getByRole('heading', { name: 'Join a video call' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Ready to join.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Join call' })));
    expect(engine.join).toHaveBeenCalledWith(
      expect.objectContaining({ credentials: payload(true).connectionData, video: true }),
    );
    expect(screen.getByRole('status').textContent).toBe(
      'In the call. Waiting for an agent to answer.',
    );

    act(() =>
      store.update({
        attendees: [{ attendeeId: 'agent', externalUserId: '', isContent: false, muted: false }],
        tiles: [
          {
            tileId: 4,
            attendeeId: 'agent',
            externalUserId: '',
            isContent: false,
            isLocal: false,
            active: true,
          },
        ],
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('In the call with the agent.');
    expect(engine.bindTile).toHaveBeenCalledWith(4, screen.getByLabelText("Agent's video"));
  });

  it('toggles mute and camera with aria-pressed, and leaves', async () => {
    const { engine } = fakeEngine();
    render(<JoinCall payload={payload(true)} loadEngine={async () => engine} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Join call' })));
    const mute = screen.getByRole('button', { name: 'Mute' });
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    act(() => fireEvent.click(mute));
    expect(engine.setMuted).toHaveBeenCalledWith(true);
    expect(mute.getAttribute('aria-pressed')).toBe('true');
    const camera = screen.getByRole('button', { name: 'Camera' });
    await act(async () => fireEvent.click(camera));
    expect(engine.setCameraOn).toHaveBeenCalledWith(false);
    expect(camera.getAttribute('aria-pressed')).toBe('false');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Leave' })));
    expect(screen.getByRole('status').textContent).toBe('You left the call.');
  });

  it('offers no camera without the video capability, and reports a failed join', async () => {
    const { engine } = fakeEngine();
    engine.join.mockRejectedValueOnce(new Error('signaling refused'));
    render(<JoinCall payload={payload(false)} loadEngine={async () => engine} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Join call' })));
    expect(engine.join).toHaveBeenCalledWith(expect.objectContaining({ video: false }));
    expect(screen.getByRole('status').textContent).toBe(
      'Could not join the call: signaling refused',
    );
    expect(screen.queryByRole('button', { name: 'Camera' })).toBeNull();
  });
});
