/**
 * A test case as CreateTestCase takes it (Name, Description, EntryPoint, InitializationData,
 * Content), checked against the local configuration: the content is valid Testing language and the
 * entry point names one of its flows. Used by the emulator and by the test-flows command's files.
 */
import type { LocalConfig } from '../config/local-config-schema';
import { idFromArn } from '../routing/center-directory';
import { ENTRY_POINT_TYPES, type EntryPointType, type TestCaseRun } from './execute-test-case';
import { parseTestContent } from './testing-language';

/** CreateTestCase's members that define what runs. */
export interface TestCaseInput {
  Name?: unknown;
  EntryPoint?: unknown;
  InitializationData?: unknown;
  Content?: unknown;
}

/** Thrown with what is wrong; the emulator answers it as InvalidParameterException. */
export class TestCaseDefinitionError extends Error {}

function entryPointOf(value: unknown, config: LocalConfig): TestCaseRun['entryPoint'] {
  const entry = (value ?? {}) as {
    Type?: string;
    VoiceCallEntryPointParameters?: { FlowId?: string };
    ChatEntryPointParameters?: { FlowId?: string };
  };
  if (!ENTRY_POINT_TYPES.includes(entry.Type as EntryPointType))
    throw new TestCaseDefinitionError(
      `EntryPoint.Type must be one of ${ENTRY_POINT_TYPES.join(', ')} (WEBRTC_CALL is local: a WebRTC contact)`,
    );
  const type = entry.Type as EntryPointType;
  const flowId =
    type === 'CHAT'
      ? entry.ChatEntryPointParameters?.FlowId
      : entry.VoiceCallEntryPointParameters?.FlowId;
  const parameters = type === 'CHAT' ? 'ChatEntryPointParameters' : 'VoiceCallEntryPointParameters';
  if (!flowId) throw new TestCaseDefinitionError(`EntryPoint.${parameters}.FlowId is required`);
  if (!config.flows.some((f) => f.id === idFromArn(flowId)))
    throw new TestCaseDefinitionError(
      `EntryPoint.${parameters}.FlowId: flow ${flowId} does not exist in instance ${config.instance.id}`,
    );
  return { type, flowId };
}

/**
 * InitializationData: a JSON object (or its string) of the test contact's attributes, either flat
 * or under `Attributes`, with the customer's display name under `Name` in the latter form.
 */
function initializationOf(value: unknown): TestCaseRun['initialization'] {
  if (value === undefined || value === '') return { attributes: {} };
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      throw new TestCaseDefinitionError('InitializationData is not JSON');
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new TestCaseDefinitionError('InitializationData must be a JSON object');
  const record = json as Record<string, unknown>;
  const nested = typeof record.Attributes === 'object' && record.Attributes !== null;
  const attributes = (nested ? record.Attributes : record) as Record<string, unknown>;
  for (const [key, v] of Object.entries(attributes))
    if (typeof v !== 'string')
      throw new TestCaseDefinitionError(`InitializationData attribute ${key} must be a string`);
  const name = nested ? record.Name : undefined;
  if (name !== undefined && typeof name !== 'string')
    throw new TestCaseDefinitionError('InitializationData Name must be a string');
  return { attributes: attributes as Record<string, string>, ...(name ? { name } : {}) };
}

/** What the test runs, or a TestCaseDefinitionError naming the first problem. */
export function testCaseRunOf(input: TestCaseInput, config: LocalConfig): TestCaseRun {
  let content;
  try {
    content = parseTestContent(input.Content);
  } catch (error) {
    throw new TestCaseDefinitionError(`Content: ${(error as Error).message}`, { cause: error });
  }
  return {
    content,
    entryPoint: entryPointOf(input.EntryPoint, config),
    initialization: initializationOf(input.InitializationData),
  };
}
