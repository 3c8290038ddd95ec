import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallEngine } from '../../call-engine/call-engine-api';
import { createFakeCallEngine } from '../../call-engine/testing/fake-call-engine';
import { presentAttendee, videoTile } from '../../call-engine/testing/snapshot-of';
import type { AllowedCapabilities } from '../../shared/connect-schemas';
import { stringsFor } from '../strings/strings';
import { CallEngineError } from '../../call-engine/device-errors';
import { InCallScreen } from './in-call-screen';

const fakeEngine = () =>
  createFakeCallEngine({
    initial: {
      status: { kind: 'joined', joinedAt: Date.now() },
      selfAttendeeId: 'me',
      cameraOn: true,
    },
  });
const all: AllowedCapabilities = {
  Customer: { Video: 'SEND', ScreenShare: 'SEND' },
  Agent: { Video: 'SEND', ScreenShare: 'SEND' },
};
const t = stringsFor('en');
const renderCall = (engine: CallEngine, capabilities = all, screenCapture = true) =>
  render(
    <InCallScreen
      t={t}
      engine={engine}
      capabilities={capabilities}
      screenCapture={screenCapture}
      agentName="Sam"
      connectedAt={Date.now()}
      onDigit={vi.fn(async () => undefined)}
      onEnd={vi.fn()}
    />,
  );
const sharingMessage = (message: string) => ({
  topic: 'AMAZON_CONNECT_SCREEN_SHARING',
  text: JSON.stringify({ message }),
  senderAttendeeId: 'agent',
  senderExternalUserId: '',
  timestampMs: 1,
  local: false,
});

afterEach(cleanup);

