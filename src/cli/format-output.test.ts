/**
 * The text and table formatters on shapes beyond StartWebRTCContact's (lists, gaps), as --query can
 * produce them.
 */
import { describe, expect, it } from 'vitest';
import { formatOutput } from './format-output';
import { formatText } from './format-text';

const table = (data: unknown, terminalWidth = 80) =>
  formatOutput('Op', data, { output: 'table', color: 'off', isTty: false, terminalWidth });

describe('text output', () => {
  it('prints nested lists of objects under upper-cased identifiers, scalars of lists on their own lines', () => {
    const data = {
      Reservations: [
        { Instances: [{ InstanceId: 'i-1', State: { Name: 'running' } }], OwnerId: '42' },
      ],
      Names: ['a', 'b'],
    };
    expect(formatText(data)).toBe(
      'NAMES\ta\nNAMES\tb\nRESERVATIONS\t42\nINSTANCES\ti-1\nSTATE\trunning\n',
    );
  });

  it('gives list elements shared columns, empty where a key is missing, and Python spellings of scalars', () => {
    expect(formatText([{ A: '1', B: true }, { A: '2' }])).toBe('1\tTrue\n2\t\n');
    expect(formatText(['x', 'y'])).toBe('x\ty\n');
    expect(formatText(null)).toBe('None\n');
    expect(formatText([])).toBe('');
  });
});

describe('table output', () => {
  it('renders a list of objects as one header row and a row each', () => {
    expect(
      table([
        { Name: 'alpha', Size: '1' },
        { Name: 'b', Size: '22' },
      ]).split('\n'),
    ).toEqual([
      '-------------------',
      '|       Op        |',
      '+--------+--------+',
      '|  Name  | Size   |',
      '+--------+--------+',
      '|  alpha |  1     |',
      '|  b     |  22    |',
      '+--------+--------+',
      '',
    ]);
  });

  it('renders a single key as a key/value row and lists of scalars as rows', () => {
    expect(table({ Id: 'x' })).toContain('|  Id |  x  |');
    expect(table(['one', 'two'])).toMatch(/\|\s+one\s+\|\n\|\s+two\s+\|/);
    expect(table(null)).toBe('');
  });

  it('turns single-row sections vertical when the table is wider than the terminal', () => {
    const wide = { Alpha: 'a'.repeat(30), Beta: 'b'.repeat(30), Gamma: 'c'.repeat(30) };
    expect(table(wide, 200)).toMatch(/\|\s+Alpha\s+\|\s+Beta\s+\|\s+Gamma\s+\|/);
    const vertical = table(wide, 80);
    expect(vertical).toMatch(/\|\s+Alpha\s*\|\s+a{30}\s+\|/);
    expect(vertical).toMatch(/\|\s+Gamma\s*\|\s+c{30}\s+\|/);
  });
});
