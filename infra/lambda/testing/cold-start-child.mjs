// One Lambda cold start, in a fresh Node process: load the bundled handler (CommonJS, as Lambda's
// runtime loads it), then answer two POST /api/calls events, printing the times as one JSON line.
// Plain JavaScript run by node itself: no TypeScript loader adds its own start-up to the figure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [bundle, eventsFile] = process.argv.slice(2);
const load = createRequire(import.meta.url);
const t0 = performance.now();
const { handler } = load(bundle);
const loaded = performance.now();
const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
const first = await handler(events[0], {});
const firstDone = performance.now();
const second = await handler(events[1], {});
const secondDone = performance.now();
console.log(
  JSON.stringify({
    loadMs: loaded - t0,
    firstMs: firstDone - loaded,
    secondMs: secondDone - firstDone,
    statuses: [first.statusCode, second.statusCode],
    // What a refusal said, for the bench's error message.
    errors: [first, second].filter((r) => r.statusCode >= 400).map((r) => r.body),
  }),
);
