/**
 * Contract: StopContact, DescribeContact (queue, agent, capabilities, timestamps, disconnect
 * reason), Get/UpdateContactAttributes, CreateParticipant, ListInstances and ListContactFlows
 * through the official Connect client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateParticipantCommand,
  DescribeContactCommand,
  DescribeContactFlowCommand,
  GetContactAttributesCommand,
  ListContactFlowsCommand,
  ListInstancesCommand,
  StartWebRTCContactCommand,
  StopContactCommand,
  UpdateContactAttributesCommand,
} from '@aws-sdk/client-connect';
import {
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
} from '@aws-sdk/client-connectparticipant';
import { walkTo } from '../contacts/testing/contact-journey';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';
import { awsFailure } from './testing/aws-failure';

let h: EmulatorHarness;
beforeAll(async () => {
  h = await startEmulatorHarness();
});
afterAll(async () => h.close());

const inst = () => h.config.instance.id;
const start = (attrs: Record<string, string> = {}) =>
  h.connect.send(
    new StartWebRTCContactCommand({
      InstanceId: inst(),
      ContactFlowId: h.config.defaultFlowId,
      ParticipantDetails: { DisplayName: 'Lin' },
      Attributes: attrs,
      AllowedCapabilities: {
        Customer: { Video: 'SEND' },
        Agent: { Video: 'SEND', ScreenShare: 'SEND' },
      },
    }),
  );
/** Puts the first agent on the call, as the router does when the agent accepts. */
const alex = () => ({ id: h.config.agents[0]!.id, displayName: 'Alex Rivera' });
const connectAgent = (contactId: string) => {
  walkTo(h.aws.contacts, contactId, 'CONNECTED', { agent: alex() });
  h.aws.contacts.transition(contactId, { kind: 'agent-media-connected' });
};
const describeC = async (id: string) =>
  (await h.connect.send(new DescribeContactCommand({ InstanceId: inst(), ContactId: id }))).Contact;

