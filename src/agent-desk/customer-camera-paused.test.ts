import { describe, expect, it } from 'vitest';
import { initialSnapshot } from '../call-engine/snapshot-store';
import { CAMERA_PAUSE_TOPIC } from '../shared/camera-pause-message';
import { customerCameraPaused } from './contact-call';

const withMessages = (...texts: Array<[string, boolean?]>) => ({
  ...initialSnapshot(),
  messages: texts.map(([text, local = false], i) => ({
    topic: CAMERA_PAUSE_TOPIC,
    text,
    senderAttendeeId: 'customer',
    senderExternalUserId: '',
    timestampMs: i,
    local,
  })),
});

describe('customerCameraPaused', () => {
  it("follows the customer's latest camera message", () => {
    expect(customerCameraPaused(initialSnapshot())).toBe(false);
    expect(customerCameraPaused(withMessages(['{"camera":"paused-in-background"}']))).toBe(true);
    expect(
      customerCameraPaused(
        withMessages(['{"camera":"paused-in-background"}'], ['{"camera":"resumed"}']),
      ),
    ).toBe(false);
  });

  it('ignores malformed messages and its own', () => {
    expect(customerCameraPaused(withMessages(['not json']))).toBe(false);
    expect(customerCameraPaused(withMessages(['{"camera":"paused-in-background"}', true]))).toBe(
      false,
    );
  });
});
