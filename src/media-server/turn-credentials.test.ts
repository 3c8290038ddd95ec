import { describe, expect, it } from 'vitest';
import { turnCredentials, TURN_TTL_SECONDS } from './turn-credentials';

describe('turnCredentials', () => {
  it('gives TURN REST API credentials for a configured service (the password checked against openssl)', () => {
    const c = turnCredentials(
      { host: '192.0.2.7', port: 3478, secret: 's3cret-for-tests' },
      'att-1',
      1_700_000_000_000,
    );
    expect(c).toEqual({
      username: '1700086400:att-1',
      // printf '%s' '1700086400:att-1' | openssl dgst -sha1 -hmac 's3cret-for-tests' -binary | base64
      password: '0ELPp8oR9TUY1dwPEEfb00aot1M=',
      ttl: TURN_TTL_SECONDS,
      uris: ['turn:192.0.2.7:3478?transport=udp', 'turn:192.0.2.7:3478?transport=tcp'],
    });
  });

  it('without a service gives credentials with no URIs (the SDK then keeps host-candidate ICE)', () => {
    const c = turnCredentials(undefined, 'att-1');
    expect(c.uris).toEqual([]);
    expect(c.username).not.toBe('');
    expect(c.password).not.toBe(turnCredentials(undefined, 'att-1').password);
  });
});
