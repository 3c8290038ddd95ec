/**
 * Modelled AWS errors the emulator answers with: the error name goes into `x-amzn-ErrorType` (and
 * `__type`), the HTTP status is the one in the service model, the message says what is wrong.
 */

/** An error answered as `{"Message", "__type"}` with its modelled status. */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
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
  internal: (m: string) => new AwsError('InternalServiceException', 500, m),
};

/** Connect Participant Service (2018-09-07) errors. */
export const participantError = {
  validation: (m: string) => new AwsError('ValidationException', 400, m),
  accessDenied: (m: string) => new AwsError('AccessDeniedException', 403, m),
  internal: (m: string) => new AwsError('InternalServerException', 500, m),
};

/** Unknown method + path: answered in the same JSON shape so SDKs and browsers never see HTML. */
export const unknownOperation = (method: string, path: string) =>
  new AwsError('UnknownOperationException', 404, `No operation is defined for ${method} ${path}`);
