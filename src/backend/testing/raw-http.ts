/**
 * Test kit: sends bytes exactly as given over a loopback TCP connection and collects the answer
 * until the server closes. For headers fetch() will not send (a foreign Host) and for malformed
 * requests.
 */
import { connect } from 'node:net';

/** Writes `request` to 127.0.0.1:`port`; resolves with everything the server answered. */
export function rawRequest(
  port: number,
  request: string | Buffer,
  endAfterWrite = false,
): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(request, () => endAfterWrite && socket.end());
  });
}
