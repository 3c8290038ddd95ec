/**
 * Test kit: a pino logger that keeps every record it writes, parsed, so a test can check what was
 * logged (and that no secret was). `options` are pino's (e.g. the server's loggerOptions()).
 */
import { Writable } from 'node:stream';
import pino from 'pino';

/**
 * A logger whose output a test can read back: `records` parsed, `text()` as written (to look for a
 * secret anywhere).
 */
export function recordingLogger(options: pino.LoggerOptions = { level: 'info' }): {
  logger: pino.Logger;
  records: Array<Record<string, unknown>>;
  text: () => string;
} {
  const records: Array<Record<string, unknown>> = [];
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        records.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino(options, sink), records, text: () => lines.join('\n') };
}
