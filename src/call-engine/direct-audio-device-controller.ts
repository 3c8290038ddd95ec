/**
 * The SDK's device controller, able to send a microphone's own track around its Web Audio graph.
 * With Web Audio enabled (noise suppression runs in it), the SDK sends every microphone through
 * that graph, the plain one too; while the browser holds the audio context (no user gesture yet:
 * a call rejoined after a reload, or a browser without an audio device), the graph's output is
 * silence and the agent hears nothing. The microphone (session-microphone.ts) sends the device's
 * own track meanwhile, and goes back to the graph once audio runs.
 */
import { DefaultDeviceController, type MediaStreamBrokerObserver } from 'amazon-chime-sdk-js';

/** A DefaultDeviceController whose audio input can be a given stream, sent as it is. */
export class DirectAudioDeviceController extends DefaultDeviceController {
  private direct: MediaStream | undefined;
  private directMuted = false;
  /** The SDK's meeting controller registers here to hear of a new audio input. */
  private readonly brokerObservers = new Set<MediaStreamBrokerObserver>();

  override addMediaStreamBrokerObserver(observer: MediaStreamBrokerObserver): void {
    super.addMediaStreamBrokerObserver(observer);
    this.brokerObservers.add(observer);
  }

  override removeMediaStreamBrokerObserver(observer: MediaStreamBrokerObserver): void {
    super.removeMediaStreamBrokerObserver(observer);
    this.brokerObservers.delete(observer);
  }

  override acquireAudioInputStream(): Promise<MediaStream> {
    return this.direct ? Promise.resolve(this.direct) : super.acquireAudioInputStream();
  }

  override muteLocalAudioInputStream(): void {
    super.muteLocalAudioInputStream();
    this.directMuted = true;
    this.applyDirectMute();
  }

  override unmuteLocalAudioInputStream(): void {
    super.unmuteLocalAudioInputStream();
    this.directMuted = false;
    this.applyDirectMute();
  }

  /**
   * Sends `stream` as the audio input, as it is (undefined: the SDK's own input again). The caller
   * owns the stream and stops its tracks once it is no longer sent.
   */
  async sendDirect(stream: MediaStream | undefined): Promise<void> {
    this.direct = stream;
    this.applyDirectMute();
    const input = await this.acquireAudioInputStream();
    // The meeting (if one runs) puts the new track on its sender; before joining, it acquires it.
    // Its handler is async although the interface says void: a failure there is logged, not lost.
    for (const observer of [...this.brokerObservers])
      void Promise.resolve(observer.audioInputDidChange?.(input)).catch((error: unknown) =>
        console.warn('<connect-video-call>: the microphone could not be switched', error),
      );
  }

  private applyDirectMute(): void {
    for (const track of this.direct?.getAudioTracks() ?? []) track.enabled = !this.directMuted;
  }
}
