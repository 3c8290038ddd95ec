import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './server-config';

describe('loadServerConfig', () => {
  it('defaults to the local contact center on localhost:8080', () => {
    const c = loadServerConfig({});
    expect(c).toMatchObject({
      CONNECT_MODE: 'local',
      PORT: 8080,
      publicUrl: 'http://localhost:8080',
      LOCAL_CONFIG_DIR: 'config/local',
    });
  });

  it('parses lists, booleans and numbers', () => {
    const c = loadServerConfig({
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: 'yes',
      PORT: '9000',
      CONNECT_MODE: 'aws',
    });
    expect(c.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(c.TRUST_PROXY).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:9000');
    expect(c.CONNECT_MODE).toBe('aws');
  });

  it('names every bad variable at once', () => {
    expect(() =>
      loadServerConfig({ PORT: 'eighty', CONNECT_MODE: 'cloud', SESSION_SECRET: 'short' }),
    ).toThrow(/PORT[\s\S]*CONNECT_MODE|CONNECT_MODE[\s\S]*PORT/);
    expect(() => loadServerConfig({ SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
  });

  it('takes typed values with the same names and the same checks', () => {
    const c = loadServerConfig({
      PORT: 0,
      ALLOWED_ORIGINS: ['https://a.example'],
      TRUST_PROXY: true,
      LOCAL_SPEECH: false,
    });
    expect(c).toMatchObject({
      PORT: 0,
      ALLOWED_ORIGINS: ['https://a.example'],
      TRUST_PROXY: true,
      LOCAL_SPEECH: false,
    });
    expect(loadServerConfig(c)).toEqual(c);
    expect(() => loadServerConfig({ RATE_LIMIT_PER_MINUTE: 0 })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });

  it('keeps an explicit public URL without a trailing slash', () => {
    expect(loadServerConfig({ PUBLIC_URL: 'https://calls.example.com/' }).publicUrl).toBe(
      'https://calls.example.com',
    );
  });

  it('trusts the host names of PUBLIC_URL, HOST, MEDIA_ICE_ADDRESS and loopback', () => {
    const c = loadServerConfig({
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://calls.example.com',
      MEDIA_ICE_ADDRESS: '192.168.1.20',
    });
    expect(c.trustedHosts.sort()).toEqual([
      '127.0.0.1',
      '192.168.1.20',
      '::1',
      'calls.example.com',
      'localhost',
    ]);
  });

  it('takes local emulator credentials only as a pair, and the timeouts', () => {
    expect(() => loadServerConfig({ LOCAL_AWS_ACCESS_KEY_ID: 'AKID' })).toThrow(
      /LOCAL_AWS_SECRET_ACCESS_KEY: set LOCAL_AWS_ACCESS_KEY_ID and LOCAL_AWS_SECRET_ACCESS_KEY together/,
    );
    const c = loadServerConfig({
      LOCAL_AWS_ACCESS_KEY_ID: 'AKID',
      LOCAL_AWS_SECRET_ACCESS_KEY: 's',
      REQUEST_TIMEOUT_MS: '5000',
    });
    expect(c).toMatchObject({
      LOCAL_AWS_ACCESS_KEY_ID: 'AKID',
      LOCAL_AWS_RATE_LIMIT_PER_MINUTE: 600,
      HEADERS_TIMEOUT_MS: 10_000,
      REQUEST_TIMEOUT_MS: 5000,
    });
  });
});
