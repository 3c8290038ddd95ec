/**
 * Prints a response the way the AWS CLI does for `--output json|text|table`, after applying the
 * `--query` JMESPath expression (with @jmespath-community/jmespath). JSON is indented by four
 * spaces; the table is titled with the operation name.
 */
import { compile, search } from '@jmespath-community/jmespath';
import { ParamError } from './cli-errors';
import { formatText } from './format-text';
import { colorStyler, plainStyler, renderTable, Section } from './table-render';

/** How a response is printed: `--output` format, an optional JMESPath `--query`, and colour. */
export interface OutputOptions {
  output: 'json' | 'text' | 'table';
  query?: string;
  /** Colour the table: `on`, `off`, or `auto` (on when stdout is a terminal). */
  color: 'on' | 'off' | 'auto';
  isTty: boolean;
  terminalWidth: number;
}

const badQuery = (query: string, err: unknown) =>
  new ParamError(`Bad value for --query ${query}: ${(err as Error).message}`);

/**
 * Compiles the expression only, as the AWS CLI does once the global options are parsed, before any
 * request.
 */
export function checkQuery(query: string | undefined): void {
  if (query === undefined) return;
  try {
    compile(query);
  } catch (err) {
    throw badQuery(query, err);
  }
}

/** Applies a JMESPath expression; a bad expression is a ParamError (exit 252). */
export function applyQuery(data: unknown, query: string | undefined): unknown {
  if (query === undefined) return data;
  try {
    return search(data as Parameters<typeof search>[0], query) ?? null;
  } catch (err) {
    throw badQuery(query, err);
  }
}

const isScalar = (v: unknown) => typeof v !== 'object' || v === null;
const str = (v: unknown) =>
  v === null ? 'None' : v === true ? 'True' : v === false ? 'False' : String(v);

/** awscli's TableFormatter: objects become sections, scalar keys a header row plus a value row. */
function buildTable(
  sections: Section[],
  title: string | undefined,
  current: unknown,
  indent: number,
): void {
  if (
    !current ||
    (Array.isArray(current) && current.length === 0) ||
    (typeof current === 'object' && Object.keys(current).length === 0)
  )
    return;
  let section = sections[sections.length - 1] as Section;
  const newSection = (t: string) => {
    section = new Section();
    section.title = t;
    section.indentLevel = indent;
    sections.push(section);
  };
  if (title !== undefined) newSection(title);
  if (Array.isArray(current)) {
    if (!isScalar(current[0]) && !Array.isArray(current[0])) {
      const dicts = current as Array<Record<string, unknown>>;
      const headers = [
        ...new Set(dicts.flatMap((d) => Object.keys(d).filter((k) => isScalar(d[k])))),
      ].sort();
      const more = [
        ...new Set(dicts.flatMap((d) => Object.keys(d).filter((k) => !isScalar(d[k])))),
      ].sort();
      section.addHeader(headers);
      dicts.forEach((el, i) => {
        if (i > 0 && more.length > 0) {
          newSection(title ?? '');
          section.addHeader(headers);
        }
        section.addRow(headers.map((h) => (h in el ? str(el[h]) : '')));
        for (const key of more) if (key in el) buildTable(sections, key, el[key], indent + 1);
      });
    } else {
      for (const item of current) {
        if (isScalar(item)) section.addRow([str(item)]);
        else if (Array.isArray(item) && item.every(isScalar)) section.addRow(item.map(str));
        else buildTable(sections, undefined, item, indent);
      }
    }
  } else if (!isScalar(current)) {
    const obj = current as Record<string, unknown>;
    const headers = Object.keys(obj)
      .filter((k) => isScalar(obj[k]))
      .sort();
    const more = Object.keys(obj)
      .filter((k) => !isScalar(obj[k]))
      .sort();
    if (headers.length === 1)
      section.addRow([headers[0] as string, str(obj[headers[0] as string])]);
    else if (headers.length > 1) {
      section.addHeader(headers);
      section.addRow(headers.map((h) => str(obj[h])));
    }
    for (const key of more) buildTable(sections, key, obj[key], indent + 1);
  } else section.addRow([str(current)]);
}

/** The text to print on stdout for `data` (the SDK output without `$metadata`). */
export function formatOutput(operation: string, data: unknown, options: OutputOptions): string {
  const result = applyQuery(data, options.query);
  if (options.output === 'json') return JSON.stringify(result, null, 4) + '\n';
  if (options.output === 'text') return formatText(result);
  const sections: Section[] = [];
  buildTable(sections, operation, result, 0);
  if (sections.length === 0) return '';
  const colored = options.color === 'on' || (options.color === 'auto' && options.isTty);
  return renderTable(sections, options.terminalWidth, colored ? colorStyler : plainStyler);
}
