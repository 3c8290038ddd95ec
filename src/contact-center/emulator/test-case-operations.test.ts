/** Contract: Connect's flow-testing operations through the official Connect client. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTestCaseCommand,
  DeleteTestCaseCommand,
  DescribeTestCaseCommand,
  GetTestCaseExecutionSummaryCommand,
  ListTestCaseExecutionRecordsCommand,
  ListTestCaseExecutionsCommand,
  ListTestCasesCommand,
  StartTestCaseExecutionCommand,
  StopTestCaseExecutionCommand,
  type TestCaseEntryPoint,
} from '@aws-sdk/client-connect';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';
import { awsFailure } from './testing/aws-failure';

let h: EmulatorHarness;
beforeAll(async () => {
  h = await startEmulatorHarness();
});
afterAll(async () => h.close());

const TESTS_DIR = join(import.meta.dirname, '../../../config/local/tests');
const sample = (file: string) => {
  const json = JSON.parse(readFileSync(join(TESTS_DIR, file), 'utf8')) as {
    Name: string;
    EntryPoint: TestCaseEntryPoint;
    InitializationData?: string;
    Content: unknown;
  };
  return { ...json, Content: JSON.stringify(json.Content) };
};

async function create(file: string): Promise<string> {
  const { TestCaseId } = await h.connect.send(
    new CreateTestCaseCommand({ InstanceId: h.config.instance.id, ...sample(file) }),
  );
  return TestCaseId!;
}

/** Polls the summary until the execution has finished, as a CI job would. */
async function finished(testCaseId: string, executionId: string) {
  for (;;) {
    const summary = await h.connect.send(
      new GetTestCaseExecutionSummaryCommand({
        InstanceId: h.config.instance.id,
        TestCaseId: testCaseId,
        TestCaseExecutionId: executionId,
      }),
    );
    if (summary.Status !== 'IN_PROGRESS') return summary;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('flow test cases through the Connect client', () => {
  it('creates, describes and lists a test case', async () => {
    const input = sample('support.json');
    const id = await create('support.json');
    const { TestCase } = await h.connect.send(
      new DescribeTestCaseCommand({ InstanceId: h.config.instance.id, TestCaseId: id }),
    );
    expect(TestCase).toMatchObject({
      Id: id,
      Name: input.Name,
      Content: input.Content,
      Status: 'PUBLISHED',
      EntryPoint: input.EntryPoint,
      Arn: expect.stringMatching(new RegExp(`instance/${h.config.instance.id}/test-case/${id}$`)),
    });
    expect(TestCase?.TestCaseSha256).toMatch(/^[0-9a-f]{64}$/);
    const { TestCaseSummaryList } = await h.connect.send(
      new ListTestCasesCommand({ InstanceId: h.config.instance.id }),
    );
    expect(TestCaseSummaryList?.map((t) => t.Id)).toContain(id);
  });

  it('runs a test case: the execution passes and its records say what was observed', async () => {
    const id = await create('early-digit.json');
    const started = await h.connect.send(
      new StartTestCaseExecutionCommand({ InstanceId: h.config.instance.id, TestCaseId: id }),
    );
    expect(started).toMatchObject({ TestCaseId: id, Status: 'IN_PROGRESS' });
    const summary = await finished(id, started.TestCaseExecutionId!);
    expect(summary).toMatchObject({
      Status: 'PASSED',
      ObservationSummary: { TotalObservations: 3, ObservationsPassed: 3, ObservationsFailed: 0 },
    });
    expect(summary.EndTime).toBeInstanceOf(Date);
    const { ExecutionRecords } = await h.connect.send(
      new ListTestCaseExecutionRecordsCommand({
        InstanceId: h.config.instance.id,
        TestCaseId: id,
        TestCaseExecutionId: started.TestCaseExecutionId,
      }),
    );
    expect(ExecutionRecords?.map((r) => [r.ObservationId, r.Status])).toEqual([
      ['greeting', 'PASSED'],
      ['transfer', 'PASSED'],
      ['done', 'PASSED'],
    ]);
    expect(JSON.parse(ExecutionRecords![1]!.Record!)).toMatchObject({
      Event: { Type: 'FlowActionStarted', ActionType: 'TransferContactToQueue' },
      Actions: [
        { Identifier: 'department', Status: 'PASSED' },
        { Identifier: 'queue', Status: 'PASSED' },
      ],
    });
    const { TestCaseExecutions } = await h.connect.send(
      new ListTestCaseExecutionsCommand({ InstanceId: h.config.instance.id, TestCaseId: id }),
    );
    expect(TestCaseExecutions).toEqual([
      expect.objectContaining({
        TestCaseExecutionId: started.TestCaseExecutionId,
        TestCaseExecutionStatus: 'PASSED',
      }),
    ]);
    // A test contact never reaches the contact center.
    expect(h.aws.contacts.listActive()).toEqual([]);
  });

  it('answers the same execution for a repeated ClientToken', async () => {
    const id = await create('support.json');
    const send = () =>
      h.connect.send(
        new StartTestCaseExecutionCommand({
          InstanceId: h.config.instance.id,
          TestCaseId: id,
          ClientToken: 'ci-run-42',
        }),
      );
    const first = await send();
    const again = await send();
    expect(again.TestCaseExecutionId).toBe(first.TestCaseExecutionId);
  });

  it('stops an execution that waits for input: STOPPED, with what was not observed failed', async () => {
    const input = sample('no-input.json');
    const { TestCaseId } = await h.connect.send(
      new CreateTestCaseCommand({ InstanceId: h.config.instance.id, ...input, Name: 'slow' }),
    );
    const started = await h.connect.send(
      new StartTestCaseExecutionCommand({ InstanceId: h.config.instance.id, TestCaseId }),
    );
    await h.connect.send(
      new StopTestCaseExecutionCommand({
        InstanceId: h.config.instance.id,
        TestCaseId,
        TestCaseExecutionId: started.TestCaseExecutionId,
      }),
    );
    const summary = await finished(TestCaseId!, started.TestCaseExecutionId!);
    expect(summary.Status).toBe('STOPPED');
    expect(summary.ObservationSummary?.ObservationsFailed).toBeGreaterThan(0);
  });

  it('refuses invalid content with InvalidParameterException naming the problem, and creates nothing', async () => {
    const before = await h.connect.send(
      new ListTestCasesCommand({ InstanceId: h.config.instance.id }),
    );
    const bad = {
      ...sample('support.json'),
      Content: JSON.stringify({ Version: '2025-06-21', Observations: [] }),
    };
    expect(
      await awsFailure(
        h.connect.send(new CreateTestCaseCommand({ InstanceId: h.config.instance.id, ...bad })),
      ),
    ).toMatchObject({
      name: 'InvalidParameterException',
      status: 400,
      message: 'Content: Observations: a test needs at least one observation',
    });
    const after = await h.connect.send(
      new ListTestCasesCommand({ InstanceId: h.config.instance.id }),
    );
    expect(after.TestCaseSummaryList).toHaveLength(before.TestCaseSummaryList!.length);
  });

  it('answers ResourceNotFoundException for an unknown test case or execution, and deletes', async () => {
    const id = await create('sales.json');
    expect(
      await awsFailure(
        h.connect.send(
          new GetTestCaseExecutionSummaryCommand({
            InstanceId: h.config.instance.id,
            TestCaseId: id,
            TestCaseExecutionId: 'nope',
          }),
        ),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    await h.connect.send(
      new DeleteTestCaseCommand({ InstanceId: h.config.instance.id, TestCaseId: id }),
    );
    expect(
      await awsFailure(
        h.connect.send(
          new DescribeTestCaseCommand({ InstanceId: h.config.instance.id, TestCaseId: id }),
        ),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException', message: expect.stringContaining(id) });
  });
});