describe('contact operations', () => {
  it('DescribeContact follows the contact through queue, agent and end', async () => {
    const { ContactId = '' } = await start();
    const t0 = Date.now() - 10_000;
    const queue = { id: h.config.queues[2]!.id, name: 'BasicQueue', enqueuedAt: t0 };
    walkTo(h.aws.contacts, ContactId, 'RINGING', { queue, agent: alex() });
    const agent = h.aws.contacts.addAgentParticipant(ContactId, alex());
    const meetingId = h.aws.contacts.get(ContactId)!.meeting.MeetingId;
    expect(h.media.meetings.get(meetingId)?.attendees[1]?.ExternalUserId).toBe(
      `agent-${h.config.agents[0]!.id}`,
    );
    expect(agent.role).toBe('AGENT');
    h.aws.contacts.transition(ContactId, {
      kind: 'accepted',
      agentId: alex().id,
      detail: 'accepted by Alex Rivera',
    });
    const { agent: times } = h.aws.contacts.transition(ContactId, {
      kind: 'agent-media-connected',
    });
    const c = await describeC(ContactId);
    expect(c?.QueueInfo).toEqual({ Id: h.config.queues[2]!.id, EnqueueTimestamp: new Date(t0) });
    expect(c?.AgentInfo?.Id).toBe(h.config.agents[0]!.id);
    expect(c?.AgentInfo?.ConnectedToAgentTimestamp).toEqual(new Date(times!.connectedAt!));
    expect(c?.AgentInfo?.Capabilities).toEqual({ Video: 'SEND', ScreenShare: 'SEND' });
    expect(c?.Customer?.Capabilities).toEqual({ Video: 'SEND' });
    expect(c?.RingStartTimestamp).toEqual(new Date(times!.ringStartedAt!));
    expect(c?.DisconnectTimestamp).toBeUndefined();

    await h.connect.send(new StopContactCommand({ InstanceId: inst(), ContactId }));
    const ended = await describeC(ContactId);
    expect(ended?.DisconnectReason).toBe('API');
    expect(ended?.DisconnectTimestamp).toBeInstanceOf(Date);
    expect(ended?.AgentInfo?.StateTransitions?.map((s) => s.State)).toEqual([
      'INITIAL',
      'CONNECTED',
      'DISCONNECTED',
    ]);
    expect(h.media.isMeetingActive(meetingId)).toBe(false);
    expect(h.aws.contacts.get(ContactId)?.history.map((x) => x.state)).toEqual([
      'INITIATED',
      'IN_FLOW',
      'QUEUED',
      'RINGING',
      'CONNECTED',
      'ENDED',
    ]);
  });

  it('StopContact: an ended contact is 410 ContactNotFoundException, an unknown one 404', async () => {
    const { ContactId = '' } = await start();
    await h.connect.send(new StopContactCommand({ InstanceId: inst(), ContactId }));
    expect(
      await awsFailure(h.connect.send(new StopContactCommand({ InstanceId: inst(), ContactId }))),
    ).toMatchObject({ name: 'ContactNotFoundException', status: 410 });
    expect(
      await awsFailure(
        h.connect.send(new StopContactCommand({ InstanceId: inst(), ContactId: 'nope' })),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(
      await awsFailure(h.connect.send(new StopContactCommand({ InstanceId: inst() } as never))),
    ).toMatchObject({ name: 'InvalidParameterException', message: 'ContactId is required' });
  });

  it('DescribeContact: unknown contact or instance is ResourceNotFoundException; labels are decoded per segment', async () => {
    expect(await awsFailure(describeC('c:1/2'))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: expect.stringContaining('Contact c:1/2 does not exist'),
    });
    expect(
      await awsFailure(
        h.connect.send(new DescribeContactCommand({ InstanceId: 'x y', ContactId: 'c' })),
      ),
    ).toMatchObject({
      name: 'ResourceNotFoundException',
      message: expect.stringContaining('Instance x y'),
    });
  });

  it('Get/UpdateContactAttributes merge keys, keep the limits and change nothing when refused', async () => {
    const { ContactId = '' } = await start({ a: '1', b: '2' });
    await h.connect.send(
      new UpdateContactAttributesCommand({
        InstanceId: inst(),
        InitialContactId: ContactId,
        Attributes: { b: '3', c: '' },
      }),
    );
    const get = () =>
      h.connect.send(
        new GetContactAttributesCommand({ InstanceId: inst(), InitialContactId: ContactId }),
      );
    expect((await get()).Attributes).toEqual({ a: '1', b: '3', c: '' });
    const tooBig = await awsFailure(
      h.connect.send(
        new UpdateContactAttributesCommand({
          InstanceId: inst(),
          InitialContactId: ContactId,
          Attributes: { big: 'x'.repeat(32_768) },
        }),
      ),
    );
    expect(tooBig).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    const badKey = await awsFailure(
      h.connect.send(
        new UpdateContactAttributesCommand({
          InstanceId: inst(),
          InitialContactId: ContactId,
          Attributes: { 'no spaces': 'x' },
        }),
      ),
    );
    expect(badKey).toMatchObject({ name: 'InvalidParameterException' });
    expect((await get()).Attributes).toEqual({ a: '1', b: '3', c: '' });
    await h.connect.send(new StopContactCommand({ InstanceId: inst(), ContactId }));
    await h.connect.send(
      new UpdateContactAttributesCommand({
        InstanceId: inst(),
        InitialContactId: ContactId,
        Attributes: { after: 'end' },
      }),
    );
    expect((await get()).Attributes?.after).toBe('end');
    expect(
      await awsFailure(
        h.connect.send(
          new GetContactAttributesCommand({ InstanceId: inst(), InitialContactId: 'nope' }),
        ),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('CreateParticipant adds a CUSTOMER whose WEBRTC_CONNECTION is a new attendee of the same meeting', async () => {
    const first = await start();
    connectAgent(first.ContactId ?? '');
    const added = await h.connect.send(
      new CreateParticipantCommand({
        InstanceId: inst(),
        ContactId: first.ContactId,
        ParticipantDetails: {
          ParticipantRole: 'CUSTOMER',
          DisplayName: 'Sam (colleague)',
          ParticipantCapabilities: { Video: 'SEND', ScreenShare: 'SEND' },
        },
      }),
    );
    expect(Date.parse(added.ParticipantCredentials?.Expiry ?? '')).toBeGreaterThan(Date.now());
    const conn = await h.participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: added.ParticipantCredentials?.ParticipantToken,
        Type: ['WEBRTC_CONNECTION'],
      }),
    );
    expect(conn.WebRTCConnection?.Meeting?.MeetingId).toBe(
      first.ConnectionData?.Meeting?.MeetingId,
    );
    expect(conn.WebRTCConnection?.Meeting?.MediaPlacement?.SignalingUrl).toBe(
      first.ConnectionData?.Meeting?.MediaPlacement?.SignalingUrl,
    );
    expect(conn.WebRTCConnection?.Attendee?.AttendeeId).not.toBe(
      first.ConnectionData?.Attendee?.AttendeeId,
    );
    expect(conn.WebRTCConnection?.Attendee?.JoinToken).toBeTruthy();
    const attendees =
      h.media.meetings.get(first.ConnectionData?.Meeting?.MeetingId ?? '')?.attendees ?? [];
    expect(attendees.map((a) => a.ExternalUserId)).toEqual([
      `customer-${first.ParticipantId}`,
      `agent-${h.config.agents[0]!.id}`,
      `customer-${added.ParticipantId}`,
    ]);
    const record = h.aws.contacts.get(first.ContactId ?? '');
    expect(record?.extraParticipants?.[0]).toMatchObject({
      participantId: added.ParticipantId,
      displayName: 'Sam (colleague)',
      capabilities: { Video: 'SEND', ScreenShare: 'SEND' },
    });
    // Everyone on the contact's WebSocket learns the new participant's name.
    expect(record?.transcript.at(-1)).toMatchObject({
      contentType: 'application/vnd.amazonaws.connect.event.participant.joined',
      participantId: added.ParticipantId,
      displayName: 'Sam (colleague)',
    });
    const same = {
      InstanceId: inst(),
      ContactId: first.ContactId,
      ParticipantDetails: {},
      ClientToken: 'participant-token-1',
    };
    const p1 = await h.connect.send(new CreateParticipantCommand(same));
    const p2 = await h.connect.send(new CreateParticipantCommand(same));
    expect(p2.ParticipantId).toBe(p1.ParticipantId);
  });

  it('CreateParticipant refuses a call without a connected agent (409) and a seventh participant (402)', async () => {
    const { ContactId = '' } = await start();
    const add = (name: string) =>
      h.connect.send(
        new CreateParticipantCommand({
          InstanceId: inst(),
          ContactId,
          ParticipantDetails: { DisplayName: name },
        }),
      );
    expect(await awsFailure(add('Too early'))).toMatchObject({
      name: 'ConflictException',
      status: 409,
    });
    expect(h.aws.contacts.get(ContactId)?.extraParticipants ?? []).toEqual([]);
    connectAgent(ContactId);
    // The customer and the agent are two of six: four more fit.
    const guest3 = await add('Guest 3');
    for (const n of [4, 5, 6]) await add(`Guest ${n}`);
    expect(await awsFailure(add('Guest 7'))).toMatchObject({
      name: 'ServiceQuotaExceededException',
      status: 402,
    });
    const meetingId = h.aws.contacts.get(ContactId)!.meeting.MeetingId;
    expect(h.aws.contacts.get(ContactId)?.extraParticipants).toHaveLength(4);
    expect(h.media.meetings.get(meetingId)?.attendees).toHaveLength(6);
    // A participant who left (DisconnectParticipant) frees a place.
    const conn = await h.participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: guest3.ParticipantCredentials?.ParticipantToken,
        Type: ['CONNECTION_CREDENTIALS'],
      }),
    );
    await h.participant.send(
      new DisconnectParticipantCommand({
        ConnectionToken: conn.ConnectionCredentials?.ConnectionToken,
      }),
    );
    await expect(add('Guest 7')).resolves.toMatchObject({ ParticipantId: expect.any(String) });
  });

  it('CreateParticipant answers bad input with Connect errors and changes nothing', async () => {
    const { ContactId = '' } = await start();
    connectAgent(ContactId);
    const send = (details: Record<string, unknown>, contactId = ContactId) =>
      awsFailure(
        h.connect.send(
          new CreateParticipantCommand({
            InstanceId: inst(),
            ContactId: contactId,
            ParticipantDetails: details as never,
          }),
        ),
      );
    expect(await send({ ParticipantRole: 'AGENT' })).toMatchObject({
      name: 'InvalidRequestException',
      status: 400,
    });
    expect(await send({ ParticipantCapabilities: { Video: 'RECEIVE' } })).toMatchObject({
      name: 'InvalidParameterException',
      status: 400,
    });
    expect(await send({ DisplayName: 'x'.repeat(257) })).toMatchObject({
      name: 'InvalidParameterException',
      status: 400,
    });
    expect(await send({ DisplayName: 'Nobody' }, 'no-such-contact')).toMatchObject({
      name: 'ResourceNotFoundException',
      status: 404,
    });
    expect(h.aws.contacts.get(ContactId)?.extraParticipants ?? []).toEqual([]);
    await h.connect.send(new StopContactCommand({ InstanceId: inst(), ContactId }));
    expect(await send({ DisplayName: 'Late' })).toMatchObject({
      name: 'InvalidRequestException',
      status: 400,
    });
  });

  it('ListInstances, ListContactFlows and DescribeContactFlow expose the local ids', async () => {
    const { InstanceSummaryList } = await h.connect.send(new ListInstancesCommand({}));
    expect(InstanceSummaryList?.[0]).toMatchObject({
      Id: inst(),
      InstanceAlias: 'local-video-center',
      InstanceStatus: 'ACTIVE',
    });
    const { ContactFlowSummaryList } = await h.connect.send(
      new ListContactFlowsCommand({ InstanceId: inst() }),
    );
    expect(ContactFlowSummaryList?.map((f) => f.Id)).toContain(h.config.defaultFlowId);
    const queueFlows = await h.connect.send(
      new ListContactFlowsCommand({ InstanceId: inst(), ContactFlowTypes: ['CUSTOMER_QUEUE'] }),
    );
    expect(queueFlows.ContactFlowSummaryList?.map((f) => f.Id)).not.toContain(
      h.config.defaultFlowId,
    );
    const flow = await h.connect.send(
      new DescribeContactFlowCommand({ InstanceId: inst(), ContactFlowId: h.config.defaultFlowId }),
    );
    expect(JSON.parse(flow.ContactFlow?.Content ?? '{}').Version).toBe('2019-10-30');
    expect(
      await awsFailure(h.connect.send(new ListContactFlowsCommand({ InstanceId: 'other' }))),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
