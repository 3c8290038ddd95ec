/**
 * The AWS CLI shorthand syntax (`A=b,C={D=e},F=[g,h]`), ported from awscli's `shorthand.py`
 * grammar: `key=value` pairs, csv lists (`a=b,c`), `{}` hash literals, `[]` explicit lists, single
 * and double quoted values with `\'`/`\"`/`\\` escapes, `\,` escaped commas. Keys take the v2 set
 * of characters (letters, digits, `-_.#/:`), so Connect attribute keys with `-` and `_` work.
 * Purely syntactic: the model-aware checks live in param-values.ts.
 */
import { ParamError } from './cli-errors';
import { KEY_CHARS, ShorthandScanner, ShorthandSyntaxError } from './shorthand-scanner';

/** A parsed shorthand value: strings, lists and maps only (the shorthand has no other types). */
export type Shorthand = string | Shorthand[] | { [key: string]: Shorthand };

/** Parses one shorthand parameter into a map; throws a ShorthandSyntaxError. */
export function parseShorthand(input: string): { [key: string]: Shorthand } {
  return new Parser(input).parameter();
}

class Parser extends ShorthandScanner {
  parameter(): { [key: string]: Shorthand } {
    const params: { [key: string]: Shorthand } = {};
    let [key, value] = this.keyval();
    params[key] = value;
    let last = this.i;
    while (this.i < this.s.length) {
      this.expect(',', true);
      [key, value] = this.keyval();
      if (Object.hasOwn(params, key)) {
        throw new ParamError(
          `Second instance of key "${key}" encountered for input:\n${this.s}\n${' '.repeat(last + 1)}^\n` +
            'This is often because there is a preceeding "," instead of a space.',
        );
      }
      params[key] = value;
      last = this.i;
    }
    return params;
  }

  private keyval(): [string, Shorthand] {
    const key = this.key();
    this.expect('=', true);
    return [key, this.values()];
  }

  private key(): string {
    const start = this.i;
    while (!this.eof() && KEY_CHARS.test(this.cur())) this.i++;
    return this.s.slice(start, this.i);
  }

  private values(): Shorthand {
    if (this.eof()) return '';
    if (this.cur() === '[') return this.explicitList();
    if (this.cur() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): Shorthand {
    const first = this.firstValue();
    this.skipSpace();
    if (this.eof() || this.cur() !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.skipSpace();
        if (this.eof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (err) {
        // `a=b,c=d`: what followed the comma was the next key, not a list item: go back to the
        // comma.
        if (!(err instanceof ShorthandSyntaxError) || this.eof()) throw err;
        while (this.i >= 0 && this.s[this.i] !== ',') this.i--;
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private explicitList(): Shorthand[] {
    this.expect('[', true);
    const values: Shorthand[] = [];
    while (this.cur() !== ']') {
      if (this.eof()) this.fail(']');
      values.push(this.explicitValue());
      this.skipSpace();
      if (this.cur() !== ']') {
        this.expect(',');
        this.skipSpace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValue(): Shorthand {
    if (this.cur() === '[') return this.explicitList();
    if (this.cur() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): { [key: string]: Shorthand } {
    this.expect('{', true);
    const out: { [key: string]: Shorthand } = {};
    while (this.cur() !== '}') {
      if (this.eof()) this.fail('}');
      const key = this.key();
      this.expect('=', true);
      const v = this.explicitValue();
      this.skipSpace();
      if (this.cur() !== '}') {
        this.expect(',');
        this.skipSpace();
      }
      out[key] = v;
    }
    this.expect('}');
    return out;
  }
}
