/**
 * Fuzz kit: the malformed WebSocket frames every endpoint is sent (after a successful upgrade), as
 * byte producers. Deterministic apart from the random-bytes case, whose seed-free content does not
 * matter: any bytes must close that socket only.
 */
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { encodeRawFrame } from '../raw-websocket';

/** One malformed frame case: a name for the report and the bytes it writes after the upgrade. */
export interface FrameCase {
  name: string;
  /** Writes the hostile bytes; resolves when done writing (the server may close first). */
  send(socket: Socket): Promise<void>;
  /** Oversized cases: peak memory is measured around them. */
  oversized?: boolean;
}

const write = (socket: Socket, bytes: Buffer) =>
  new Promise<void>((resolve) =>
    socket.destroyed ? resolve() : socket.write(bytes, () => resolve()),
  );

/**
 * Announces `announced` bytes and really streams them in 1 MiB chunks until done or the server
 * hangs up.
 */
async function stream(socket: Socket, frames: number, announced: number): Promise<void> {
  const chunk = Buffer.alloc(1 << 20, 0x61);
  for (let f = 0; f < frames && !socket.destroyed; f++) {
    await write(
      socket,
      encodeRawFrame({ opcode: 2, payload: Buffer.alloc(0), announcedLength: announced }),
    );
    for (let sent = 0; sent < announced && !socket.destroyed; sent += chunk.length)
      await write(socket, chunk);
  }
}

const one = (name: string, bytes: () => Buffer): FrameCase => ({
  name,
  send: (s) => write(s, bytes()),
});

/**
 * Every frame case, sent to every WebSocket endpoint; each must close that one socket and nothing
 * else.
 */
export const FRAME_CASES: FrameCase[] = [
  one('unmasked text frame', () =>
    encodeRawFrame({ opcode: 1, masked: false, payload: Buffer.from('hello!!') }),
  ),
  one('reserved bits set', () => encodeRawFrame({ opcode: 1, rsv: 7, payload: Buffer.from('{}') })),
  one('RSV1 without negotiated compression', () =>
    encodeRawFrame({ opcode: 2, rsv: 4, payload: Buffer.from([1, 2, 3]) }),
  ),
  one('reserved data opcode 3', () => encodeRawFrame({ opcode: 3, payload: Buffer.from('x') })),
  one('reserved control opcode 0xB', () =>
    encodeRawFrame({ opcode: 0xb, payload: Buffer.from('x') }),
  ),
  one('continuation without a start', () =>
    encodeRawFrame({ opcode: 0, payload: Buffer.from('x') }),
  ),
  one('fragmented control frame', () =>
    encodeRawFrame({ opcode: 9, fin: false, payload: Buffer.from('ping') }),
  ),
  one('control frame over 125 bytes', () =>
    encodeRawFrame({ opcode: 9, payload: Buffer.alloc(200, 1) }),
  ),
  one('close frame with invalid code 999', () =>
    encodeRawFrame({ opcode: 8, payload: Buffer.from([0x03, 0xe7]) }),
  ),
  one('text frame with invalid UTF-8', () =>
    encodeRawFrame({ opcode: 1, payload: Buffer.from([0xc3, 0x28, 0xff, 0xfe]) }),
  ),
  one('length beyond the data, then EOF', () =>
    encodeRawFrame({ opcode: 2, payload: Buffer.alloc(10), announcedLength: 1000 }),
  ),
  one('64-bit length with the top bit set', () => {
    const f = encodeRawFrame({ opcode: 2, payload: Buffer.alloc(4), announcedLength: 70_000 });
    f.writeUInt8(0xff, 2);
    return f;
  }),
  one('random bytes', () => randomBytes(512)),
  one('protobuf-looking garbage in a binary frame', () =>
    encodeRawFrame({
      opcode: 2,
      payload: Buffer.from([0x08, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x12, 0x7f, 0x01]),
    }),
  ),
  one('JSON with a hostile shape', () =>
    encodeRawFrame({
      opcode: 1,
      payload: Buffer.from('{"topic":"aws/subscribe","content":{"topics":{"__proto__":{"x":1}}}}'),
    }),
  ),
  {
    name: 'oversized: 4 frames of 95 MiB, really sent',
    oversized: true,
    send: (s) => stream(s, 4, 95 * 1024 * 1024),
  },
];
