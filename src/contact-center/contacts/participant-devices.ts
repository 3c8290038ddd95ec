/**
 * Records the device each participant's client reported when its media joined (Connect keeps a
 * contact's DeviceInfo after the call, so it is stored on the participant, not read live).
 */
import type { ClientDevice } from '../../media-server/attendee-report';
import type { MediaService } from '../../media-server/media-service';
import type { DeviceInfo } from './contact-record';
import type { LocalContacts } from './local-contacts';
import { participantsOf } from './participant-events';

const MAX = 128;

/** Connect's DeviceInfo from the SDK's client details: browser name and version, and the system. */
export function deviceInfoOf(device: ClientDevice): DeviceInfo | undefined {
  const system = [device.osName, device.osVersion].filter(Boolean).join(' ');
  const info: DeviceInfo = {
    ...(device.platformName ? { PlatformName: device.platformName.slice(0, MAX) } : {}),
    ...(device.platformVersion ? { PlatformVersion: device.platformVersion.slice(0, MAX) } : {}),
    ...(system ? { OperatingSystem: system.slice(0, MAX) } : {}),
  };
  return Object.keys(info).length > 0 ? info : undefined;
}

/**
 * On an attendee's join: stores its device on the participant of the active contact it belongs to.
 */
export function noteParticipantDevice(
  contacts: LocalContacts,
  media: MediaService,
  joined: { meetingId: string; attendeeId: string },
): void {
  const contact = contacts.listActive().find((c) => c.meeting.MeetingId === joined.meetingId);
  if (!contact) return;
  const device = media.attendeeReport(joined.meetingId, joined.attendeeId)?.device;
  const info = device && deviceInfoOf(device);
  if (!info) return;
  const who = participantsOf(contact).find((p) => p.attendee.AttendeeId === joined.attendeeId);
  if (!who || JSON.stringify(who.deviceInfo) === JSON.stringify(info)) return;
  contacts.transition(contact.id, {
    kind: 'device-noted',
    attendeeId: joined.attendeeId,
    deviceInfo: info,
  });
}
