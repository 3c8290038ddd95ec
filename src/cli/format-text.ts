/**
 * `--output text`, as awscli/text.py writes it: the scalars of an object on one tab-separated line
 * in key order (prefixed by the upper-cased parent key when nested), then each nested object or
 * list under its own identifier; lists of objects share one set of columns.
 */

type Json = unknown;
const isScalar = (v: Json) => typeof v !== 'object' || v === null;

/** Python's str() of a JSON scalar, which is what the AWS CLI prints. */
export function pyStr(v: Json): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return String(v);
}

function formatDict(
  item: Record<string, Json>,
  identifier: string | undefined,
  scalarKeys: string[] | undefined,
  out: string[],
): void {
  const scalars: string[] = [];
  const nested: Array<[string, Json]> = [];
  if (scalarKeys === undefined) {
    for (const key of Object.keys(item).sort()) {
      const value = item[key];
      if (isScalar(value)) scalars.push(pyStr(value));
      else nested.push([key, value]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? pyStr(item[key]) : '');
    for (const key of Object.keys(item)
      .filter((k) => !scalarKeys.includes(k))
      .sort())
      nested.push([key, item[key]]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(scalars.join('\t') + '\n');
  }
  for (const [key, value] of nested) formatAny(value, key, undefined, out);
}

function formatScalarList(items: Json[], identifier: string | undefined, out: string[]): void {
  if (identifier !== undefined)
    for (const item of items) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`);
  else out.push(items.map(pyStr).join('\t') + '\n');
}

function formatList(items: Json[], identifier: string | undefined, out: string[]): void {
  if (items.length === 0) return;
  if (items.some((el) => !isScalar(el) && !Array.isArray(el))) {
    const keys = new Set<string>();
    for (const el of items) {
      if (isScalar(el) || Array.isArray(el)) continue;
      for (const [k, v] of Object.entries(el as Record<string, Json>)) if (isScalar(v)) keys.add(k);
    }
    const scalarKeys = [...keys].sort();
    for (const el of items) formatAny(el, identifier, scalarKeys, out);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, identifier, out);
    for (const el of items.filter((e) => !isScalar(e))) formatAny(el, identifier, undefined, out);
  } else formatScalarList(items, identifier, out);
}

function formatAny(
  item: Json,
  identifier: string | undefined,
  scalarKeys: string[] | undefined,
  out: string[],
): void {
  if (Array.isArray(item)) formatList(item, identifier, out);
  else if (!isScalar(item)) formatDict(item as Record<string, Json>, identifier, scalarKeys, out);
  else out.push(pyStr(item) + '\n');
}

/** Formats a response (or a --query result) as the AWS CLI's text output. */
export function formatText(data: Json): string {
  const out: string[] = [];
  formatAny(data, undefined, undefined, out);
  return out.join('');
}
