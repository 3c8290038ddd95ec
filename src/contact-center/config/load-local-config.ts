/**
 * Reads `contact-center.json` and the flow files it names, validates them and checks that every id
 * reference (default flow, queues' hours, routing profiles, agents, entry-point flows) points at
 * something defined. Every error names the file and the field that is wrong. The validation alone
 * (validateLocalConfig) also serves the flow test kit, so a test runs only flows the server would
 * load.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { FlowDocument, LocalConfigFile, type LocalConfig } from './local-config-schema';

/** The contact center's definition in LOCAL_CONFIG_DIR. */
export const CONFIG_FILE_NAME = 'contact-center.json';

/** Reads and parses a JSON file; the error names the file (unreadable, or not JSON). */
export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

function issues(path: string, error: z.ZodError, prefix = ''): Error {
  const lines = error.issues.map((i) => `  ${prefix}${i.path.join('.') || '(root)'}: ${i.message}`);
  return new Error(`Invalid local contact-center config in ${path}:\n${lines.join('\n')}`);
}

function checkReferences(file: string, c: LocalConfigFile): void {
  const problems: string[] = [];
  const has = (list: Array<{ id: string }>, id: string) => list.some((x) => x.id === id);
  for (const [name, list] of Object.entries({
    flows: c.flows,
    queues: c.queues,
    agents: c.agents,
    hoursOfOperation: c.hoursOfOperation,
  })) {
    const seen = new Set<string>();
    list.forEach((x, i) =>
      seen.has(x.id)
        ? problems.push(`${name}.${i}.id: "${x.id}" is defined twice`)
        : seen.add(x.id),
    );
  }
  if (!has(c.flows, c.defaultFlowId))
    problems.push(`defaultFlowId: no flow has id "${c.defaultFlowId}"`);
  c.queues.forEach((q, i) => {
    if (!has(c.hoursOfOperation, q.hoursOfOperationId))
      problems.push(
        `queues.${i}.hoursOfOperationId: no hours of operation "${q.hoursOfOperationId}"`,
      );
  });
  c.routingProfiles.forEach((p, i) =>
    p.queueIds.forEach(
      (q, j) =>
        has(c.queues, q) || problems.push(`routingProfiles.${i}.queueIds.${j}: no queue "${q}"`),
    ),
  );
  c.agents.forEach((a, i) => {
    if (!has(c.routingProfiles, a.routingProfileId))
      problems.push(`agents.${i}.routingProfileId: no routing profile "${a.routingProfileId}"`);
  });
  c.entryPoints.forEach((e, i) => {
    if (e.contactFlowId && !has(c.flows, e.contactFlowId))
      problems.push(`entryPoints.${i}.contactFlowId: no flow "${e.contactFlowId}"`);
  });
  if (problems.length)
    throw new Error(
      `Invalid local contact-center config in ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
}

/**
 * Where a configuration comes from: its file (for messages), its folder and how to read a flow
 * file.
 */
export interface ConfigSource {
  /** Path of `contact-center.json`, named in every error. */
  file: string;
  /** The folder flow files are relative to. */
  root: string;
  /** The parsed JSON of a flow file, by absolute path. */
  readFlow(path: string): unknown;
}

/**
 * Validates a parsed `contact-center.json` and its flows exactly as loadLocalConfig does (schema,
 * references, each flow document and its StartAction); throws a message naming file and field.
 */
export function validateLocalConfig(json: unknown, source: ConfigSource): LocalConfig {
  const { file, root } = source;
  const parsed = LocalConfigFile.safeParse(json);
  if (!parsed.success) throw issues(file, parsed.error);
  checkReferences(file, parsed.data);
  const flows = parsed.data.flows.map((flow, i) => {
    const flowPath = resolve(root, flow.file);
    const doc = FlowDocument.safeParse(source.readFlow(flowPath));
    if (!doc.success) throw issues(flowPath, doc.error, `(flows.${i} "${flow.name}") `);
    const ids = new Set(doc.data.Actions.map((a) => a.Identifier));
    if (!ids.has(doc.data.StartAction)) {
      throw new Error(
        `Invalid flow in ${flowPath}: StartAction "${doc.data.StartAction}" is not the Identifier of any action`,
      );
    }
    return { ...flow, content: doc.data };
  });
  return { ...parsed.data, flows, dir: root };
}

/**
 * Loads and validates `<dir>/contact-center.json` and its flow files. Throws a message naming file
 * and field.
 */
export function loadLocalConfig(dir: string): LocalConfig {
  const root = resolve(dir);
  const file = join(root, CONFIG_FILE_NAME);
  return validateLocalConfig(readJson(file), { file, root, readFlow: readJson });
}
