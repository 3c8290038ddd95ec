/**
 * What the standalone server does with faults nothing else caught, and with stop signals.
 *
 * - An unhandled promise rejection is logged and counted; the server goes on (a rejection is a lost
 *   async task: the state it leaves is what the code already handles for a failed request).
 * - An uncaught exception of a single network socket (ECONNRESET, EPIPE, …: one client's connection
 *   went away under a write nobody awaited) is logged; the server goes on.
 * - Any other uncaught exception leaves the process in a state nobody reasoned about: the server
 *   stops cleanly (listeners closed, every browser connection closed so browsers reconnect, the
 *   store closed, which flushes it) and exits with code 1, so a supervisor restarts it; the restart
 *   restores live meetings from the store.
 * - SIGINT/SIGTERM stop it the same way with exit code 0.
 * A stop that does not finish within `stopTimeoutMs` exits anyway (code 1): a stuck close must not
 * leave a dead server holding its port.
 */

/** The logger calls the policy makes (pino's shape). */
export interface PolicyLogger {
  fatal(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** The process the policy governs (the real `process` outside tests). */
export interface PolicyProcess {
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * What the standalone server's process policy needs: how to log, and how to close cleanly before it
 * exits.
 */
export interface ProcessPolicyOptions {
  /** Stops the server: closes its listeners and connections, then its store. */
  stop(): Promise<void>;
  logger: PolicyLogger;
  process?: PolicyProcess;
  stopTimeoutMs?: number;
}

/** Socket errors one client causes; everything else uncaught is fatal. */
const SURVIVABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);

/** The counts the policy keeps (logged with each event). */
export interface PolicyCounts {
  survivedExceptions: number;
  unhandledRejections: number;
}

/** Installs the policy; returns its counters. */
export function installProcessPolicy(options: ProcessPolicyOptions): PolicyCounts {
  const proc = options.process ?? (process as unknown as PolicyProcess);
  const { logger } = options;
  const counts: PolicyCounts = { survivedExceptions: 0, unhandledRejections: 0 };
  let stopping = false;

  const stop = (code: number, reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ code, reason }, 'stopping');
    const watchdog = setTimeout(() => {
      logger.error({ timeoutMs: options.stopTimeoutMs ?? 10_000 }, 'stop timed out; exiting');
      proc.exit(1);
    }, options.stopTimeoutMs ?? 10_000);
    options.stop().then(
      () => {
        clearTimeout(watchdog);
        proc.exit(code);
      },
      (err: unknown) => {
        clearTimeout(watchdog);
        logger.error({ err: describe(err) }, 'stop failed');
        proc.exit(1);
      },
    );
  };

  proc.on('uncaughtException', (err) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code && SURVIVABLE_CODES.has(code)) {
      counts.survivedExceptions++;
      logger.warn({ err: describe(err), ...counts }, 'uncaught socket error survived');
      return;
    }
    logger.fatal({ err: describe(err) }, 'uncaught exception: stopping for a restart');
    stop(1, 'uncaught exception');
  });
  proc.on('unhandledRejection', (reason) => {
    counts.unhandledRejections++;
    logger.error({ err: describe(reason), ...counts }, 'unhandled promise rejection survived');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) proc.on(signal, () => stop(0, signal));
  return counts;
}

/** Name, message, code and the top of the stack: no request data, so no tokens. */
function describe(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  return {
    name: err.name,
    message: err.message,
    code: (err as NodeJS.ErrnoException).code,
    stack: err.stack?.split('\n').slice(0, 8).join('\n'),
  };
}
