/**
 * The CDK app `npm run deploy` runs: reads infra/deploy.config.json (or `-c config=<file>`), checks
 * that the widget is built, and defines the stack in the instance's account and region.
 */
import { App } from 'aws-cdk-lib';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConnectVideoCallStack } from './connect-video-call-stack';
import { loadDeployment } from './deploy-config';

const app = new App();
const root = resolve(import.meta.dirname, '..');
const configPath = resolve(
  root,
  String(app.node.tryGetContext('config') ?? 'infra/deploy.config.json'),
);
if (!existsSync(configPath))
  throw new Error(
    `No deployment configuration at ${configPath}: copy infra/deploy.config.example.json there and fill it in.`,
  );
const deployment = loadDeployment(configPath);
const widgetDir = resolve(root, deployment.config.widgetDir);
if (!existsSync(join(widgetDir, 'connect-video-call.js')))
  throw new Error(`The widget is not built in ${widgetDir}: run npm run build first.`);

new ConnectVideoCallStack(app, deployment.config.stackName, {
  deployment,
  widgetDir,
  env: { account: deployment.account, region: deployment.region },
});
