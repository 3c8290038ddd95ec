/**
 * Test-only page: joins a meeting with the unmodified amazon-chime-sdk-js and exposes everything a
 * Playwright spec asserts on `window.harness` (statuses, presence, tiles with decoded frames,
 * inbound audio packets, data messages, timings). Product code never imports this.
 */
import {
  ConsoleLogger,
  DefaultDeviceController,
  DefaultMeetingSession,
  LogLevel,
  MeetingSessionConfiguration,
  type AudioVideoObserver,
  type DataMessage,
  type MeetingSessionStatus,
  type VideoTileState,
} from 'amazon-chime-sdk-js';
import { startCanvasShare, tileBrightness, tileStats } from './harness-media';

/** What the page records; Playwright helpers read it from `window.harness.state`. */
export interface HarnessState {
  events: Array<{ name: string; at: number; detail?: unknown }>;
  presence: Record<string, boolean>;
  volumes: Record<string, number>;
  /** The latest volume (0 to 1) per attendee, as the server's audio metadata last reported it. */
  volumeNow: Record<string, number>;
  /**
   * When (page `performance.now()`) each attendee was last reported above silence. Chromium's fake
   * microphone beeps 20 ms every 500 ms, so the momentary volume is 0 most of the time: a test
   * sampling `volumeNow` once a second samples the same phase of the beep every time and can miss
   * it for good. "Heard since t" cannot.
   */
  heardAt: Record<string, number>;
  muted: Record<string, boolean>;
  messages: Array<{
    topic: string;
    text: string;
    sender: string;
    timestampMs: number;
    throttled: boolean;
  }>;
  stopStatus?: string;
}

const state: HarnessState = {
  events: [],
  presence: {},
  volumes: {},
  volumeNow: {},
  heardAt: {},
  muted: {},
  messages: [],
};
let session: DefaultMeetingSession | undefined;
const log = (name: string, detail?: unknown) =>
  state.events.push({ name, at: performance.now(), detail });

const observer: AudioVideoObserver = {
  audioVideoDidStart: () => log('audioVideoDidStart'),
  audioVideoDidStartConnecting: (reconnecting) =>
    log('audioVideoDidStartConnecting', { reconnecting }),
  audioVideoDidStop: (status: MeetingSessionStatus) => {
    state.stopStatus = status.statusCode().toString();
    log('audioVideoDidStop', { code: status.statusCode(), terminal: status.isTerminal() });
  },
  videoTileDidUpdate: (tile: VideoTileState) => {
    if (!tile.tileId || tile.localTile || !tile.boundAttendeeId) return;
    let el = document.getElementById(`tile-${tile.tileId}`) as HTMLVideoElement | null;
    if (!el) {
      el = Object.assign(document.createElement('video'), {
        id: `tile-${tile.tileId}`,
        autoplay: true,
        muted: true,
      });
      el.dataset.attendee = tile.boundAttendeeId;
      el.dataset.externalUserId = tile.boundExternalUserId ?? '';
      el.dataset.content = String(!!tile.isContent);
      document.getElementById('tiles')!.append(el);
      log('remoteTile', { attendeeId: tile.boundAttendeeId, content: !!tile.isContent });
    }
    session!.audioVideo.bindVideoElement(tile.tileId, el);
  },
  videoTileWasRemoved: (tileId: number) => {
    document.getElementById(`tile-${tileId}`)?.remove();
    log('tileRemoved', { tileId });
  },
};

/** Options of `join`; the default is what most specs want (audio only, video started later). */
export interface JoinOptions {
  /**
   * Start the camera with the session: the camera is acquired before `start()` and the local tile
   * started right after it, while the session connects. (SDK 3.32 drops a `startLocalVideoTile`
   * made before `start()`: "no transition found from NotConnected with Update".)
   */
  videoAtStart?: boolean;
}

