/**
 * Keeps dependencies' runtime warnings (the AWS SDK's NodeVersionSupportWarning on Node 20,
 * deprecations, experimental notices) off the command's output, which scripts parse like the AWS
 * CLI's. Imported first by main.ts, so it is in place before any dependency loads; with --debug the
 * warnings are still printed, marked as such.
 */
const debug = process.argv.includes('--debug');

// Node prints warnings from a default 'warning' listener; replacing it is the documented way to
// take over.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (debug)
    process.stderr.write(
      `[debug] warning from a dependency: ${warning.name}: ${warning.message}\n`,
    );
});
