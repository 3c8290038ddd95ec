/**
 * Discovery operations, so any client can find the local ids: ListInstances, ListContactFlows and
 * DescribeContactFlow (the flow JSON as a string, as Connect returns it).
 */
import { connectError } from './aws-error';
import { epochSeconds, instanceArn, type Operation } from './emulator-context';
import { requireInstance } from './start-webrtc-contact';

/** ListInstances: the one local instance. */
export const listInstances: Operation = (deps) => ({
  InstanceSummaryList: [
    {
      Id: deps.config.instance.id,
      Arn: instanceArn(deps.config),
      IdentityManagementType: 'CONNECT_MANAGED',
      InstanceAlias: deps.config.instance.alias,
      CreatedTime: epochSeconds(deps.now()),
      InstanceStatus: 'ACTIVE',
      InboundCallsEnabled: true,
      OutboundCallsEnabled: false,
      InstanceAccessUrl: `https://${deps.config.instance.alias}.my.connect.aws`,
    },
  ],
});

const flowArn = (deps: Parameters<Operation>[0], id: string) =>
  `${instanceArn(deps.config)}/contact-flow/${id}`;

/** ListContactFlows. */
export const listContactFlows: Operation = (deps, req) => {
  requireInstance(deps, req.labels.InstanceId ?? '');
  const types = req.query.getAll('contactFlowTypes');
  return {
    ContactFlowSummaryList: deps.config.flows
      .filter((f) => types.length === 0 || types.includes(f.type))
      .map((f) => ({
        Id: f.id,
        Arn: flowArn(deps, f.id),
        Name: f.name,
        ContactFlowType: f.type,
        ContactFlowState: 'ACTIVE',
        ContactFlowStatus: 'PUBLISHED',
      })),
  };
};

/** DescribeContactFlow. */
export const describeContactFlow: Operation = (deps, req) => {
  requireInstance(deps, req.labels.InstanceId ?? '');
  const flow = deps.config.flows.find((f) => f.id === req.labels.ContactFlowId);
  if (!flow)
    throw connectError.notFound(`Contact flow ${req.labels.ContactFlowId ?? ''} does not exist`);
  return {
    ContactFlow: {
      Arn: flowArn(deps, flow.id),
      Id: flow.id,
      Name: flow.name,
      Type: flow.type,
      State: 'ACTIVE',
      Status: 'PUBLISHED',
      Description: flow.description,
      Content: JSON.stringify(flow.content),
    },
  };
};
