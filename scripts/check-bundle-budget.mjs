#!/usr/bin/env node
// `npm run check:budget` (a step of `npm test`, right after the build): prints the gzip size of
// every chunk a customer downloads before a call is joined and fails (exit 1) when a budget of
// scripts/bundle-budget.mjs is exceeded, for the script-tag build and for the React component's
// build (React is the host's there).
import { inBuild } from './build-dir.mjs';
import { existsSync } from 'node:fs';
import { budgetViolations, describeReport, readReport } from './bundle-budget.mjs';

const builds = [
  {
    title: 'Script-tag widget (dist/connect-video-call.js)',
    path: inBuild('.vite/bundle-report.json'),
  },
  {
    title: 'React component (dist/react.js, React from the host)',
    path: inBuild('.vite/react-bundle-report.json'),
  },
];
let failed = false;
for (const { title, path } of builds) {
  if (!existsSync(path)) {
    console.error(`bundle budget: ${path} is missing (run the widget build first).`);
    failed = true;
    continue;
  }
  const grouped = readReport(path);
  console.log(describeReport(title, grouped).join('\n'));
  for (const v of budgetViolations(grouped)) {
    console.error(`bundle budget exceeded: ${title}: ${v}`);
    failed = true;
  }
}
console.log(failed ? 'bundle budget: FAILED' : 'bundle budget: ok');
process.exit(failed ? 1 : 0);
