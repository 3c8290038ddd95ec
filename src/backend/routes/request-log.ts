/**
 * Request loggers for the backend: every record of a request about one contact (`/api/calls/<id>…`)
 * carries that contact's id, from Fastify's own "incoming request" on, so an operator can follow
 * one call through the logs. The id comes from the path, never from a token.
 */
import type { FastifyServerOptions } from 'fastify';

/**
 * `/api/calls/<contactId>` and below; Connect's contact ids are UUIDs, anything odd is not logged.
 */
const CONTACT_PATH = /^\/api\/calls\/([A-Za-z0-9-]{1,64})(?:[/?]|$)/;

/** The contact a request URL is about, if any. */
export function contactIdOfUrl(url: string | undefined): string | undefined {
  return CONTACT_PATH.exec(url ?? '')?.[1];
}

/**
 * Fastify's childLoggerFactory: the usual request child, plus `contactId` when the path names one.
 */
export const contactRequestLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
  rawRequest,
) => {
  const child = logger.child(bindings, options);
  const contactId = contactIdOfUrl(rawRequest.url);
  return contactId ? child.child({ contactId }) : child;
};