async function join(meeting: unknown, attendee: unknown, options: JoinOptions = {}): Promise<void> {
  // `window.harnessLogLevel = LogLevel.INFO` before join shows the SDK's task and renegotiation log
  // when debugging a spec.
  const logger = new ConsoleLogger(
    'harness',
    (window as unknown as { harnessLogLevel?: LogLevel }).harnessLogLevel ?? LogLevel.WARN,
  );
  const devices = new DefaultDeviceController(logger);
  session = new DefaultMeetingSession(
    new MeetingSessionConfiguration(meeting, attendee),
    logger,
    devices,
  );
  const av = session.audioVideo;
  av.addObserver(observer);
  av.addContentShareObserver({
    contentShareDidStart: () => log('contentShareDidStart'),
    contentShareDidStop: () => log('contentShareDidStop'),
    contentShareDidPause: () => log('contentShareDidPause'),
    contentShareDidUnpause: () => log('contentShareDidUnpause'),
  });
  av.realtimeSubscribeToAttendeeIdPresence((id, present) => {
    state.presence[id] = present;
    if (!id.includes('#')) {
      av.realtimeSubscribeToVolumeIndicator(id, (aid, volume, muted) => {
        if (volume !== null) state.volumes[aid] = Math.max(state.volumes[aid] ?? 0, volume);
        if (volume !== null) state.volumeNow[aid] = volume;
        if (volume) state.heardAt[aid] = performance.now();
        if (muted !== null) state.muted[aid] = muted;
      });
    }
  });
  for (const topic of ['chat', 'AMAZON_CONNECT_SCREEN_SHARING']) {
    av.realtimeSubscribeToReceiveDataMessage(topic, (m: DataMessage) =>
      state.messages.push({
        topic: m.topic,
        text: m.text(),
        sender: m.senderAttendeeId,
        timestampMs: m.timestampMs,
        throttled: m.throttled,
      }),
    );
  }
  const mics = await av.listAudioInputDevices();
  await av.startAudioInput(mics[0]?.deviceId ?? null);
  await av.bindAudioElement(document.getElementById('audio') as HTMLAudioElement);
  if (options.videoAtStart)
    await av.startVideoInput((await av.listVideoInputDevices())[0]!.deviceId);
  log('start');
  av.start();
  if (options.videoAtStart) {
    log('startLocalVideoTile');
    av.startLocalVideoTile();
  }
}

async function startVideo(): Promise<void> {
  const av = session!.audioVideo;
  const cams = await av.listVideoInputDevices();
  await av.startVideoInput(cams[0]!.deviceId);
  log('startLocalVideoTile');
  av.startLocalVideoTile();
}

/** Energy of the received (decoded) audio so far: it grows while something audible arrives. */
async function audioEnergy(): Promise<number> {
  const report = await session!.audioVideo.getRTCPeerConnectionStats();
  let energy = 0;
  report?.forEach((s: { type: string; kind?: string; totalAudioEnergy?: number }) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') energy += s.totalAudioEnergy ?? 0;
  });
  return energy;
}

async function audioPackets(): Promise<number> {
  const report = await session!.audioVideo.getRTCPeerConnectionStats();
  let packets = 0;
  report?.forEach((s: { type: string; kind?: string; packetsReceived?: number }) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') packets += s.packetsReceived ?? 0;
  });
  return packets;
}

/** Local camera sender figures: size, limitation reason and the browser's bandwidth estimate. */
async function outboundVideo(): Promise<Record<string, unknown>> {
  const report = await session!.audioVideo.getRTCPeerConnectionStats();
  const out: Record<string, unknown> = {};
  report?.forEach((s: Record<string, unknown>) => {
    if (s.type === 'outbound-rtp' && s.kind === 'video')
      Object.assign(out, {
        width: s.frameWidth,
        height: s.frameHeight,
        limitation: s.qualityLimitationReason,
        fps: s.framesPerSecond,
      });
    if (s.type === 'candidate-pair' && s.nominated)
      out.availableOutgoingBitrate = s.availableOutgoingBitrate;
  });
  return out;
}

const harness = {
  outboundVideo,
  state,
  join,
  startVideo,
  audioPackets,
  tiles: tileStats,
  stopVideo: () => session!.audioVideo.stopLocalVideoTile(),
  startContent: async () => session!.audioVideo.startContentShare(startCanvasShare()),
  stopContent: () => session!.audioVideo.stopContentShare(),
  pauseContent: () => session!.audioVideo.pauseContentShare(),
  unpauseContent: () => session!.audioVideo.unpauseContentShare(),
  audioEnergy,
  tileBrightness,
  unmute: () => session!.audioVideo.realtimeUnmuteLocalAudio(),
  sendData: (topic: string, text: string, lifetimeMs = 0) =>
    session!.audioVideo.realtimeSendDataMessage(topic, text, lifetimeMs),
  mute: () => session!.audioVideo.realtimeMuteLocalAudio(),
  stop: () => session!.audioVideo.stop(),
  eventAt: (name: string) => state.events.find((e) => e.name === name)?.at,
};
(window as unknown as { harness: typeof harness }).harness = harness;
