import { describe, expect, it } from 'vitest';
import { parseFlowDocument } from './flow-document';
import { bye, exportedFlow, flowKit, runFlow, say } from './testing/flow-test-kit';
import { isWithinHours } from './hours-of-operation';

describe('flow endings and error branches', () => {
  it('an unknown action takes its error branch and is logged by name', async () => {
    const r = await runFlow(
      exportedFlow([
        {
          Identifier: 'x',
          Type: 'InvokeLambdaFunction',
          Parameters: { LambdaFunctionARN: 'arn:x' },
          Transitions: {
            NextAction: 'bye',
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }],
          },
        },
        say('err', 'lambda failed', 'bye'),
        bye,
      ]),
    );
    expect(r.said).toEqual(['lambda failed']);
    expect(r.warnings[0]?.obj).toMatchObject({ actionType: 'InvokeLambdaFunction' });
  });

  it('a failing action with no error branch ends the contact with a reason', async () => {
    const r = await runFlow(
      exportedFlow([{ Identifier: 't', Type: 'TransferContactToQueue', Transitions: {} }]),
    );
    expect(r.ending).toBe('ended');
    expect(r.contact?.state).toBe('ENDED');
    expect(r.contact?.disconnectReason).toBe('CONTACT_FLOW_DISCONNECT');
    expect(
      r.contact?.history.some((h) => h.detail?.includes('TransferContactToQueue failed')),
    ).toBe(true);
  });

  it('EndFlowExecution and a missing NextAction both end the contact', async () => {
    const ended = await runFlow(
      exportedFlow([say('a', 'one', 'end'), { Identifier: 'end', Type: 'EndFlowExecution' }]),
    );
    expect(ended.contact?.history.some((h) => h.detail === 'EndFlowExecution')).toBe(true);
    expect(ended.contact?.state).toBe('ENDED');
    const fell = await runFlow(exportedFlow([say('a', 'only')]));
    expect(fell.contact?.disconnectReason).toBe('CONTACT_FLOW_DISCONNECT');
  });

  it('an endless loop is stopped and the contact ended', async () => {
    const r = await runFlow(
      exportedFlow([
        {
          Identifier: 'a',
          Type: 'UpdateFlowAttributes',
          Parameters: { FlowAttributes: { x: '1' } },
          Transitions: { NextAction: 'a' },
        },
      ]),
    );
    expect(r.contact?.state).toBe('ENDED');
    expect(r.contact?.history.some((h) => h.detail?.includes('loop'))).toBe(true);
  });

  it('records recording behavior and event hooks on the contact; a bad hook takes its error branch', async () => {
    const r = await runFlow(
      exportedFlow([
        {
          Identifier: 'rec',
          Type: 'UpdateContactRecordingBehavior',
          Parameters: { RecordingBehavior: { RecordedParticipants: ['Agent'] } },
          Transitions: { NextAction: 'hook' },
        },
        {
          Identifier: 'hook',
          Type: 'UpdateContactEventHooks',
          Parameters: {
            EventHooks: { CustomerQueue: 'arn:aws:connect:us-east-1:0:instance/i/contact-flow/q' },
          },
          Transitions: {
            NextAction: 'bad',
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'bye' }],
          },
        },
        {
          Identifier: 'bad',
          Type: 'UpdateContactEventHooks',
          Parameters: { EventHooks: { NotAHook: 'x' } },
          Transitions: {
            NextAction: 'bye',
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }],
          },
        },
        say('err', 'bad hook', 'bye'),
        bye,
      ]),
    );
    expect(r.contact?.recordingBehavior).toMatchObject({
      RecordingBehavior: { RecordedParticipants: ['Agent'] },
    });
    expect(r.contact?.eventHooks).toEqual({
      CustomerQueue: 'arn:aws:connect:us-east-1:0:instance/i/contact-flow/q',
    });
    expect(r.said).toEqual(['bad hook']);
  });

  it('PromptId prompts have no local prompt library and take the error branch', async () => {
    const r = await runFlow(
      exportedFlow([
        {
          Identifier: 'p',
          Type: 'MessageParticipant',
          Parameters: { PromptId: 'arn:prompt' },
          Transitions: {
            NextAction: 'bye',
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }],
          },
        },
        say('err', 'no prompt', 'bye'),
        bye,
      ]),
    );
    expect(r.said).toEqual(['no prompt']);
  });

  it('GetParticipantInput times out to InputTimeLimitExceeded', async () => {
    const r = await runFlow(
      exportedFlow([
        {
          Identifier: 'in',
          Type: 'GetParticipantInput',
          Parameters: { Text: 'Press a key', StoreInput: 'False', InputTimeLimitSeconds: '1' },
          Transitions: {
            Conditions: [{ NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['1'] } }],
            Errors: [
              { ErrorType: 'InputTimeLimitExceeded', NextAction: 'late' },
              { ErrorType: 'NoMatchingCondition', NextAction: 'bye' },
              { ErrorType: 'NoMatchingError', NextAction: 'bye' },
            ],
          },
        },
        say('late', 'too late', 'bye'),
        bye,
      ]),
    );
    expect(r.said).toEqual(['Press a key', 'too late']);
  });

  it('GetParticipantInput with StoreInput stores digits up to the terminator in $.StoredCustomerInput', async () => {
    const r = await runFlow(
      exportedFlow([
        {
          Identifier: 'in',
          Type: 'GetParticipantInput',
          Parameters: {
            Text: 'Enter your order number, then hash',
            StoreInput: 'True',
            InputTimeLimitSeconds: '5',
            InputValidation: { CustomValidation: { MaximumLength: '10' } },
            DTMFConfiguration: { InputTerminationSequence: '#' },
          },
          Transitions: {
            NextAction: 'keep',
            Errors: [
              { ErrorType: 'InputTimeLimitExceeded', NextAction: 'bye' },
              { ErrorType: 'NoMatchingError', NextAction: 'bye' },
            ],
          },
        },
        {
          Identifier: 'keep',
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: { orderId: '$.StoredCustomerInput' } },
          Transitions: { NextAction: 'bye' },
        },
        bye,
      ]),
      {
        during: async (kit, id) => {
          await kit.press(id, '12');
          kit.runner.deliverDtmf(id, '34#');
        },
      },
    );
    expect(r.contact?.attributes.orderId).toBe('1234');
  });

  it('TransferToFlow continues in the other flow with contact attributes', async () => {
    const kit = flowKit({
      flow: exportedFlow([
        {
          Identifier: 'go',
          Type: 'TransferToFlow',
          Parameters: { ContactFlowId: 'd501a97f-adeb-401a-a3f8-e8455e83aa7d' },
          Transitions: { NextAction: 'bye' },
        },
        bye,
      ]),
    });
    const c = kit.contacts.create({ contactFlowId: 'flow-1' });
    const done = kit.runner.run(c.id);
    await kit.press(c.id, '2');
    expect(await done).toBe('queued');
  });

  it('rejects malformed flow documents with a clear message', () => {
    expect(() =>
      parseFlowDocument({ Version: '2020-01-01', StartAction: 'a', Actions: [] }),
    ).toThrow(/Version/);
    expect(() => parseFlowDocument(exportedFlow([say('a', 'x', 'missing')]))).toThrow(
      /unknown action "missing"/,
    );
  });

  it("the kit refuses a flow the server would refuse, with the config loader's error", () => {
    expect(() =>
      flowKit({ flow: { Version: '2020-01-01', StartAction: 'a', Actions: [] } }),
    ).toThrow(
      /Invalid local contact-center config in .*test-flow\.json:\n {2}\(flows\.0 "Test flow"\) Version: flow Version must be "2019-10-30"/,
    );
    expect(() =>
      flowKit({ flow: { ...(exportedFlow([bye]) as object), StartAction: 'nowhere' } }),
    ).toThrow(
      /Invalid flow in .*test-flow\.json: StartAction "nowhere" is not the Identifier of any action/,
    );
    expect(() =>
      flowKit({
        flow: exportedFlow(
          Array.from({ length: 251 }, (_, i) => ({
            Identifier: `a${i}`,
            Type: 'DisconnectParticipant',
          })),
        ),
      }),
    ).toThrow(/\(flows\.0 "Test flow"\) Actions/);
  });

  it('hours: 24:00 ends, overnight ranges and time zones', () => {
    const night = {
      id: 'n',
      name: 'Night',
      timeZone: 'Europe/Paris',
      config: [{ day: 'MONDAY', start: '22:00', end: '06:00' }],
    };
    expect(isWithinHours(night, new Date('2026-11-23T22:30:00Z'))).toBe(true); // Mon 23:30 Paris
    expect(isWithinHours(night, new Date('2026-11-24T04:00:00Z'))).toBe(true); // Tue 05:00 Paris
    expect(isWithinHours(night, new Date('2026-11-24T06:00:00Z'))).toBe(false); // Tue 07:00 Paris
    const allDay = {
      id: 'a',
      name: 'All',
      timeZone: 'UTC',
      config: [{ day: 'SUNDAY', start: '00:00', end: '24:00' }],
    };
    expect(isWithinHours(allDay, new Date('2026-11-22T23:59:00Z'))).toBe(true);
  });
});
