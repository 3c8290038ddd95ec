/**
 * The emulator's flow test cases and their executions, in memory: test cases are definitions a CI
 * job creates and runs, so they do not survive a restart (the contact center's contacts do). Both
 * lists are bounded: past the limit the oldest execution (or a refused create) keeps memory flat.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { TestCaseResult } from './execute-test-case';

/** At most this many test cases, and this many executions (oldest dropped first). */
export const MAX_TEST_CASES = 500;
/** The most test case executions kept (oldest go first). */
export const MAX_EXECUTIONS = 1_000;

/** A test case as CreateTestCase stored it (the content as the JSON string it was given). */
export interface StoredTestCase {
  id: string;
  name: string;
  description?: string;
  content: string;
  entryPoint?: unknown;
  initializationData?: string;
  status: 'PUBLISHED' | 'SAVED';
  tags: Record<string, string>;
  lastModifiedTime: number;
}

/** Connect's TestCaseExecutionStatus values an execution goes through. */
export type ExecutionStatus = 'IN_PROGRESS' | 'PASSED' | 'FAILED' | 'STOPPED';

/** One execution: its status, times and, once finished, its result. */
export interface StoredExecution {
  id: string;
  testCaseId: string;
  clientToken?: string;
  status: ExecutionStatus;
  startTime: number;
  endTime?: number;
  result?: TestCaseResult;
  /** Stops a running execution (StopTestCaseExecution). */
  stop: AbortController;
}

/** The test cases and executions of the emulator, in memory and bounded. */
export class TestCaseRegistry {
  private readonly cases = new Map<string, StoredTestCase>();
  private readonly executions = new Map<string, StoredExecution>();

  /** Adds a test case; false when the registry is full. */
  add(testCase: Omit<StoredTestCase, 'id'> & { id?: string }): StoredTestCase | undefined {
    if (this.cases.size >= MAX_TEST_CASES) return undefined;
    const stored = { ...testCase, id: testCase.id ?? randomUUID() };
    this.cases.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredTestCase | undefined {
    return this.cases.get(id);
  }

  list(): StoredTestCase[] {
    return [...this.cases.values()];
  }

  delete(id: string): boolean {
    return this.cases.delete(id);
  }

  /** Starts an execution record; the oldest one goes when there are too many. */
  startExecution(testCaseId: string, at: number, clientToken?: string): StoredExecution {
    if (this.executions.size >= MAX_EXECUTIONS) {
      const oldest = this.executions.keys().next().value;
      if (oldest !== undefined) this.executions.delete(oldest);
    }
    const execution: StoredExecution = {
      id: randomUUID(),
      testCaseId,
      status: 'IN_PROGRESS',
      startTime: at,
      stop: new AbortController(),
      ...(clientToken ? { clientToken } : {}),
    };
    this.executions.set(execution.id, execution);
    return execution;
  }

  execution(id: string): StoredExecution | undefined {
    return this.executions.get(id);
  }

  /** The execution started earlier for this test case with this ClientToken, if any. */
  executionByToken(testCaseId: string, clientToken: string): StoredExecution | undefined {
    return [...this.executions.values()].find(
      (e) => e.testCaseId === testCaseId && e.clientToken === clientToken,
    );
  }

  listExecutions(): StoredExecution[] {
    return [...this.executions.values()];
  }
}

/** TestCaseSha256 of DescribeTestCase: the hash of the content. */
export const contentSha256 = (content: string): string =>
  createHash('sha256').update(content).digest('hex');
