import { describe, expect, it } from 'vitest';
import { bye, exportedFlow, runFlow, say } from './testing/flow-test-kit';

const SUPPORT = 'e6ae982a-8d10-457c-b048-628cc7125a3c';
const BUSINESS_HOURS = '9ba63cc3-d315-4225-98b5-7e9e556cd764';

describe('flow actions', () => {
  it('Compare reads $.Attributes and $.SegmentAttributes and falls to NoMatchingCondition', async () => {
    const compareTo = (path: string) =>
      exportedFlow([
        {
          Identifier: 'cmp',
          Type: 'Compare',
          Parameters: { ComparisonValue: path },
          Transitions: {
            NextAction: 'other',
            Conditions: [
              { NextAction: 'vip', Condition: { Operator: 'Equals', Operands: ['gold'] } },
              {
                NextAction: 'webrtc',
                Condition: { Operator: 'TextStartsWith', Operands: ['connect:'] },
              },
            ],
            Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: 'nomatch' }],
          },
        },
        say('vip', 'vip', 'bye'),
        say('webrtc', 'webrtc', 'bye'),
        say('other', 'other', 'bye'),
        say('nomatch', 'nomatch', 'bye'),
        bye,
      ]);
    expect(
      (await runFlow(compareTo('$.Attributes.tier'), {}, { attributes: { tier: 'gold' } })).said,
    ).toEqual(['vip']);
    expect((await runFlow(compareTo("$.SegmentAttributes['connect:Subtype']"))).said).toEqual([
      'webrtc',
    ]);
    expect(
      (await runFlow(compareTo('$.Attributes.tier'), {}, { attributes: { tier: 'silver' } })).said,
    ).toEqual(['nomatch']);
    expect((await runFlow(compareTo('$.Attributes.missing'))).said).toEqual(['nomatch']);
  });

  it('number operators compare numerically', async () => {
    const flow = exportedFlow([
      {
        Identifier: 'cmp',
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Attributes.n' },
        Transitions: {
          Conditions: [
            { NextAction: 'big', Condition: { Operator: 'NumberGreaterThan', Operands: ['9'] } },
          ],
          Errors: [{ ErrorType: 'NoMatchingCondition', NextAction: 'small' }],
        },
      },
      say('big', 'big', 'bye'),
      say('small', 'small', 'bye'),
      bye,
    ]);
    expect((await runFlow(flow, {}, { attributes: { n: '10' } })).said).toEqual(['big']);
    expect((await runFlow(flow, {}, { attributes: { n: '9' } })).said).toEqual(['small']);
    expect((await runFlow(flow, {}, { attributes: { n: 'ten' } })).said).toEqual(['small']);
  });

  it('UpdateContactAttributes interpolates references, and fails to its branch for a missing related contact', async () => {
    const flow = exportedFlow([
      {
        Identifier: 'set',
        Type: 'UpdateContactAttributes',
        Parameters: {
          Attributes: { greeting: 'Hi $.Name from $.Attributes.city' },
          TargetContact: 'Current',
        },
        Transitions: {
          NextAction: 'rel',
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'bye' }],
        },
      },
      {
        Identifier: 'rel',
        Type: 'UpdateContactAttributes',
        Parameters: { Attributes: { x: '1' }, TargetContact: 'Related' },
        Transitions: {
          NextAction: 'bye',
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }],
        },
      },
      say('err', 'no related contact', 'bye'),
      bye,
    ]);
    const r = await runFlow(flow, {}, { name: 'Ana', attributes: { city: 'Lisbon' } });
    expect(r.contact?.attributes.greeting).toBe('Hi Ana from Lisbon');
    expect(r.said).toEqual(['no related contact']);
  });

  it('CheckHoursOfOperation answers True/False in the hours time zone and errors on unknown hours', async () => {
    const flow = (hours: string) =>
      exportedFlow([
        {
          Identifier: 'h',
          Type: 'CheckHoursOfOperation',
          Parameters: { HoursOfOperationId: hours },
          Transitions: {
            Conditions: [
              { NextAction: 'open', Condition: { Operator: 'Equals', Operands: ['True'] } },
              { NextAction: 'closed', Condition: { Operator: 'Equals', Operands: ['False'] } },
            ],
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }],
          },
        },
        say('open', 'open', 'bye'),
        say('closed', 'closed', 'bye'),
        say('err', 'err', 'bye'),
        bye,
      ]);
    expect(
      (await runFlow(flow(BUSINESS_HOURS), { now: new Date('2026-11-23T15:00:00Z') })).said,
    ).toEqual(['open']); // Mon 10:00 NY
    expect(
      (await runFlow(flow(BUSINESS_HOURS), { now: new Date('2026-11-23T23:30:00Z') })).said,
    ).toEqual(['closed']); // Mon 18:30 NY
    expect(
      (
        await runFlow(
          flow(
            `arn:aws:connect:us-east-1:000000000000:instance/i/operating-hours/${BUSINESS_HOURS}`,
          ),
          { now: new Date('2026-11-22T15:00:00Z') },
        )
      ).said,
    ).toEqual(['closed']); // Sunday
    expect((await runFlow(flow('no-such-hours'))).said).toEqual(['err']);
  });

  it('UpdateContactTargetQueue takes ids, ARNs and references; unknown queues take the error branch', async () => {
    const flow = (queue: string) =>
      exportedFlow([
        {
          Identifier: 'q',
          Type: 'UpdateContactTargetQueue',
          Parameters: { QueueId: queue },
          Transitions: {
            NextAction: 't',
            Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }],
          },
        },
        {
          Identifier: 't',
          Type: 'TransferContactToQueue',
          Transitions: {
            NextAction: 'err',
            Errors: [
              { ErrorType: 'QueueAtCapacity', NextAction: 'full' },
              { ErrorType: 'NoMatchingError', NextAction: 'err' },
            ],
          },
        },
        say('err', 'err', 'bye'),
        say('full', 'full', 'bye'),
        bye,
      ]);
    const byRef = await runFlow(flow('$.Attributes.queue'), {}, { attributes: { queue: SUPPORT } });
    expect(byRef.ending).toBe('queued');
    expect(byRef.queued[0]?.queueId).toBe(SUPPORT);
    expect((await runFlow(flow('nope'))).said).toEqual(['err']);
    expect((await runFlow(flow(SUPPORT), { capacity: false })).said).toEqual(['full']);
  });

  it('UpdateContactTargetQueue with AgentId targets that agent', async () => {
    const flow = exportedFlow([
      {
        Identifier: 'q',
        Type: 'UpdateContactTargetQueue',
        Parameters: { AgentId: '0336b503-1430-41e8-9e50-f660e2ad5be0' },
        Transitions: { NextAction: 't' },
      },
      { Identifier: 't', Type: 'TransferContactToQueue', Transitions: { NextAction: 'bye' } },
      bye,
    ]);
    expect((await runFlow(flow)).queued[0]).toMatchObject({
      agentId: '0336b503-1430-41e8-9e50-f660e2ad5be0',
    });
  });

  it('TransferContactToQueue without a working queue takes NoMatchingError', async () => {
    const flow = exportedFlow([
      {
        Identifier: 't',
        Type: 'TransferContactToQueue',
        Transitions: {
          NextAction: 'bye',
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'err' }],
        },
      },
      say('err', 'no queue', 'bye'),
      bye,
    ]);
    expect((await runFlow(flow)).said).toEqual(['no queue']);
  });
});
