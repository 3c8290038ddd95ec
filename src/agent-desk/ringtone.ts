/**
 * The ring of an incoming contact: a two-tone chime every two seconds, synthesized with Web Audio
 * (no audio file to load). Browsers allow it because signing in was a click on the page.
 */

/** Starts ringing; returns the function that stops it. */
export function startRinging(): () => void {
  const AudioCtx =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!AudioCtx) return () => {};
  const ctx = new AudioCtx();
  const chime = () => {
    const t = ctx.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.2, t + i * 0.35 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.35 + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + i * 0.35);
      osc.stop(t + i * 0.35 + 0.32);
    }
  };
  void ctx.resume().catch(() => undefined);
  chime();
  const timer = setInterval(chime, 2000);
  return () => {
    clearInterval(timer);
    void ctx.close().catch(() => undefined);
  };
}
