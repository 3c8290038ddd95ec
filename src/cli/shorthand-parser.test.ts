import { describe, expect, it } from 'vitest';
import { parseStructureMap } from './flattened-map';
import { parseShorthand } from './shorthand-parser';
import { ShorthandSyntaxError } from './shorthand-scanner';

describe('shorthand parser (AWS CLI grammar)', () => {
  it('parses key=value pairs, csv lists and the backtrack to the next key', () => {
    expect(parseShorthand('a=b')).toEqual({ a: 'b' });
    expect(parseShorthand('a=b,c=d')).toEqual({ a: 'b', c: 'd' });
    expect(parseShorthand('a=b,c')).toEqual({ a: ['b', 'c'] });
    expect(parseShorthand('foo=a,b,c=d,e=f')).toEqual({ foo: ['a', 'b'], c: 'd', e: 'f' });
    expect(parseShorthand('a=')).toEqual({ a: '' });
    expect(parseShorthand('a = b , c = d ')).toEqual({ a: 'b', c: 'd' });
    expect(parseShorthand('DisplayName=Jane Doe')).toEqual({ DisplayName: 'Jane Doe' });
  });

  it('parses nested hash literals and explicit lists', () => {
    expect(parseShorthand('Customer={Video=SEND,ScreenShare=SEND},Agent={Video=SEND}')).toEqual({
      Customer: { Video: 'SEND', ScreenShare: 'SEND' },
      Agent: { Video: 'SEND' },
    });
    expect(parseShorthand('a=[b,c],d=[]')).toEqual({ a: ['b', 'c'], d: [] });
    expect(parseShorthand('a={b=[c,{d=e}],f={}}')).toEqual({ a: { b: ['c', { d: 'e' }], f: {} } });
    expect(parseShorthand('a=[[b,c],[d]]')).toEqual({ a: [['b', 'c'], ['d']] });
  });

  it('handles quoting and escapes', () => {
    expect(parseShorthand("a='b,c'")).toEqual({ a: 'b,c' });
    expect(parseShorthand('a="b=c,d"')).toEqual({ a: 'b=c,d' });
    expect(parseShorthand("a='it\\'s'")).toEqual({ a: "it's" });
    expect(parseShorthand('a="say \\"hi\\""')).toEqual({ a: 'say "hi"' });
    expect(parseShorthand('a=b\\,c')).toEqual({ a: 'b,c' });
    expect(parseShorthand('a={b="x}y"}')).toEqual({ a: { b: 'x}y' } });
  });

  it('keeps values with = signs, URLs and non-ASCII text', () => {
    expect(parseShorthand('url=https://x.test/p?q=1&r=2')).toEqual({
      url: 'https://x.test/p?q=1&r=2',
    });
    expect(parseShorthand('DisplayName=Zoë 😀')).toEqual({ DisplayName: 'Zoë 😀' });
    expect(parseShorthand('order-id=1,session_key=2')).toEqual({
      'order-id': '1',
      session_key: '2',
    });
  });

  it('reports syntax errors with the AWS CLI caret message', () => {
    expect(() => parseShorthand('a')).toThrow(ShorthandSyntaxError);
    expect(() => parseShorthand('a')).toThrow("Expected: '=', received: 'EOF' for input:\na\n ^");
    expect(() => parseShorthand('a={b=c')).toThrow("Expected: ',', received: 'EOF'");
    expect(() => parseShorthand('a=[b,c')).toThrow(ShorthandSyntaxError);
    expect(() => parseShorthand("a='open")).toThrow("Expected: '<singled quoted>'");
    expect(() => parseShorthand('a=b,a=c')).toThrow(
      'Second instance of key "a" encountered for input:\na=b,a=c\n    ^',
    );
  });
});

describe('map of structures (--references shorthand)', () => {
  const members = ['Value', 'Type', 'Status', 'Arn', 'StatusReason'];
  it('reads the flattened KeyName=Member=value form', () => {
    expect(
      parseStructureMap('order=Value=https://x,Type=URL,total=Value=12,Type=NUMBER', members),
    ).toEqual({
      order: { Value: 'https://x', Type: 'URL' },
      total: { Value: '12', Type: 'NUMBER' },
    });
  });

  it('reads the braced form, mixed with the flattened one, and quoted commas', () => {
    expect(
      parseStructureMap('order={Value=https://x,Type=URL},note=Value="a,b",Type=STRING', members),
    ).toEqual({
      order: { Value: 'https://x', Type: 'URL' },
      note: { Value: 'a,b', Type: 'STRING' },
    });
    expect(parseStructureMap('note=Value=a,b,Type=STRING', members)).toEqual({
      note: { Value: 'a,b', Type: 'STRING' },
    });
  });

  it('refuses text that is neither form', () => {
    expect(() => parseStructureMap('order=https://x', members)).toThrow(
      /Expected: 'KeyName=Value=value'/,
    );
    expect(() => parseStructureMap('Type=URL', members)).toThrow(/received: 'Type=URL'/);
  });
});
