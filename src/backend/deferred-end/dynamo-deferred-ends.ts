/**
 * Deferred ends in a DynamoDB table (the CDK deploy): partition key `contactId`, one item per away
 * customer, `expiresAt` (epoch seconds) as the table's TTL attribute so a record nobody took is
 * cleaned up. Shared by every Lambda; `takeDue` deletes each item with a condition, so exactly one
 * sweeper ends a contact.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { DeferredEnd, DeferredEnds } from './deferred-ends';

/** How long after its due time an untaken record is left for DynamoDB's TTL to remove. */
const KEEP_AFTER_DUE_S = 3600;

/** Deferred ends kept in `table` (created by the stack, see infra/deferred-end.ts). */
export function dynamoDeferredEnds(table: string, client = new DynamoDBClient({})): DeferredEnds {
  return {
    async put(e) {
      await client.send(
        new PutItemCommand({
          TableName: table,
          Item: {
            contactId: { S: e.contactId },
            instanceId: { S: e.instanceId },
            connectionToken: { S: e.connectionToken },
            dueAt: { N: String(e.dueAt) },
            expiresAt: { N: String(Math.ceil(e.dueAt / 1000) + KEEP_AFTER_DUE_S) },
          },
        }),
      );
    },
    async cancel(contactId) {
      const out = await client.send(
        new DeleteItemCommand({
          TableName: table,
          Key: { contactId: { S: contactId } },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return out.Attributes !== undefined;
    },
    async takeDue(now) {
      // Few items (only customers away right now), so a filtered scan is cheap.
      const due: DeferredEnd[] = [];
      let start: Record<string, never> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: table,
            FilterExpression: 'dueAt <= :now',
            ExpressionAttributeValues: { ':now': { N: String(now) } },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of page.Items ?? []) {
          const end: DeferredEnd = {
            contactId: item.contactId?.S ?? '',
            instanceId: item.instanceId?.S ?? '',
            connectionToken: item.connectionToken?.S ?? '',
            dueAt: Number(item.dueAt?.N ?? 0),
          };
          try {
            // Only the sweeper whose delete finds the same due time takes it (a customer back
            // meanwhile deleted it).
            await client.send(
              new DeleteItemCommand({
                TableName: table,
                Key: { contactId: { S: end.contactId } },
                ConditionExpression: 'dueAt = :due',
                ExpressionAttributeValues: { ':due': { N: String(end.dueAt) } },
              }),
            );
            due.push(end);
          } catch (err) {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }
        }
        start = page.LastEvaluatedKey as Record<string, never> | undefined;
      } while (start);
      return due;
    },
    close: () => client.destroy(),
  };
}
