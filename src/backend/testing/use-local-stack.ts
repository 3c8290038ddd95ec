/**
 * Test kit: one local stack (startLocalStack) shared by the tests of a file, started in its
 * beforeAll and closed in its afterAll. Read `stack` and `port` inside hooks and tests, not at
 * import time. Clients a file makes on top go in its own beforeAll/afterAll, registered after this.
 */
import { afterAll, beforeAll } from 'vitest';
import { startLocalStack, type LocalStack, type LocalStackOptions } from './start-local-stack';

/** The file's shared stack, read lazily because it exists only between beforeAll and afterAll. */
export interface LocalStackHandle {
  /** The running stack (throws before the file's beforeAll has run). */
  readonly stack: LocalStack;
  /** Its loopback port, for raw HTTP and WebSocket requests. */
  readonly port: number;
}

/** Starts one local stack for the current test file (or describe block). */
export function useLocalStack(options: LocalStackOptions = {}): LocalStackHandle {
  let stack: LocalStack | undefined;
  beforeAll(async () => {
    stack = await startLocalStack(options);
  });
  afterAll(async () => {
    await stack?.close();
    stack = undefined;
  });
  const running = (): LocalStack => {
    if (!stack)
      throw new Error(
        'useLocalStack: the stack is read before beforeAll started it (or after afterAll)',
      );
    return stack;
  };
  return {
    get stack() {
      return running();
    },
    get port() {
      return Number(new URL(running().baseUrl).port);
    },
  };
}
