/**
 * Defects 1 and 2 of issue 9 on the real local stack: a malformed frame on any WebSocket closes
 * that socket only (it used to kill the process through an unhandled `error` event), and the
 * participant WebSocket refuses frames larger than its protocol needs (it accepted 100 MiB).
 */
import { describe, expect, it } from 'vitest';
import { useLocalStack } from './testing/use-local-stack';
import { encodeRawFrame, openRawWebSocket } from './testing/raw-websocket';
import { pathOf, startTestCall } from './testing/start-test-call';

const local = useLocalStack();

const unmaskedText = encodeRawFrame({ opcode: 1, masked: false, payload: Buffer.from('hello!!') });

describe('WebSocket endpoints survive malformed frames', () => {
  it('closes a signaling socket that sends an unmasked frame, without a token, and keeps serving', async () => {
    const ws = await openRawWebSocket(local.port, '/control/x', {
      'sec-websocket-protocol': '_aws_wt_session',
    });
    expect(ws.response).toMatch(/^HTTP\/1.1 101/);
    ws.socket.write(unmaskedText);
    await ws.closed;
    await expect(startTestCall(local.stack.baseUrl)).resolves.toMatchObject({
      contactId: expect.any(String),
    });
  });

  it('closes a participant socket that sends an unmasked frame with a valid token, and keeps serving', async () => {
    const call = await startTestCall(local.stack.baseUrl);
    const ws = await openRawWebSocket(local.port, pathOf(call.eventsUrl!));
    expect(ws.response).toMatch(/^HTTP\/1.1 101/);
    ws.socket.write(unmaskedText);
    await ws.closed;
    await expect(startTestCall(local.stack.baseUrl)).resolves.toMatchObject({
      contactId: expect.any(String),
    });
  });

  it('handles a socket reset in the middle of a refused upgrade', async () => {
    const ws = await openRawWebSocket(local.port, '/aws/participant/websocket?token=nope');
    expect(ws.response).toMatch(/^HTTP\/1.1 403/);
    ws.socket.resetAndDestroy();
    await ws.closed;
    await expect(startTestCall(local.stack.baseUrl)).resolves.toMatchObject({
      contactId: expect.any(String),
    });
  });

  it('refuses a participant frame larger than 64 KiB with close 1009 before reading it', async () => {
    const call = await startTestCall(local.stack.baseUrl);
    const ws = await openRawWebSocket(local.port, pathOf(call.eventsUrl!));
    ws.socket.write(
      encodeRawFrame({
        opcode: 1,
        payload: Buffer.alloc(16),
        announcedLength: 95 * 1024 * 1024,
      }).subarray(0, 14 + 16),
    );
    await ws.closed;
    const received = ws.received();
    // A close frame (opcode 8) whose status code is 1009 (message too big).
    expect(received[0]).toBe(0x88);
    expect(received.readUInt16BE(2)).toBe(1009);
  });
});
