/**
 * Shorthand for a map of structures, as the reference page documents it for `--references`:
 * `KeyName1=Value=string,Type=string,KeyName2=Value=string,Type=string`, and the `{}` form
 * `KeyName1={Value=string,Type=string},KeyName2={...}` (both may be mixed). The plain shorthand
 * grammar cannot tell a new map key from the next member, so this reads it with the member names
 * of the value structure: `K=Member=v` opens entry K, `Member=v` adds to the open entry.
 */
import { ParamError } from './cli-errors';
import { parseShorthand, type Shorthand } from './shorthand-parser';

/** Splits on top-level commas, keeping quoted text, `{}`/`[]` groups and `\,` escapes intact. */
function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '\\' && input[i + 1] === ',') i++;
    else if ((ch === '"' || ch === "'") && /(^|[=,{[])\s*$/.test(input.slice(start, i))) quote = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(input.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(input.slice(start));
  return parts;
}

/** Parses the flattened or braced shorthand of a map whose values are structures with `members`. */
export function parseStructureMap(
  input: string,
  members: readonly string[],
): Record<string, Shorthand> {
  const out: Record<string, Record<string, Shorthand>> = {};
  let open: Record<string, Shorthand> | undefined;
  let lastMember = '';
  const startsMember = (text: string) => members.some((m) => text.startsWith(`${m}=`));
  for (const raw of splitTopLevel(input)) {
    const seg = raw.trim();
    const eq = seg.indexOf('=');
    const head = eq < 0 ? '' : seg.slice(0, eq).trim();
    const rest = eq < 0 ? '' : seg.slice(eq + 1).trim();
    if (rest.startsWith('{')) {
      // K={Value=...,Type=...}: the ordinary hash-literal grammar.
      Object.assign(out, parseShorthand(seg));
      open = undefined;
    } else if (eq > 0 && startsMember(rest)) {
      open = {};
      out[head] = open;
      Object.assign(open, parseShorthand(rest));
      lastMember = rest.slice(0, rest.indexOf('='));
    } else if (eq > 0 && open && members.includes(head)) {
      Object.assign(open, parseShorthand(seg));
      lastMember = head;
    } else if (open && lastMember && eq < 0) {
      // An unescaped comma inside a value (`Value=a,b`): keep it as part of that value.
      open[lastMember] = `${String(open[lastMember])},${seg}`;
    } else {
      throw new ParamError(
        `Expected: 'KeyName=${members[0]}=value' or 'KeyName={${members.join('=...,')}=...}', received: '${seg}' for input:\n${input}`,
      );
    }
  }
  return out;
}
