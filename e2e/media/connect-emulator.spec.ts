/**
 * The media server inside the real `npm start` server (started by global-setup): attendees come
 * from the local Connect emulator through the official AWS SDK clients — StartWebRTCContact for the
 * customer, CreateParticipant + CreateParticipantConnection(WEBRTC_CONNECTION) for a second person
 * — both join with the unmodified Chime SDK, and StopContact ends the call for both.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  ConnectClient,
  CreateParticipantCommand,
  ListContactFlowsCommand,
  ListInstancesCommand,
  StartWebRTCContactCommand,
  StopContactCommand,
} from '@aws-sdk/client-connect';
import {
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
} from '@aws-sdk/client-connectparticipant';
import type { MediaAttendee, MediaMeeting } from '../../src/media-server/media-service';
import { agentAnswers, releaseAgents } from '../testing/desk-reset';
import { audioPackets, closePages, harnessState, joinPage, started } from './testing/harness-page';

test.use({ trace: 'off' });
test.afterEach(closePages);

test('attendees from StartWebRTCContact and CreateParticipantConnection talk, and StopContact ends the call', async ({
  browser,
}) => {
  const baseUrl = process.env.BASE_URL!;
  const clientConfig = {
    region: 'us-east-1',
    endpoint: `${baseUrl}/aws`,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  };
  const connect = new ConnectClient(clientConfig);
  const participant = new ConnectParticipantClient(clientConfig);
  const instanceId = (await connect.send(new ListInstancesCommand({}))).InstanceSummaryList![0]!
    .Id!;
  const flows = (await connect.send(new ListContactFlowsCommand({ InstanceId: instanceId })))
    .ContactFlowSummaryList!;
  const contact = await connect.send(
    new StartWebRTCContactCommand({
      InstanceId: instanceId,
      ContactFlowId: flows[0]!.Id!,
      ParticipantDetails: { DisplayName: 'Media spec' },
      ClientToken: randomUUID(),
      AllowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
    }),
  );
  const customer = contact.ConnectionData!;
  // Connect adds participants only once an agent is on the call: the first sample agent answers.
  await releaseAgents(baseUrl);
  await agentAnswers(baseUrl, '0336b503-1430-41e8-9e50-f660e2ad5be0', contact.ContactId!);
  const extra = await connect.send(
    new CreateParticipantCommand({
      InstanceId: instanceId,
      ContactId: contact.ContactId!,
      ParticipantDetails: { ParticipantRole: 'CUSTOMER', DisplayName: 'Second person' },
      ClientToken: randomUUID(),
    }),
  );
  const webrtc = (
    await participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: extra.ParticipantCredentials!.ParticipantToken!,
        Type: ['WEBRTC_CONNECTION'],
      }),
    )
  ).WebRTCConnection!;

  const harnessUrl = `${baseUrl}/e2e/harness/index.html`;
  const a = await joinPage(
    browser,
    harnessUrl,
    customer.Meeting as unknown as MediaMeeting,
    customer.Attendee as unknown as MediaAttendee,
  );
  const b = await joinPage(
    browser,
    harnessUrl,
    webrtc.Meeting as unknown as MediaMeeting,
    webrtc.Attendee as unknown as MediaAttendee,
  );
  await Promise.all([started(a), started(b)]);
  const ids = [customer.Attendee!.AttendeeId!, webrtc.Attendee!.AttendeeId!];
  for (const page of [a, b]) {
    await expect
      .poll(async () => {
        const presence = (await harnessState(page)).presence;
        return ids.filter((id) => presence[id]).length;
      })
      .toBe(2);
    const before = await audioPackets(page);
    await expect.poll(() => audioPackets(page)).toBeGreaterThan(before + 50);
  }

  await connect.send(
    new StopContactCommand({ InstanceId: instanceId, ContactId: contact.ContactId! }),
  );
  for (const page of [a, b])
    await expect.poll(async () => (await harnessState(page)).stopStatus).toBe('5'); // MeetingEnded
  await releaseAgents(baseUrl);
  connect.destroy();
  participant.destroy();
});
