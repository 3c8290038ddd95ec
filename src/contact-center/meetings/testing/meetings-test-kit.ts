/**
 * Helpers of the Chime SDK Meetings API tests: a meeting or attendees made through the official
 * client, and a call that is expected to fail, returning the error as the SDK built it.
 */
import {
  BatchCreateAttendeeCommand,
  CreateMeetingCommand,
  type ChimeSDKMeetingsClient,
  type CreateMeetingCommandInput,
} from '@aws-sdk/client-chime-sdk-meetings';

/** The error fields the tests assert on. */
export interface SdkError extends Error {
  Code?: string;
  RequestId?: string;
  $fault: string;
  $metadata: { httpStatusCode?: number };
}

/** Sends a command expected to fail and returns its error (fails the test if it succeeds). */
export async function refusal(promise: Promise<unknown>): Promise<SdkError> {
  const outcome = await promise.then(
    () => undefined,
    (e: SdkError) => e,
  );
  if (!outcome) throw new Error('the call succeeded but was expected to fail');
  return outcome;
}

/**
 * Creates a meeting through the official client (us-east-1, external id "standup" unless `input`
 * says otherwise).
 */
export async function newMeeting(
  client: ChimeSDKMeetingsClient,
  input: Partial<CreateMeetingCommandInput> = {},
) {
  const { Meeting } = await client.send(
    new CreateMeetingCommand({ MediaRegion: 'us-east-1', ExternalMeetingId: 'standup', ...input }),
  );
  return Meeting!;
}

/** Adds `count` attendees named `user-<n>` in batches of 100. */
export async function fill(
  client: ChimeSDKMeetingsClient,
  meetingId: string,
  count: number,
  from = 0,
): Promise<void> {
  for (let i = from; i < from + count; i += 100) {
    const size = Math.min(100, from + count - i);
    await client.send(
      new BatchCreateAttendeeCommand({
        MeetingId: meetingId,
        Attendees: Array.from({ length: size }, (_, k) => ({ ExternalUserId: `user-${i + k}` })),
      }),
    );
  }
}
