/**
 * An error the agent desk API answers with: the Connect error name and a message saying what is
 * wrong. Raised before anything changes, so a refused request leaves contacts and agents as they
 * were.
 */
export class DeskError extends Error {
  constructor(
    override readonly name:
      | 'ResourceNotFoundException'
      | 'InvalidRequestException'
      | 'ResourceConflictException'
      | 'ServiceQuotaExceededException',
    message: string,
  ) {
    super(message);
  }

  get statusCode(): number {
    return this.name === 'ResourceNotFoundException'
      ? 404
      : this.name === 'ResourceConflictException'
        ? 409
        : this.name === 'ServiceQuotaExceededException'
          ? 402
          : 400;
  }
}
