#!/usr/bin/env node
// Writes e2e/fixtures/scene.y4m, the camera of the background-effect browser tests: a head-and-
// shoulders figure (shaded face, hair, neck, shirt) in front of a detailed background (a bookshelf
// of striped, lettered book spines and a patterned wall), 240x180, three frames in which the figure
// sways by two pixels (Chromium loops the file as the fake camera). Also writes scene-regions.json:
// the boxes the tests measure (well inside the background, well inside the person).
import { writeFileSync } from 'node:fs';

const W = 240;
const H = 180;
const FRAMES = 3;
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;

/** The background: a patterned wall (left, right) and shelves of books with thin stripes. */
const background = new Uint8ClampedArray(W * H * 3);
const books = [];
for (let shelf = 0; shelf < 4; shelf++) {
  let x = 0;
  while (x < W) {
    const w = 5 + Math.floor(random() * 9);
    books.push({
      x,
      w,
      y: shelf * 45,
      h: 36 + Math.floor(random() * 8),
      c: [random(), random(), random()],
    });
    x += w + 1;
  }
}
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 3;
    // Wall: a fine checker with noise.
    const checker = ((x >> 1) + (y >> 1)) % 2 ? 200 : 150;
    let rgb = [checker, checker - 20, checker - 40];
    if (y % 45 >= 40) rgb = [90, 60, 30]; // shelf board
    for (const b of books)
      if (x >= b.x && x < b.x + b.w && y % 45 < b.h && y >= b.y && y < b.y + 45 && y % 45 < 40) {
        const stripe = (y + x) % 4 < 2 ? 1 : 0.45; // fine diagonal stripes
        const letter = (x - b.x) % 3 === 1 && y % 7 < 3 ? 0.3 : 1; // "lettering"
        rgb = b.c.map((c) => (40 + c * 200) * stripe * letter);
      }
    background.set(
      rgb.map((v) => Math.max(0, Math.min(255, v + (random() - 0.5) * 30))),
      i,
    );
  }

const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** The person at horizontal offset `dx`: RGB or null (background) for a pixel. */
function person(x, y, dx) {
  const cx = 120 + dx;
  // Shoulders and torso: a rounded block from y=128 down, a dark blue shirt with soft shading.
  if (
    y >= 128 &&
    Math.abs(x - cx) <= 70 - Math.max(0, 140 - y) * 1.2 &&
    inEllipse(x, y, cx, 190, 78, 66)
  )
    return [30, 50, 110].map((c) => c + 20 * Math.cos((x - cx) / 30));
  // Neck.
  if (y >= 100 && y < 135 && Math.abs(x - cx) <= 14) return [205, 160, 130];
  // Hair: above and around the top of the head.
  if (inEllipse(x, y, cx, 62, 37, 38) && (y < 52 || Math.abs(x - cx) > 30)) return [45, 30, 20];
  // Face: shaded skin with eyes, eyebrows and a mouth.
  if (inEllipse(x, y, cx, 72, 31, 40)) {
    if (inEllipse(x, y, cx - 12, 68, 5, 3) || inEllipse(x, y, cx + 12, 68, 5, 3))
      return [40, 30, 30];
    if (y >= 60 && y <= 61 && Math.abs(Math.abs(x - cx) - 12) <= 6) return [60, 40, 30];
    if (inEllipse(x, y, cx, 94, 9, 2.5)) return [150, 70, 70];
    const shade = 1 - 0.25 * (((x - cx) / 31) ** 2 + ((y - 72) / 40) ** 2);
    return [225 * shade, 180 * shade, 150 * shade];
  }
  return null;
}

const rgbToYuv = ([r, g, b]) => [
  0.299 * r + 0.587 * g + 0.114 * b,
  128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
  128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
];
const frames = [];
for (let f = 0; f < FRAMES; f++) {
  const dx = [0, 2, -2][f];
  const Y = new Uint8Array(W * H);
  const U = new Uint8Array((W / 2) * (H / 2));
  const V = new Uint8Array((W / 2) * (H / 2));
  const uvSum = new Float64Array((W / 2) * (H / 2) * 2);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      const rgb = person(x, y, dx) ?? [background[i], background[i + 1], background[i + 2]];
      const [yy, u, v] = rgbToYuv(rgb);
      Y[y * W + x] = Math.round(yy);
      const c = ((y >> 1) * (W / 2) + (x >> 1)) * 2;
      uvSum[c] += u / 4;
      uvSum[c + 1] += v / 4;
    }
  for (let c = 0; c < U.length; c++) {
    U[c] = Math.round(uvSum[c * 2]);
    V[c] = Math.round(uvSum[c * 2 + 1]);
  }
  frames.push(Buffer.from('FRAME\n'), Buffer.from(Y), Buffer.from(U), Buffer.from(V));
}
const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F15:1 Ip A1:1 C420jpeg\n`);
writeFileSync('e2e/fixtures/scene.y4m', Buffer.concat([header, ...frames]));
// Regions as fractions of the frame (the agent may receive another resolution): a strip of shelves
// at the top left and right, and the face/shirt middle.
const regions = {
  background: [
    { x: 0.02, y: 0.05, w: 0.22, h: 0.45 },
    { x: 0.76, y: 0.05, w: 0.22, h: 0.45 },
  ],
  person: [{ x: 0.42, y: 0.3, w: 0.16, h: 0.2 }],
};
writeFileSync('e2e/fixtures/scene-regions.json', `${JSON.stringify(regions, null, 2)}\n`);
console.log('e2e/fixtures/scene.y4m written');
