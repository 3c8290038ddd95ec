/**
 * The one code path to Amazon Connect: the official AWS SDK v3 clients, whatever they point at
 * (AWS's own endpoints in production, the local emulator's `/aws` otherwise). Routes and the CLI
 * call this; nothing here knows which backend runs.
 */
import {
  ConnectClient,
  CreateParticipantCommand,
  DescribeContactCommand,
  DescribeQueueCommand,
  StartWebRTCContactCommand,
  UpdateContactAttributesCommand,
  type StartWebRTCContactCommandInput,
  type StartWebRTCContactCommandOutput,
  type Contact,
  type ParticipantCapabilities,
  type Queue,
} from '@aws-sdk/client-connect';
import {
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
  SendMessageCommand,
  type WebRTCConnection,
} from '@aws-sdk/client-connectparticipant';

/**
 * The customer's Participant Service connection: its token, the token's expiry and the events
 * WebSocket.
 */
export interface ParticipantConnection {
  connectionToken: string;
  expiry?: string;
  websocketUrl?: string;
}

/**
 * The backend's one path to Amazon Connect: each method is one Connect or Participant Service call
 * through the official SDK clients.
 */
export class ConnectGateway {
  constructor(
    readonly connect: ConnectClient,
    readonly participant: ConnectParticipantClient,
  ) {}

  startWebRTCContact(
    input: StartWebRTCContactCommandInput,
  ): Promise<StartWebRTCContactCommandOutput> {
    return this.connect.send(new StartWebRTCContactCommand(input));
  }

  async describeContact(instanceId: string, contactId: string): Promise<Contact> {
    const out = await this.connect.send(
      new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactId }),
    );
    if (!out.Contact)
      throw Object.assign(new Error('DescribeContact returned no contact'), {
        name: 'InternalServiceException',
      });
    return out.Contact;
  }

  /** Creates or overwrites `attributes` on the (initial) contact; works on ended contacts too. */
  async updateContactAttributes(
    instanceId: string,
    initialContactId: string,
    attributes: Record<string, string>,
  ): Promise<void> {
    await this.connect.send(
      new UpdateContactAttributesCommand({
        InstanceId: instanceId,
        InitialContactId: initialContactId,
        Attributes: attributes,
      }),
    );
  }

  /**
   * The queue's configuration (its name among it); Connect's QueueInfo on a contact carries only
   * the id.
   */
  async describeQueue(instanceId: string, queueId: string): Promise<Queue> {
    const out = await this.connect.send(
      new DescribeQueueCommand({ InstanceId: instanceId, QueueId: queueId }),
    );
    if (!out.Queue)
      throw Object.assign(new Error('DescribeQueue returned no queue'), {
        name: 'InternalServiceException',
      });
    return out.Queue;
  }

  /**
   * Adds a participant (a colleague or a third party) to a connected WebRTC call: Connect's
   * CreateParticipant with the CUSTOMER role, then CreateParticipantConnection WEBRTC_CONNECTION
   * with its token, which gives the new person's Chime meeting and attendee.
   */
  async addWebRTCParticipant(
    instanceId: string,
    initialContactId: string,
    displayName: string,
    capabilities: ParticipantCapabilities,
  ): Promise<{ participantId: string; connection: WebRTCConnection }> {
    const created = await this.connect.send(
      new CreateParticipantCommand({
        InstanceId: instanceId,
        ContactId: initialContactId,
        ParticipantDetails: {
          ParticipantRole: 'CUSTOMER',
          DisplayName: displayName,
          ParticipantCapabilities: capabilities,
        },
      }),
    );
    const token = created.ParticipantCredentials?.ParticipantToken;
    if (!token || !created.ParticipantId)
      throw Object.assign(new Error('CreateParticipant returned no participant token'), {
        name: 'InternalServiceException',
      });
    const out = await this.participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: token,
        Type: ['WEBRTC_CONNECTION'],
      }),
    );
    if (!out.WebRTCConnection?.Attendee || !out.WebRTCConnection.Meeting)
      throw Object.assign(new Error('CreateParticipantConnection returned no WebRTC connection'), {
        name: 'InternalServerException',
      });
    return { participantId: created.ParticipantId, connection: out.WebRTCConnection };
  }

  /**
   * Trades the ParticipantToken for a ConnectionToken (DTMF, disconnect) and a WebSocket URL for
   * contact events.
   */
  async createConnection(participantToken: string): Promise<ParticipantConnection> {
    const out = await this.participant.send(
      new CreateParticipantConnectionCommand({
        ParticipantToken: participantToken,
        Type: ['CONNECTION_CREDENTIALS', 'WEBSOCKET'],
      }),
    );
    const token = out.ConnectionCredentials?.ConnectionToken;
    if (!token)
      throw Object.assign(new Error('CreateParticipantConnection returned no connection token'), {
        name: 'InternalServerException',
      });
    return {
      connectionToken: token,
      expiry: out.ConnectionCredentials?.Expiry,
      websocketUrl: out.Websocket?.Url,
    };
  }

  /**
   * Sends DTMF digits the way Connect expects them from WebRTC clients: SendMessage `audio/dtmf`.
   * `clientToken` (the browser's, one per key press) makes a retried request send the digits once.
   */
  async sendDtmf(
    connectionToken: string,
    digits: string,
    clientToken?: string,
  ): Promise<{ id: string; absoluteTime: string }> {
    const out = await this.participant.send(
      new SendMessageCommand({
        ConnectionToken: connectionToken,
        ContentType: 'audio/dtmf',
        Content: digits,
        ...(clientToken ? { ClientToken: clientToken } : {}),
      }),
    );
    return { id: out.Id ?? '', absoluteTime: out.AbsoluteTime ?? new Date().toISOString() };
  }

  async disconnect(connectionToken: string): Promise<void> {
    await this.participant.send(
      new DisconnectParticipantCommand({ ConnectionToken: connectionToken }),
    );
  }
}
