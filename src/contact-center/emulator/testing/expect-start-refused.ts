/**
 * Test kit: the StartWebRTCContact refusal check shared by its contract tests — the modelled error,
 * and nothing left behind (no new contact, no new meeting).
 */
import {
  StartWebRTCContactCommand,
  type StartWebRTCContactCommandInput,
} from '@aws-sdk/client-connect';
import { expect } from 'vitest';
import { awsFailure } from './aws-failure';
import type { EmulatorHarness } from './emulator-harness';

/**
 * Sends StartWebRTCContact with `body` (sent as it is, valid or not) through the official client and
 * expects it refused with `name`, HTTP `status` and a message matching `message`, having created no
 * contact and no meeting.
 */
export async function expectStartRefused(
  h: EmulatorHarness,
  body: unknown,
  name: string,
  status: number,
  message: RegExp,
): Promise<void> {
  const meetings = h.media.meetings.size;
  const contacts = h.aws.contacts.listActive().length;
  const failure = await awsFailure(
    h.connect.send(new StartWebRTCContactCommand(body as StartWebRTCContactCommandInput)),
  );
  expect(failure).toMatchObject({ name, status, message: expect.stringMatching(message) });
  expect(h.media.meetings.size).toBe(meetings);
  expect(h.aws.contacts.listActive().length).toBe(contacts);
}
