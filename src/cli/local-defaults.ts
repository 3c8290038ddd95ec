/**
 * Instance and flow defaults for the local stack, discovered through the emulator's own Connect
 * API (ListInstances, ListContactFlows) so the CLI needs no file access to the server's config.
 * The first instance and its first flow of type CONTACT_FLOW are used (the emulator lists the
 * configured default flow first).
 */
import {
  ListContactFlowsCommand,
  ListInstancesCommand,
  type ConnectClient,
} from '@aws-sdk/client-connect';
import { ConfigError } from './cli-errors';
import type { DebugLog } from './debug-log';

/** Fills InstanceId and ContactFlowId when they are missing. */
export async function fillLocalDefaults(
  client: ConnectClient,
  params: Record<string, unknown>,
  log: DebugLog,
): Promise<void> {
  if (params.InstanceId === undefined) {
    const out = await client.send(new ListInstancesCommand({ MaxResults: 10 }));
    const id = out.InstanceSummaryList?.[0]?.Id;
    if (!id)
      throw new ConfigError('The local stack has no Amazon Connect instance; pass --instance-id.');
    log(`No --instance-id given: using the local stack's instance ${id}`);
    params.InstanceId = id;
  }
  if (params.ContactFlowId === undefined) {
    const out = await client.send(
      new ListContactFlowsCommand({
        InstanceId: String(params.InstanceId),
        ContactFlowTypes: ['CONTACT_FLOW'],
        MaxResults: 100,
      }),
    );
    const id = out.ContactFlowSummaryList?.find(
      (f) => !f.ContactFlowType || f.ContactFlowType === 'CONTACT_FLOW',
    )?.Id;
    if (!id)
      throw new ConfigError(
        `Instance ${String(params.InstanceId)} has no contact flow; pass --contact-flow-id.`,
      );
    log(`No --contact-flow-id given: using the local stack's flow ${id}`);
    params.ContactFlowId = id;
  }
}
