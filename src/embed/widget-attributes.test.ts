import { describe, expect, it } from 'vitest';
import { elementAttributes, parseAttributes } from './widget-attributes';

const parse = (attrs: Record<string, string>) =>
  parseAttributes((n) => attrs[n] ?? null, 'https://shop.test', 'en-US');

describe('element attributes', () => {
  it('applies defaults: backend = script origin, locale from the page, theme auto, launcher on', () => {
    expect(parse({ 'entry-point': 'default' })).toEqual({
      config: {
        backendUrl: 'https://shop.test',
        entryPoint: 'default',
        displayName: undefined,
        locale: 'en-US',
        theme: 'auto',
        launcher: true,
        customerToken: undefined,
        attributes: undefined,
      },
      errors: [],
    });
  });

  it('reads every attribute', () => {
    const { config, errors } = parse({
      'entry-point': 'voice',
      'backend-url': 'https://api.test/',
      'display-name': 'Ana',
      locale: 'es',
      theme: 'dark',
      launcher: 'off',
    });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      backendUrl: 'https://api.test',
      entryPoint: 'voice',
      displayName: 'Ana',
      locale: 'es',
      theme: 'dark',
      launcher: false,
    });
  });

  it('refuses to work without a valid entry point or backend URL, naming the attribute', () => {
    expect(parse({}).config).toBeNull();
    expect(parse({}).errors[0]).toContain('the entry-point attribute is required');
    expect(parse({ 'entry-point': 'a b' }).errors[0]).toContain(
      'attribute entry-point="a b" is invalid',
    );
    const bad = parse({ 'entry-point': 'x', 'backend-url': 'javascript:alert(1)' });
    expect(bad.config).toBeNull();
    expect(bad.errors[0]).toContain('backend-url');
  });

  it('falls back on bad optional attributes with a clear error for each', () => {
    const { config, errors } = parse({
      'entry-point': 'x',
      locale: 'english!',
      theme: 'purple',
      launcher: 'maybe',
      'display-name': ' ',
    });
    expect(config).toMatchObject({
      locale: 'en',
      theme: 'auto',
      launcher: true,
      displayName: undefined,
    });
    expect(errors).toHaveLength(4);
    expect(errors.join('\n')).toMatch(/locale="english!".*\n.*display-name|display-name/);
    expect(errors.join('\n')).toContain('theme="purple" is invalid: use light, dark or auto');
  });

  it('reads contact attributes as a JSON object of strings and refuses anything else', () => {
    expect(
      parse({ 'entry-point': 'x', 'contact-attributes': '{"product":"kettle","orderId":"42"}' })
        .config?.attributes,
    ).toEqual({ product: 'kettle', orderId: '42' });
    for (const bad of ['[1]', '{"product":1}', '{"bad key":"x"}', 'product=kettle']) {
      const { config, errors } = parse({ 'entry-point': 'x', 'contact-attributes': bad });
      expect(config?.attributes).toBeUndefined();
      expect(errors[0]).toContain('contact-attributes');
    }
  });

  it('writes options as attributes that parse back to the same settings (mount() and React use this)', () => {
    const options = {
      entryPoint: 'voice',
      backendUrl: 'https://api.test',
      displayName: 'Ana',
      locale: 'es',
      theme: 'dark' as const,
      launcher: false,
      customerToken: 't',
      attributes: { product: 'kettle' },
    };
    const attrs = elementAttributes(options);
    expect(attrs).toMatchObject({ launcher: 'off', 'contact-attributes': '{"product":"kettle"}' });
    expect(parse(attrs)).toEqual({ config: options, errors: [] });
    expect(elementAttributes({ entryPoint: 'x' })).toEqual({ 'entry-point': 'x' });
  });
});
