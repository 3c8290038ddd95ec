/**
 * Test kit: what an official AWS SDK client's refusal says, so a contract test can compare it whole.
 */

/** An SDK call's refusal: its error name, HTTP status and message. */
export interface AwsFailure {
  name: string;
  status: number;
  message: string;
}

/** Resolves with the refusal of `call`, or undefined if it succeeded. */
export const awsFailure = (call: Promise<unknown>): Promise<AwsFailure | undefined> =>
  call.then(
    () => undefined,
    (e: Error & { $metadata: { httpStatusCode: number } }) => ({
      name: e.name,
      status: e.$metadata.httpStatusCode,
      message: e.message,
    }),
  );
