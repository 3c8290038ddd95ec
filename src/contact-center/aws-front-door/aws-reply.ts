/**
 * Answers of the /aws front door in AWS's own JSON error shape (what the SDKs and the AWS CLI
 * parse): `x-amzn-ErrorType` and `x-amzn-RequestId` headers, `{"__type", "message"}` body.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** Ends the request with an AWS-shaped error; nothing behind the front door runs. */
export function refuse(
  reply: FastifyReply,
  status: number,
  type: string,
  message: string,
): FastifyReply {
  return reply
    .code(status)
    .header('x-amzn-RequestId', randomUUID())
    .header('x-amzn-ErrorType', type)
    .header('content-type', 'application/json')
    .send(JSON.stringify({ __type: type, message }));
}
