import { describe, expect, it } from 'vitest';
import { readServerConfig } from './server-config';

describe('readServerConfig', () => {
  it('defaults to the local contact center on localhost:8080', () => {
    const c = readServerConfig({});
    expect(c).toMatchObject({ CONNECT_MODE: 'local', PORT: 8080, publicUrl: 'http://localhost:8080', LOCAL_CONFIG_DIR: 'config/local' });
  });

  it('parses lists, booleans and numbers', () => {
    const c = readServerConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example', TRUST_PROXY: 'yes', PORT: '9000', CONNECT_MODE: 'aws' });
    expect(c.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(c.TRUST_PROXY).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:9000');
    expect(c.CONNECT_MODE).toBe('aws');
  });

  it('names every bad variable at once', () => {
    expect(() => readServerConfig({ PORT: 'eighty', CONNECT_MODE: 'cloud', SESSION_SECRET: 'short' })).toThrow(/PORT[\s\S]*CONNECT_MODE|CONNECT_MODE[\s\S]*PORT/);
    expect(() => readServerConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32 characters/);
  });

  it('keeps an explicit public URL without a trailing slash', () => {
    expect(readServerConfig({ PUBLIC_URL: 'https://calls.example.com/' }).publicUrl).toBe('https://calls.example.com');
  });
});
