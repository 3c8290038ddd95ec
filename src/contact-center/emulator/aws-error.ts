/**
 * Modelled AWS errors the emulator answers with: the error name goes into `x-amzn-ErrorType` (and
 * `__type`), the HTTP status is the one in the service model, the message says what is wrong.
 */

/**
 * An error answered as `{"Message", "__type"}` (plus modelled members such as `Code`) with its
 * modelled status.
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
    /** Extra modelled members of the error body (Chime SDK Meetings errors carry `Code`). */
    readonly members: Record<string, string> = {},
  ) {
    super(message);
    this.name = type;
  }
}

/** Connect (2017-08-08) errors. */
export const connectError = {
  invalidParameter: (m: string) => new AwsError('InvalidParameterException', 400, m),
  invalidRequest: (m: string) => new AwsError('InvalidRequestException', 400, m),
  notFound: (m: string) => new AwsError('ResourceNotFoundException', 404, m),
  contactNotFound: (m: string) => new AwsError('ContactNotFoundException', 410, m),
  conflict: (m: string) => new AwsError('ConflictException', 409, m),
  serviceQuotaExceeded: (m: string) => new AwsError('ServiceQuotaExceededException', 402, m),
  internal: (m: string) => new AwsError('InternalServiceException', 500, m),
};

/** Connect Participant Service (2018-09-07) errors. */
export const participantError = {
  validation: (m: string) => new AwsError('ValidationException', 400, m),
  accessDenied: (m: string) => new AwsError('AccessDeniedException', 403, m),
  internal: (m: string) => new AwsError('InternalServerException', 500, m),
};

/**
 * Chime SDK Meetings (2021-07-15) errors: status from the model, `Code` as Chime's error codes
 * (`BadRequest`, `NotFound`, `ResourceLimitExceeded`, …); the body also gets the `RequestId`.
 */
export const meetingsError = {
  badRequest: (m: string) => new AwsError('BadRequestException', 400, m, { Code: 'BadRequest' }),
  forbidden: (m: string) => new AwsError('ForbiddenException', 403, m, { Code: 'Forbidden' }),
  notFound: (m: string) => new AwsError('NotFoundException', 404, m, { Code: 'NotFound' }),
  conflict: (m: string) => new AwsError('ConflictException', 409, m, { Code: 'Conflict' }),
  limitExceeded: (m: string) =>
    new AwsError('LimitExceededException', 400, m, { Code: 'ResourceLimitExceeded' }),
  serviceFailure: (m: string) =>
    new AwsError('ServiceFailureException', 500, m, { Code: 'ServiceFailure' }),
};

/** Which service's error names a route answers with. */
export type ServiceFamily = 'connect' | 'participant' | 'meetings';

/** The service's "your request is malformed" and "we failed" errors. */
export const serviceErrors: Record<
  ServiceFamily,
  { invalid: (m: string) => AwsError; internal: (m: string) => AwsError }
> = {
  connect: { invalid: connectError.invalidRequest, internal: connectError.internal },
  participant: { invalid: participantError.validation, internal: participantError.internal },
  meetings: { invalid: meetingsError.badRequest, internal: meetingsError.serviceFailure },
};

/** Unknown method + path: answered in the same JSON shape so SDKs and browsers never see HTML. */
export const unknownOperation = (method: string, path: string) =>
  new AwsError('UnknownOperationException', 404, `No operation is defined for ${method} ${path}`);
