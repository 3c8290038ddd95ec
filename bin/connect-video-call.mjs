#!/usr/bin/env node
// The package's command-line tool: `connect-video-call start-web-rtc-contact ...`.
// The CLI is written in TypeScript; tsx (a runtime dependency) loads it without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
