/**
 * The flow interpreter: runs a contact's exported flow action by action, following Connect's
 * transition rules, until the contact is queued, disconnected or the flow ends (which ends the
 * contact with a reason), so no contact is ever left stuck in a flow.
 */
import { errorBranch, matchCondition } from './flow-conditions';
import { parseFlowDocument, type FlowDocument } from './flow-document';
import type { ActionOutcome, FlowExecution, FlowServices } from './flow-execution';
import { HANDLERS } from './action-handlers';

const FLOW_DISCONNECT = 'CONTACT_FLOW_DISCONNECT';

/** How a flow execution finished. */
export type FlowEnding = 'queued' | 'disconnected' | 'ended' | 'aborted';

/** Runs a contact's flow, block by block, and resumes runs after a restart. */
export class FlowRunner {
  private readonly running = new Map<string, AbortController>();
  private readonly documents = new Map<string, FlowDocument>();

  constructor(
    private readonly services: FlowServices,
    private readonly maxSteps = 500,
  ) {}

  /** Digits from SendMessage `audio/dtmf`; false when no GetParticipantInput was waiting. */
  deliverDtmf(contactId: string, digits: string): boolean {
    return this.services.dtmf.deliver(contactId, digits);
  }

  /** Stops the contact's flow (the contact ended elsewhere). */
  stop(contactId: string): void {
    this.running.get(contactId)?.abort();
  }

  stopAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  private document(flowId: string): FlowDocument {
    let doc = this.documents.get(flowId);
    if (!doc) {
      const flow = this.services.directory.flow(flowId);
      if (!flow) throw new Error(`flow "${flowId}" does not exist`);
      doc = parseFlowDocument(flow.content, flow.name);
      this.documents.set(flowId, doc);
    }
    return doc;
  }

  /** Runs the contact's flow from its start action. */
  async run(contactId: string): Promise<FlowEnding> {
    const { contacts, directory, logger } = this.services;
    const record = contacts.get(contactId);
    if (!record || record.state === 'ENDED' || this.running.has(contactId)) return 'aborted';
    const controller = new AbortController();
    this.running.set(contactId, controller);
    const setup = directory.setup;
    const run: FlowExecution = {
      contactId,
      flowAttributes: {},
      external: {},
      loops: new Map(),
      signal: controller.signal,
      scope: () => {
        const queue = run.targetQueue && directory.queue(run.targetQueue.queueId);
        return {
          contact: contacts.get(contactId) ?? record,
          flowAttributes: run.flowAttributes,
          external: run.external,
          storedCustomerInput: run.storedCustomerInput,
          region: setup.instance.region,
          instanceArn: `arn:aws:connect:${setup.instance.region}:000000000000:instance/${setup.instance.id}`,
          queue: queue
            ? { id: queue.id, name: queue.name, arn: directory.queueArn(queue.id) }
            : undefined,
        };
      },
    };
    const finish = (detail: string): FlowEnding => {
      if (contacts.get(contactId)?.state === 'ENDED') return 'ended';
      contacts.transition(contactId, { kind: 'noted', detail });
      contacts.end(contactId, FLOW_DISCONNECT);
      return 'ended';
    };
    try {
      let doc = this.document(record.contactFlowId);
      contacts.transition(contactId, {
        kind: 'flow-started',
        detail: `flow ${directory.flow(record.contactFlowId)?.name ?? record.contactFlowId}`,
      });
      let current: string | undefined = doc.startAction;
      for (let step = 0; current !== undefined; step++) {
        if (step >= this.maxSteps)
          return finish(`flow stopped after ${this.maxSteps} actions (loop?)`);
        const action = doc.actions.get(current);
        if (!action) return finish(`flow jumped to unknown action "${current}"`);
        this.services.observer?.actionStarted(contactId, action, run.scope());
        const handler = HANDLERS.get(action.Type);
        let outcome: ActionOutcome;
        if (!handler) {
          logger.warn(
            { contactId, actionType: action.Type, action: action.Identifier },
            `Flow action ${action.Type} is not supported locally; taking its error branch`,
          );
          outcome = {
            kind: 'error',
            errorType: 'NoMatchingError',
            reason: `unsupported action ${action.Type}`,
          };
        } else {
          try {
            outcome = await handler(action, run, this.services);
          } catch (error) {
            outcome = {
              kind: 'error',
              errorType: 'NoMatchingError',
              reason: (error as Error).message,
            };
          }
        }
        if (controller.signal.aborted || contacts.get(contactId)?.state === 'ENDED') return 'ended';
        const t = action.Transitions;
        switch (outcome.kind) {
          case 'next':
            current = t.NextAction;
            break;
          case 'result':
            current = t.Conditions?.length
              ? (matchCondition(t, outcome.value, run.scope()) ??
                t.Errors?.find((e) => e.ErrorType === 'NoMatchingCondition')?.NextAction ??
                t.NextAction)
              : t.NextAction;
            break;
          case 'error':
            logger.info(
              {
                contactId,
                actionType: action.Type,
                action: action.Identifier,
                errorType: outcome.errorType,
                reason: outcome.reason,
              },
              'Flow action took its error branch',
            );
            current = errorBranch(t, outcome.errorType);
            if (current === undefined)
              return finish(`${action.Type} failed (${outcome.errorType}) with no error branch`);
            break;
          case 'jump':
            doc = this.document(outcome.flowId);
            run.flowAttributes = {};
            current = doc.startAction;
            break;
          case 'stop':
            if (outcome.ending === 'queued') return 'queued';
            if (outcome.ending === 'disconnected') {
              finish('DisconnectParticipant');
              return 'disconnected';
            }
            return finish('EndFlowExecution');
        }
      }
      return finish('flow ended without a queue transfer');
    } catch (error) {
      logger.warn({ contactId, err: (error as Error).message }, 'Flow could not run');
      return finish(`flow could not run: ${(error as Error).message}`);
    } finally {
      // Connect clears the touchtone buffer on a transfer to a queue and when the contact ends.
      this.services.dtmf.stopBuffering(contactId);
      this.running.delete(contactId);
    }
  }
}
