/**
 * The value-level half of the shorthand parser: the character classes of awscli's `shorthand.py`
 * (v2: inner spaces allowed, trailing ones trimmed), quoted values with their escapes, and the
 * cursor primitives with the AWS CLI's caret error message. shorthand-parser.ts adds the grammar.
 */
import { ParamError } from './cli-errors';

/** Characters a key may hold in the AWS CLI's shorthand syntax (`Key=value,Other=value`). */
export const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/u;
// Unquoted values may contain inner spaces (trailing ones are trimmed); a second csv value stops at
// `=`.
const FIRST_VALUE =
  /^((\\,)|[!#-&(-+\--<>-Z\\-z|-\u{10ffff}])((\\,)|[\s!#-&(-+\--\\^-|~-\u{10ffff}])*/u;
const SECOND_VALUE =
  /^((\\,)|[!#-&(-+\--<>-Z\\-z|-\u{10ffff}])((\\,)|[\s!#-&(-+\--<>-\u{10ffff}])*/u;
const SINGLE_QUOTED = /^'(?:\\\\|\\'|[^'])*'/u;
const DOUBLE_QUOTED = /^"(?:\\\\|\\"|[^"])*"/u;

/** A syntax error with the AWS CLI's caret message. */
export class ShorthandSyntaxError extends ParamError {
  constructor(value: string, expected: string, actual: string, index: number) {
    const lineStart = value.lastIndexOf('\n', index - 1) + 1;
    super(
      `Expected: '${expected}', received: '${actual}' for input:\n${value}\n${' '.repeat(index - lineStart)}^`,
    );
  }
}

/** A cursor over one shorthand string. */
export class ShorthandScanner {
  protected i = 0;
  constructor(protected readonly s: string) {}

  protected firstValue(): string {
    if (this.cur() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.cur() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    const m = FIRST_VALUE.exec(this.s.slice(this.i));
    if (!m) return '';
    this.i += m[0].length;
    return m[0].replaceAll('\\,', ',').trimEnd();
  }

  protected secondValue(): string {
    if (this.cur() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.cur() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.mustConsume(SECOND_VALUE, 'second').replaceAll('\\,', ',').trimEnd();
  }

  protected quoted(re: RegExp, quote: string): string {
    const raw = this.mustConsume(re, quote === "'" ? 'singled quoted' : 'double quoted').slice(
      1,
      -1,
    );
    return raw.replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  }

  protected mustConsume(re: RegExp, name: string): string {
    const m = re.exec(this.s.slice(this.i));
    if (!m) throw new ShorthandSyntaxError(this.s, `<${name}>`, '<none>', this.i);
    this.i += m[0].length;
    return m[0];
  }

  protected expect(ch: string, skipSpace = false): void {
    if (skipSpace) this.skipSpace();
    if (this.eof()) this.fail(ch);
    if (this.s[this.i] !== ch)
      throw new ShorthandSyntaxError(this.s, ch, this.s[this.i] ?? 'EOF', this.i);
    this.i++;
    if (skipSpace) this.skipSpace();
  }

  protected fail(expected: string): never {
    throw new ShorthandSyntaxError(this.s, expected, 'EOF', this.i);
  }

  protected skipSpace(): void {
    while (!this.eof() && /\s/u.test(this.cur())) this.i++;
  }

  protected cur(): string {
    return this.s[this.i] ?? '';
  }

  protected eof(): boolean {
    return this.i >= this.s.length;
  }
}
