/**
 * The built-in background images, drawn on a canvas when first used (no file to download or to
 * allow in a Content-Security-Policy): "calm" (a soft blue gradient with out-of-focus light discs)
 * and "warm" (a sunlit room: warm wall, a window, a plant-green shape). Plain enough not to
 * distract.
 */

/** The names the engine accepts as `builtin:<name>`. */
export const BUILT_IN_NAMES = ['calm', 'warm'] as const;

/** Draws built-in background `name` at 640×360 (drawn scaled to the frame, like any image). */
export function drawBuiltInBackground(name: string, doc: Document = document): HTMLCanvasElement {
  const c = doc.createElement('canvas');
  c.width = 640;
  c.height = 360;
  const ctx = c.getContext('2d')!;
  if (name === 'warm') {
    const wall = ctx.createLinearGradient(0, 0, 640, 360);
    wall.addColorStop(0, '#f3d9b1');
    wall.addColorStop(1, '#d9a66f');
    ctx.fillStyle = wall;
    ctx.fillRect(0, 0, 640, 360);
    ctx.fillStyle = '#fff4dc';
    ctx.fillRect(420, 40, 170, 200);
    ctx.fillStyle = '#e7c48f';
    ctx.fillRect(500, 40, 10, 200);
    ctx.fillRect(420, 135, 170, 10);
    ctx.fillStyle = '#6f8f4e';
    ctx.beginPath();
    ctx.ellipse(90, 250, 60, 90, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#8a5a3b';
    ctx.fillRect(0, 320, 640, 40);
    return c;
  }
  const sky = ctx.createLinearGradient(0, 0, 0, 360);
  sky.addColorStop(0, '#9cc7f0');
  sky.addColorStop(1, '#2f6db3');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, 640, 360);
  for (const [x, y, r] of [
    [90, 80, 60],
    [540, 110, 80],
    [320, 300, 90],
    [200, 220, 40],
  ] as const) {
    const disc = ctx.createRadialGradient(x, y, 0, x, y, r);
    disc.addColorStop(0, 'rgba(255,255,255,0.35)');
    disc.addColorStop(1, 'rgba(255,255,255,0)');
    ctx.fillStyle = disc;
    ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
  }
  return c;
}
