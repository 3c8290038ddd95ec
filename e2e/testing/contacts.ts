/**
 * The local contact center's Connect API as the browser tests read it: through the official client
 * against the stack's `/aws` endpoint, the way a site's own back office would.
 */
import {
  ConnectClient,
  DescribeContactCommand,
  StopContactCommand,
  type Contact,
} from '@aws-sdk/client-connect';
import { base } from './widget-support';

/** The sample instance every spec's entry points belong to. */
export const INSTANCE_ID = '2639718f-95c5-4bc8-9a3a-1540ddcb76c9';

/** Runs one call with a fresh client (destroyed after, so no socket outlives the test). */
async function withConnect<T>(run: (connect: ConnectClient) => Promise<T>): Promise<T> {
  const connect = new ConnectClient({
    region: 'us-east-1',
    endpoint: `${base()}/aws`,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  try {
    return await run(connect);
  } finally {
    connect.destroy();
  }
}

/** The contact as Connect's DescribeContact returns it. */
export function describeContact(contactId: string): Promise<Contact> {
  return withConnect(async (connect) => {
    const out = await connect.send(
      new DescribeContactCommand({ InstanceId: INSTANCE_ID, ContactId: contactId }),
    );
    return out.Contact!;
  });
}

/** Ends a contact left active at Connect (the agent would end it at the desk). */
export async function stopContact(contactId: string): Promise<void> {
  await withConnect((connect) =>
    connect.send(new StopContactCommand({ InstanceId: INSTANCE_ID, ContactId: contactId })),
  );
}
