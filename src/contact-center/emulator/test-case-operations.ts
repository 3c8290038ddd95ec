/**
 * Connect's flow-testing operations against the local flow runner: CreateTestCase,
 * DescribeTestCase, ListTestCases, DeleteTestCase, StartTestCaseExecution (the test runs in the
 * background, as in Connect; poll GetTestCaseExecutionSummary), StopTestCaseExecution,
 * GetTestCaseExecutionSummary, ListTestCaseExecutionRecords and ListTestCaseExecutions. Test
 * contacts run in a sandbox: they never reach the contact center's queues, agents or desk.
 */
import { executeTestCase } from '../test-cases/execute-test-case';
import {
  TestCaseDefinitionError,
  testCaseRunOf,
  type TestCaseInput,
} from '../test-cases/test-case-definition';
import {
  contentSha256,
  type StoredExecution,
  type StoredTestCase,
} from '../test-cases/test-case-registry';
import { connectError } from './aws-error';
import {
  epochSeconds,
  instanceArn,
  type EmulatorDeps,
  type Operation,
  type OperationRequest,
} from './emulator-context';
import { requireInstance } from './start-webrtc-contact';

const arnOf = (deps: EmulatorDeps, id: string) => `${instanceArn(deps.config)}/test-case/${id}`;

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw connectError.invalidParameter(`${name} must be a string`);
  return value;
}

function testCaseOf(deps: EmulatorDeps, req: OperationRequest): StoredTestCase {
  requireInstance(deps, req.labels.InstanceId ?? '');
  const id = req.labels.TestCaseId ?? '';
  const testCase = deps.testCases.get(id);
  if (!testCase)
    throw connectError.notFound(
      `Test case ${id} does not exist in instance ${deps.config.instance.id}`,
    );
  return testCase;
}

function executionOf(deps: EmulatorDeps, req: OperationRequest): StoredExecution {
  const testCase = testCaseOf(deps, req);
  const id = req.labels.TestCaseExecutionId ?? '';
  const execution = deps.testCases.execution(id);
  if (!execution || execution.testCaseId !== testCase.id)
    throw connectError.notFound(
      `Test case execution ${id} does not exist for test case ${testCase.id}`,
    );
  return execution;
}

/** What would run, or InvalidParameterException naming what is wrong. */
function validated(deps: EmulatorDeps, input: TestCaseInput) {
  try {
    return testCaseRunOf(input, deps.config);
  } catch (error) {
    if (error instanceof TestCaseDefinitionError)
      throw connectError.invalidParameter(error.message);
    throw error;
  }
}

/** A page of `items` from the NextToken offset; MaxResults 1–100 (default 100). */
function page<T>(items: T[], req: OperationRequest): { items: T[]; NextToken?: string } {
  const max = Number(req.query.get('maxResults') ?? 100);
  if (!Number.isInteger(max) || max < 1 || max > 100)
    throw connectError.invalidParameter('MaxResults must be between 1 and 100');
  const token = req.query.get('nextToken');
  const start = token === null ? 0 : Number(token);
  if (!Number.isInteger(start) || start < 0 || start > items.length)
    throw connectError.invalidParameter('NextToken is not valid');
  const end = start + max;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { NextToken: String(end) } : {}),
  };
}

/** CreateTestCase (`PUT /test-cases/{InstanceId}`): PUBLISHED test cases are validated first. */
export const createTestCase: Operation = (deps, req) => {
  requireInstance(deps, req.labels.InstanceId ?? '');
  const { body } = req;
  const name = optionalString(body, 'Name');
  const content = optionalString(body, 'Content');
  if (!name) throw connectError.invalidParameter('Name is required');
  if (!content) throw connectError.invalidParameter('Content is required');
  const status = optionalString(body, 'Status') ?? 'PUBLISHED';
  if (status !== 'PUBLISHED' && status !== 'SAVED')
    throw connectError.invalidParameter('Status must be PUBLISHED or SAVED');
  const initializationData = optionalString(body, 'InitializationData');
  // PUBLISHED validates the content (and the entry point against this instance's flows); SAVED does
  // not.
  if (status === 'PUBLISHED')
    validated(deps, {
      Content: content,
      EntryPoint: body.EntryPoint,
      InitializationData: initializationData,
    });
  const stored = deps.testCases.add({
    name,
    content,
    status,
    lastModifiedTime: deps.now(),
    tags: (body.Tags ?? {}) as Record<string, string>,
    ...(optionalString(body, 'Description') ? { description: body.Description as string } : {}),
    ...(body.EntryPoint !== undefined ? { entryPoint: body.EntryPoint } : {}),
    ...(initializationData !== undefined ? { initializationData } : {}),
  });
  if (!stored)
    throw connectError.invalidRequest('The local contact center holds at most 500 test cases');
  return { TestCaseId: stored.id, TestCaseArn: arnOf(deps, stored.id) };
};

/** DescribeTestCase: the content and metadata, with the content's SHA-256. */
export const describeTestCase: Operation = (deps, req) => {
  const t = testCaseOf(deps, req);
  return {
    TestCase: {
      Arn: arnOf(deps, t.id),
      Id: t.id,
      Name: t.name,
      Content: t.content,
      Status: t.status,
      Tags: t.tags,
      TestCaseSha256: contentSha256(t.content),
      LastModifiedTime: epochSeconds(t.lastModifiedTime),
      LastModifiedRegion: deps.config.instance.region,
      ...(t.description !== undefined ? { Description: t.description } : {}),
      ...(t.entryPoint !== undefined ? { EntryPoint: t.entryPoint } : {}),
      ...(t.initializationData !== undefined ? { InitializationData: t.initializationData } : {}),
    },
  };
};

