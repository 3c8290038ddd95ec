/**
 * The desk's Add participant: Connect's CreateParticipant and CreateParticipantConnection
 * (WEBRTC_CONNECTION) through the official clients, turned into a `/join/` link for the added
 * person. Their meeting credentials travel only in the link's fragment, which browsers never send
 * to a server, and this module logs nothing of them.
 */
import type { WebRTCConnection } from '@aws-sdk/client-connectparticipant';
import type { AddParticipantRequest, AddParticipantResponse } from '../../shared/agent-desk-api';
import type { ConnectionData, ParticipantCapabilities } from '../../shared/connect-schemas';
import { joinUrl } from '../../join/join-payload';
import type { ConnectGateway } from '../../backend/connect-gateway';
import type { ContactRecord } from '../contacts/contact-record';

/**
 * The WebRTCConnection of CreateParticipantConnection in StartWebRTCContact's ConnectionData shape.
 */
export function connectionDataOf(c: WebRTCConnection): ConnectionData {
  const placement = c.Meeting?.MediaPlacement;
  return {
    Attendee: { AttendeeId: c.Attendee?.AttendeeId ?? '', JoinToken: c.Attendee?.JoinToken ?? '' },
    Meeting: {
      MeetingId: c.Meeting?.MeetingId ?? '',
      MediaPlacement: {
        AudioHostUrl: placement?.AudioHostUrl ?? '',
        SignalingUrl: placement?.SignalingUrl ?? '',
        ...(placement?.AudioFallbackUrl ? { AudioFallbackUrl: placement.AudioFallbackUrl } : {}),
        ...(placement?.EventIngestionUrl ? { EventIngestionUrl: placement.EventIngestionUrl } : {}),
      },
      ...(c.Meeting?.MeetingFeatures?.Audio
        ? { MeetingFeatures: { Audio: { ...c.Meeting.MeetingFeatures.Audio } } }
        : {}),
    },
  };
}

/** Builds the desk's `addParticipant` over the gateway; `siteUrl` is where `/join/` is served. */
export function participantAdder(gateway: ConnectGateway, siteUrl: string) {
  return async (
    contact: ContactRecord,
    request: AddParticipantRequest,
  ): Promise<AddParticipantResponse> => {
    const capabilities: ParticipantCapabilities = {
      ...(request.video ? { Video: 'SEND' as const } : {}),
      ...(request.screenShare ? { ScreenShare: 'SEND' as const } : {}),
    };
    const added = await gateway.addWebRTCParticipant(
      contact.instanceId,
      contact.initialContactId,
      request.displayName,
      capabilities,
    );
    return {
      participantId: added.participantId,
      joinUrl: joinUrl(siteUrl, {
        v: 1,
        contactId: contact.initialContactId,
        displayName: request.displayName,
        joiningAs: 'participant',
        connectionData: connectionDataOf(added.connection),
        allowedCapabilities: { Customer: capabilities },
      }),
    };
  };
}
