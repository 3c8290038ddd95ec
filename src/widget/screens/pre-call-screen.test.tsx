import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stringsFor } from '../strings/strings';
import { PreCallScreen } from './pre-call-screen';
import { CallEngineError } from '../../call-engine/device-errors';

// The browser media boundary: getUserMedia-backed preview and device enumeration.
const preview = { stream: {} as MediaStream, level: () => 0.4, stop: vi.fn() };
vi.mock('../../call-engine/media-preview', () => ({ startMediaPreview: vi.fn() }));
vi.mock('../../call-engine/device-lists', async (orig) => ({
  ...(await orig<typeof import('../../call-engine/device-lists')>()),
  listDevices: vi.fn(async () => ({
    cameras: [
      { deviceId: 'cam1', label: 'Front camera' },
      { deviceId: 'cam2', label: 'Back camera' },
    ],
    microphones: [{ deviceId: 'mic1', label: 'Built-in mic' }],
    speakers: [],
  })),
}));
const { startMediaPreview } = await import('../../call-engine/media-preview');
const t = stringsFor('en');

beforeEach(() => {
  localStorage.clear();
  vi.mocked(startMediaPreview).mockReset().mockResolvedValue(preview);
  preview.stop.mockReset();
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(cleanup);

describe('PreCallScreen', () => {
  it('asks for the name, previews, joins with the chosen devices and remembers name and devices', async () => {
    const onJoin = vi.fn();
    localStorage.clear();
    render(<PreCallScreen t={t} capabilities={{ Customer: { Video: 'SEND' } }} onJoin={onJoin} />);
    expect(screen.getByRole('button', { name: 'Stop video' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Device settings' }));
    await waitFor(() => expect(screen.getByLabelText('Camera')).toBeTruthy());
    expect(startMediaPreview).toHaveBeenLastCalledWith({
      video: true,
      camera: null,
      microphone: null,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
    expect(screen.getByText('Please enter your name.')).toBeTruthy();
    expect(screen.getByLabelText('Your name').getAttribute('aria-invalid')).toBe('true');
    expect(onJoin).not.toHaveBeenCalled();
    await userEvent.selectOptions(screen.getByLabelText('Camera'), 'cam2');
    await userEvent.type(screen.getByLabelText('Your name'), 'Ana');
    await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
    expect(preview.stop).toHaveBeenCalled();
    expect(onJoin).toHaveBeenCalledWith({
      displayName: 'Ana',
      video: true,
      muted: false,
      camera: 'cam2',
      microphone: 'mic1',
      speaker: null,
      noiseSuppression: true,
      background: { kind: 'none' },
    });
    cleanup();
    render(<PreCallScreen t={t} capabilities={{ Customer: { Video: 'SEND' } }} onJoin={onJoin} />);
    expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Ana');
    await waitFor(() =>
      expect(startMediaPreview).toHaveBeenLastCalledWith({
        video: true,
        camera: 'cam2',
        microphone: 'mic1',
      }),
    );
  });

  it('joins muted when the microphone is turned off on the preview', async () => {
    const onJoin = vi.fn();
    render(
      <PreCallScreen
        t={t}
        capabilities={{ Customer: { Video: 'SEND' } }}
        displayName="Bo"
        onJoin={onJoin}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(screen.getByRole('button', { name: 'Unmute' }).className).toContain('cvw-off');
    await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
    expect(onJoin).toHaveBeenCalledWith(expect.objectContaining({ muted: true }));
  });

  it('voice only: no camera preview or picker, joins without video', async () => {
    const onJoin = vi.fn();
    render(
      <PreCallScreen
        t={t}
        capabilities={{ Customer: { Video: 'SEND' } }}
        displayName="Bo"
        onJoin={onJoin}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Stop video' }));
    await waitFor(() =>
      expect(startMediaPreview).toHaveBeenLastCalledWith(expect.objectContaining({ video: false })),
    );
    expect(screen.getByText('Camera is off')).toBeTruthy();
    expect(screen.queryByLabelText('Your camera preview')).toBeNull();
    expect(screen.queryByLabelText('Your name')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Join call' }));
    expect(onJoin).toHaveBeenCalledWith(
      expect.objectContaining({ displayName: 'Bo', video: false }),
    );
  });

  it('offers no video choice when the customer may not send video', async () => {
    render(<PreCallScreen t={t} capabilities={{}} displayName="Bo" onJoin={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Stop video' })).toBeNull();
    await waitFor(() =>
      expect(startMediaPreview).toHaveBeenCalledWith(expect.objectContaining({ video: false })),
    );
  });

  it('explains a blocked permission and retries', async () => {
    vi.mocked(startMediaPreview).mockRejectedValueOnce(
      new CallEngineError('permission-denied', 'NotAllowedError'),
    );
    render(
      <PreCallScreen
        t={t}
        capabilities={{ Customer: { Video: 'SEND' } }}
        displayName="Bo"
        onJoin={vi.fn()}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The browser is blocking your camera or microphone.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(startMediaPreview).toHaveBeenCalledTimes(2);
  });
});
