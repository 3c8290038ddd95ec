import { describe, expect, it } from 'vitest';
import { decodeJoinPayload, joinUrl, type JoinPayload } from './join-payload';

const payload: JoinPayload = {
  v: 1,
  contactId: 'c-1',
  displayName: 'Zoë 😀 Ünïcode',
  allowedCapabilities: { Customer: { Video: 'SEND' } },
  connectionData: {
    Attendee: { AttendeeId: 'a-1', JoinToken: 'tok+/=' },
    Meeting: {
      MeetingId: 'm-1',
      MediaRegion: 'us-east-1',
      MediaPlacement: { AudioHostUrl: 'wss://h/a', SignalingUrl: 'wss://h/control/m-1' },
    },
  },
};

describe('join payload', () => {
  it('round-trips through a URL fragment that stays URL-safe', () => {
    const url = joinUrl('http://localhost:8080/', payload);
    expect(url).toMatch(/^http:\/\/localhost:8080\/join\/#[A-Za-z0-9_-]+$/);
    expect(decodeJoinPayload(new URL(url).hash)).toEqual(payload);
  });

  it('explains a missing, damaged or invalid fragment', () => {
    expect(() => decodeJoinPayload('')).toThrow('This link has no call details');
    expect(() => decodeJoinPayload('#%%%')).toThrow('damaged');
    const noToken = {
      ...payload,
      connectionData: { ...payload.connectionData, Attendee: { AttendeeId: 'a-1' } },
    };
    const hash = new URL(joinUrl('http://x', noToken as unknown as JoinPayload)).hash;
    expect(() => decodeJoinPayload(hash)).toThrow(/not valid.*JoinToken/s);
  });
});