/** ListTestCases (`GET /test-cases-summary/{InstanceId}`), paginated. */
export const listTestCases: Operation = (deps, req) => {
  requireInstance(deps, req.labels.InstanceId ?? '');
  const { items, NextToken } = page(deps.testCases.list(), req);
  return {
    TestCaseSummaryList: items.map((t) => ({
      Id: t.id,
      Arn: arnOf(deps, t.id),
      Name: t.name,
      Status: t.status,
      LastModifiedTime: epochSeconds(t.lastModifiedTime),
      LastModifiedRegion: deps.config.instance.region,
    })),
    ...(NextToken ? { NextToken } : {}),
  };
};

/** DeleteTestCase; its executions stay listed. */
export const deleteTestCase: Operation = (deps, req) => {
  deps.testCases.delete(testCaseOf(deps, req).id);
  return {};
};

/**
 * StartTestCaseExecution: runs in the background; a repeated ClientToken returns the same
 * execution.
 */
export const startTestCaseExecution: Operation = (deps, req) => {
  const testCase = testCaseOf(deps, req);
  const clientToken = optionalString(req.body, 'ClientToken');
  const earlier = clientToken && deps.testCases.executionByToken(testCase.id, clientToken);
  if (earlier)
    return { TestCaseExecutionId: earlier.id, TestCaseId: testCase.id, Status: earlier.status };
  const run = validated(deps, {
    Content: testCase.content,
    EntryPoint: testCase.entryPoint,
    InitializationData: testCase.initializationData,
  });
  const execution = deps.testCases.startExecution(testCase.id, deps.now(), clientToken);
  executeTestCase(deps.config, run, {
    now: deps.now,
    signal: execution.stop.signal,
  })
    .then((result) => {
      execution.result = result;
      execution.status = execution.stop.signal.aborted ? 'STOPPED' : result.Status;
    })
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, testCaseId: testCase.id }, 'Flow test execution failed');
      execution.status = 'FAILED';
    })
    .finally(() => {
      execution.endTime = deps.now();
    });
  return { TestCaseExecutionId: execution.id, TestCaseId: testCase.id, Status: execution.status };
};

/** StopTestCaseExecution: the execution ends STOPPED, what was not observed failed. */
export const stopTestCaseExecution: Operation = (deps, req) => {
  executionOf(deps, req).stop.abort();
  return {};
};

/** GetTestCaseExecutionSummary: status, times and observation counts. */
export const getTestCaseExecutionSummary: Operation = (deps, req) => {
  const e = executionOf(deps, req);
  const observations = e.result?.Observations ?? [];
  const passed = observations.filter((o) => o.Status === 'PASSED').length;
  return {
    StartTime: epochSeconds(e.startTime),
    ...(e.endTime !== undefined ? { EndTime: epochSeconds(e.endTime) } : {}),
    Status: e.status,
    ObservationSummary: {
      TotalObservations: observations.length,
      ObservationsPassed: passed,
      ObservationsFailed: observations.length - passed,
    },
  };
};

/**
 * ListTestCaseExecutionRecords: one record per observation, its Record the JSON of what happened.
 */
export const listTestCaseExecutionRecords: Operation = (deps, req) => {
  const e = executionOf(deps, req);
  const status = req.query.get('status');
  const records = (e.result?.Observations ?? []).filter((o) => !status || o.Status === status);
  const { items, NextToken } = page(records, req);
  return {
    ExecutionRecords: items.map((o) => ({
      ObservationId: o.ObservationId,
      Status: o.Status,
      Timestamp: epochSeconds(o.Timestamp),
      Record: JSON.stringify(o.Record),
    })),
    ...(NextToken ? { NextToken } : {}),
  };
};

/** ListTestCaseExecutions (`GET /test-case-executions/{InstanceId}`), filtered and paginated. */
export const listTestCaseExecutions: Operation = (deps, req) => {
  requireInstance(deps, req.labels.InstanceId ?? '');
  const { query } = req;
  const testCaseId = query.get('testCaseId');
  const testCaseName = query.get('testCaseName');
  const status = query.get('status');
  const from = query.get('startTime');
  const to = query.get('endTime');
  const executions = deps.testCases.listExecutions().filter((e) => {
    const name = deps.testCases.get(e.testCaseId)?.name;
    return (
      (!testCaseId || e.testCaseId === testCaseId) &&
      (!testCaseName || name === testCaseName) &&
      (!status || e.status === status) &&
      (from === null || e.startTime >= Number(from)) &&
      (to === null || e.startTime <= Number(to))
    );
  });
  const { items, NextToken } = page(executions, req);
  return {
    TestCaseExecutions: items.map((e) => ({
      TestCaseExecutionId: e.id,
      TestCaseId: e.testCaseId,
      TestCaseExecutionStatus: e.status,
      StartTime: epochSeconds(e.startTime),
      ...(e.endTime !== undefined ? { EndTime: epochSeconds(e.endTime) } : {}),
    })),
    ...(NextToken ? { NextToken } : {}),
  };
};
