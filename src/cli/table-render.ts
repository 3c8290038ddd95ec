/**
 * The AWS CLI's table renderer (awscli/table.py MultiTable): titled sections drawn with `-`, `+`
 * and `|`, nested sections indented by one `|` per level, every section stretched to the widest
 * one, and single-row sections turned vertical when the table would not fit the terminal.
 */

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Display width: East Asian wide and full-width characters take two columns. */
export const textLength = (text: string) =>
  [...text].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);

/**
 * Colours as the AWS CLI's ColorizedStyler applies them (values bright blue, indentation dim
 * yellow).
 */
export interface Styler {
  row(text: string): string;
  indent(text: string): string;
}
/** Table styling without escape codes (`--color off`, or not a terminal). */
export const plainStyler: Styler = { row: (t) => t, indent: (t) => t };
/** The AWS CLI's table colours: cell text bold blue, the bars of nested sections dim yellow. */
export const colorStyler: Styler = {
  row: (t) => `\x1b[1m\x1b[34m${t}\x1b[0m`,
  indent: (t) => `\x1b[2m\x1b[33m${t}\x1b[0m`,
};

/**
 * One titled block of an `--output table` rendering: headers, rows and nested sections, sized to
 * fit.
 */
export class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    this.widen(headers);
    this.headers = headers;
  }

  addRow(row: string[]): void {
    this.rows.push(row);
    this.widen(row);
  }

  private widen(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
    else
      row.forEach(
        (el, i) => (this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0)),
      );
  }

  /** Column widths (plus padding) scaled so they add up to exactly maxWidth. */
  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pyRound(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        scaled[i] = (scaled[i] ?? 0) + (offBy > 0 ? -1 : 1);
        offBy += offBy > 0 ? -1 : 1;
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    const total = this.columnWidths().reduce((n, w) => n + w + padding, 0) + 2 + 2 * outerPadding;
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total);
  }
}

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function center(
  text: string,
  length: number,
  left: string,
  right: string,
  textLen = textLength(text),
): string {
  const start = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const soFar = textLength(left) + start + textLen;
  return (
    left +
    ' '.repeat(Math.max(0, start)) +
    text +
    ' '.repeat(Math.max(0, length - textLength(right) - soFar)) +
    right
  );
}

function alignLeft(
  text: string,
  length: number,
  left: string,
  right: string,
  textLen: number,
): string {
  const padding = length - (textLen + 2 + left.length + right.length) >= 0 ? 2 : 0;
  return (
    left +
    ' '.repeat(padding) +
    text +
    ' '.repeat(Math.max(0, length - left.length - padding - textLen - right.length)) +
    right
  );
}

function lineBreak(widths: number[]): string {
  return widths
    .map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`))
    .join('');
}

/** Renders sections into the text the AWS CLI prints for `--output table`. */
export function renderTable(sections: Section[], terminalWidth: number, styler: Styler): string {
  const widest = () => Math.max(...sections.map((s) => s.totalWidth(4, s.indentLevel)));
  let maxWidth = widest();
  if (maxWidth > terminalWidth) {
    sections.forEach((s, i) => {
      if (s.rows.length !== 1 || s.headers.length === 0) return;
      const vertical = new Section();
      vertical.title = s.title;
      vertical.indentLevel = s.indentLevel;
      s.headers.forEach((h, j) => vertical.addRow([h, s.rows[0]?.[j] ?? '']));
      sections[i] = vertical;
    });
    maxWidth = widest();
  }
  const out: string[] = ['-'.repeat(maxWidth) + '\n'];
  for (const s of sections) {
    const bar = styler.indent('|').repeat(s.indentLevel);
    const line = (text: string) => out.push(`${bar}${text}${bar}\n`);
    const width = maxWidth - s.indentLevel * 2;
    if (s.title) {
      line(center(s.title, width, '|', '|'));
      if (s.headers.length === 0 && s.rows.length === 0) line(`+${'-'.repeat(width - 2)}+`);
    }
    const widths = s.columnWidths(4, width);
    if (s.headers.length > 0) {
      line(lineBreak(widths));
      line(s.headers.map((h, i) => center(h, widths[i] ?? 0, i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length === 0 || widths.length === 0) continue;
    line(lineBreak(widths));
    for (const row of s.rows) {
      line(
        row
          .map((el, i) =>
            alignLeft(styler.row(el), widths[i] ?? 0, i === 0 ? '|' : '', '|', textLength(el)),
          )
          .join(''),
      );
    }
    line(lineBreak(widths));
  }
  return out.join('');
}