describe('InCallScreen', () => {
  it('shows the agent name; Mute and video flip their names and icons and use the off convention', async () => {
    const { engine } = fakeEngine();
    renderCall(engine);
    expect(screen.getByRole('heading', { name: 'In call with Sam' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(engine.setMuted).toHaveBeenCalledWith(true);
    const unmute = screen.getByRole('button', { name: 'Unmute' });
    expect(unmute.className).toContain('cvw-off');
    expect(screen.getByRole('img', { name: 'You are muted' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Stop video' }));
    expect(engine.setCameraOn).toHaveBeenCalledWith(false);
    expect(screen.getByRole('button', { name: 'Start video' }).className).toContain('cvw-off');
    const buttons = screen.getAllByRole('button');
    expect(buttons[buttons.length - 1]?.textContent).toBe('End call'); // End is last
  });

  it('shows the agent muted, and initials while their camera has no frames', () => {
    const { engine, store } = fakeEngine();
    store.update({
      attendees: [presentAttendee('agent', { muted: true })],
      tiles: [videoTile(2, 'agent', { active: false })],
    });
    renderCall(engine);
    expect(screen.getByRole('img', { name: 'Sam is muted' })).toBeTruthy();
    expect(screen.getByTestId('agent-video-tile').textContent).toContain('S');
  });

  it('announces that screen sharing became allowed', () => {
    const { engine, store } = fakeEngine();
    renderCall(engine);
    expect(screen.getByTestId('share-allowed').textContent).toBe('');
    act(() => store.update({ messages: [sharingMessage('ScreenSharingStarted')] }));
    expect(screen.getByTestId('share-allowed').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('share-allowed').textContent).toBe(
      'The agent allowed screen sharing. Select Share screen to show your screen.',
    );
  });

  it('hides camera and share controls the capabilities do not allow', () => {
    const { engine } = fakeEngine();
    renderCall(engine, { Customer: {}, Agent: {} });
    expect(screen.queryByRole('button', { name: 'Stop video' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Share screen' })).toBeNull();
  });

  it('plays every video inline and muted (Safari on iPhone: no full-screen takeover, no gesture needed)', () => {
    const { engine, store } = fakeEngine();
    renderCall(engine);
    act(() =>
      store.update({
        tiles: [
          videoTile(1, 'me', { isLocal: true }),
          videoTile(2, 'agent'),
          videoTile(3, 'agent#content', { isContent: true }),
        ],
      }),
    );
    const videos = [...document.querySelectorAll('video')];
    expect(videos.length).toBe(3);
    for (const v of videos) {
      expect(v.playsInline).toBe(true);
      expect(v.muted).toBe(true);
    }
  });

  it('offers no Share screen where the browser cannot capture a screen (iOS, Android), even when allowed', () => {
    const { engine, store } = fakeEngine();
    renderCall(engine, all, false);
    act(() => store.update({ messages: [sharingMessage('ScreenSharingStarted')] }));
    expect(screen.queryByRole('button', { name: 'Share screen' })).toBeNull();
    expect(screen.queryByText(t.shareAllowed)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('enables Share screen only while the agent has enabled it, and shows the sharing state with Stop', async () => {
    const { engine, store } = fakeEngine();
    renderCall(engine);
    const share = screen.getByRole('button', { name: 'Share screen' });
    expect(share.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(share);
    expect(engine.startScreenShare).not.toHaveBeenCalled();
    act(() => store.update({ messages: [sharingMessage('ScreenSharingStarted')] }));
    expect(share.getAttribute('aria-disabled')).toBe('false');
    await userEvent.click(share);
    expect(engine.startScreenShare).toHaveBeenCalled();
    expect(screen.getByText('You are sharing your screen')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Stop sharing' }));
    expect(engine.stopScreenShare).toHaveBeenCalled();
    act(() =>
      store.update((s) => ({ messages: [...s.messages, sharingMessage('ScreenSharingStopped')] })),
    );
    expect(screen.getByRole('button', { name: 'Share screen' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  });

  it('shows reconnecting, blocked audio with Tap to hear the call, a lost device and poor network', async () => {
    const { engine, store } = fakeEngine();
    renderCall(engine);
    act(() =>
      store.update((s) => ({
        status: { kind: 'reconnecting', joinedAt: 0 },
        audioBlocked: true,
        network: 'poor',
        devices: { ...s.devices, lost: 'microphone' },
      })),
    );
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    expect(screen.getByText('Connection poor')).toBeTruthy();
    expect(screen.getByText('Your microphone stopped. Choose another microphone.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tap to hear the call' }));
    expect(engine.startAudio).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Tap to hear the call' })).toBeNull();
  });

  it('binds the agent video and the mirrored self-view to their tiles', () => {
    const { engine, store } = fakeEngine();
    store.update({
      tiles: [
        videoTile(1, 'me', { isLocal: true }),
        videoTile(2, 'agent'),
        videoTile(3, 'agent#content'),
      ],
    });
    renderCall(engine);
    expect(screen.getByLabelText('Video of Sam')).toBeTruthy();
    expect(screen.getByLabelText('Your video').className).toContain('cvw-mirrored');
    expect(screen.getByLabelText('Screen shared by Sam')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Full screen' })).toBeTruthy();
    expect(engine.bindTile.mock.calls.map((c) => c[0]).sort()).toEqual([1, 2, 3]);
  });

  it('a camera that cannot start or a device that cannot switch is told with what to do, and logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { engine } = fakeEngine();
    renderCall(engine);
    await userEvent.click(screen.getByRole('button', { name: 'Stop video' }));
    engine.setCameraOn.mockRejectedValueOnce(
      new CallEngineError('device-in-use', 'starting the camera failed (NotReadableError: busy)'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Start video' }));
    expect((await screen.findByTestId('device-failure')).textContent).toBe(
      'Your camera is being used by another app. Close that app, then select Start video.',
    );
    expect(screen.getByTestId('device-failure').getAttribute('role')).toBe('alert');
    expect(warn.mock.calls.flat().join(' ')).toContain('NotReadableError: busy');
    // Trying again and succeeding clears the notice.
    await userEvent.click(screen.getByRole('button', { name: 'Start video' }));
    expect(screen.queryByTestId('device-failure')).toBeNull();

    engine.chooseMicrophone.mockRejectedValueOnce(new CallEngineError('device-not-found', 'gone'));
    await userEvent.click(screen.getByRole('button', { name: 'Devices' }));
    const mic = screen.getByRole('combobox', { name: 'Microphone' });
    await act(async () => {
      mic.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect((await screen.findByTestId('device-failure')).textContent).toBe(
      'That microphone could not be found. Choose another one in Devices.',
    );
    warn.mockRestore();
  });
});
