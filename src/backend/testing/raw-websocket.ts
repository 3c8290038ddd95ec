/**
 * Test kit: a WebSocket client at the byte level, for sending what no well-behaved client sends
 * (unmasked frames, reserved bits, bad opcodes, lengths beyond the data). It performs the HTTP
 * upgrade by hand and then writes raw bytes; `closed` resolves when the server drops the socket.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** One frame to encode, fields as RFC 6455 names them; any combination is allowed, valid or not. */
export interface RawFrame {
  fin?: boolean;
  /** The three reserved bits (RSV1..3) as a number 0..7. */
  rsv?: number;
  opcode?: number;
  masked?: boolean;
  payload?: Buffer;
  /** Length to announce in the header (defaults to the payload's length). */
  announcedLength?: number;
}

/** Encodes one frame exactly as described, however wrong. */
export function encodeRawFrame(f: RawFrame): Buffer {
  const payload = f.payload ?? Buffer.alloc(0);
  const length = f.announcedLength ?? payload.length;
  const first = ((f.fin ?? true) ? 0x80 : 0) | (((f.rsv ?? 0) & 7) << 4) | ((f.opcode ?? 1) & 0x0f);
  const mask = f.masked ?? true;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, (mask ? 0x80 : 0) | length]);
  else if (length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 126, 1);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 127, 1);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([header, key, masked]);
}

/**
 * A socket after a hand-made upgrade: what the server answered, what it sent since, and when it
 * closed.
 */
export interface RawWebSocket {
  socket: Socket;
  /** The status line and headers of the server's answer to the upgrade. */
  response: string;
  /** Resolves when the server ends or destroys the connection. */
  closed: Promise<void>;
  /** Bytes received after the upgrade answer (close frames, data). */
  received(): Buffer;
}

/** Opens a TCP connection, sends an upgrade for `path` and waits for the server's answer. */
export async function openRawWebSocket(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawWebSocket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined); // a reset from the server is an expected outcome here
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: ${headers.host ?? `localhost:${port}`}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers)
      .filter(([k]) => k !== 'host')
      .map(([k, v]) => `${k}: ${v}`),
  ];
  let buffer = Buffer.alloc(0);
  let headerEnd = -1;
  const response = new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd >= 0) resolve(buffer.subarray(0, headerEnd).toString('latin1'));
    };
    socket.on('data', onData);
    void closed.then(() => resolve(buffer.toString('latin1')));
  });
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  return {
    socket,
    response: await response,
    closed,
    received: () => (headerEnd >= 0 ? buffer.subarray(headerEnd + 4) : Buffer.alloc(0)),
  };
}
