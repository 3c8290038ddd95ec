/**
 * Contract: DescribeContact's Customer.DeviceInfo and QualityMetrics through the official Connect
 * client, from what the media service reports of each attendee (the device its client described at
 * JOIN, the audio link it measured).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeContactCommand, StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import { noteParticipantDevice } from '../contacts/participant-devices';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';

let h: EmulatorHarness;
beforeAll(async () => {
  h = await startEmulatorHarness();
});
afterAll(async () => h.close());

const describeContact = async (ContactId: string) =>
  (
    await h.connect.send(
      new DescribeContactCommand({ InstanceId: h.config.instance.id, ContactId }),
    )
  ).Contact!;

describe('DeviceInfo and QualityMetrics', () => {
  it('reports the device the customer joined with, and both sides audio quality while the call lasts', async () => {
    const { ContactId, ConnectionData } = await h.connect.send(
      new StartWebRTCContactCommand({
        InstanceId: h.config.instance.id,
        ContactFlowId: h.config.defaultFlowId,
        ParticipantDetails: { DisplayName: 'Lin' },
      }),
    );
    const meetingId = ConnectionData!.Meeting!.MeetingId!;
    const customer = ConnectionData!.Attendee!.AttendeeId!;
    expect((await describeContact(ContactId!)).QualityMetrics).toBeUndefined();

    h.media.reports.set(`${meetingId}/${customer}`, {
      device: {
        platformName: 'Firefox',
        platformVersion: '153.0',
        osName: 'Linux',
        osVersion: 'x86_64',
      },
      audio: { packetLossPercent: 6, jitterMs: 4, roundTripMs: 40 },
    });
    noteParticipantDevice(h.aws.contacts, h.media, { meetingId, attendeeId: customer });
    const contact = await describeContact(ContactId!);
    expect(contact.Customer?.DeviceInfo).toEqual({
      PlatformName: 'Firefox',
      PlatformVersion: '153.0',
      OperatingSystem: 'Linux x86_64',
    });
    expect(contact.QualityMetrics?.Customer?.Audio?.PotentialQualityIssues).toEqual([
      'HighPacketLoss',
    ]);
    expect(contact.QualityMetrics?.Customer?.Audio?.QualityScore).toBeGreaterThan(1);
    expect(contact.QualityMetrics?.Customer?.Audio?.QualityScore).toBeLessThan(4.3);
    expect(contact.QualityMetrics?.Agent).toBeUndefined();
  });

  it('cuts device values at 128 characters and leaves out what the client did not say', async () => {
    const { ContactId, ConnectionData } = await h.connect.send(
      new StartWebRTCContactCommand({
        InstanceId: h.config.instance.id,
        ContactFlowId: h.config.defaultFlowId,
        ParticipantDetails: { DisplayName: 'Kim' },
      }),
    );
    const meetingId = ConnectionData!.Meeting!.MeetingId!;
    const attendeeId = ConnectionData!.Attendee!.AttendeeId!;
    h.media.reports.set(`${meetingId}/${attendeeId}`, {
      device: { platformName: 'x'.repeat(300) },
    });
    noteParticipantDevice(h.aws.contacts, h.media, { meetingId, attendeeId });
    expect((await describeContact(ContactId!)).Customer?.DeviceInfo).toEqual({
      PlatformName: 'x'.repeat(128),
    });
  });
});
