/**
 * The deployment synthesized offline (no AWS account, no bundling) and checked on its
 * CloudFormation template: least-privilege IAM on the configured instance, CORS from configuration,
 * secrets from Secrets Manager, cache lifetimes, and what the widget upload contains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECT_ACTIONS } from './backend-api';
import { ConnectVideoCallStack } from './connect-video-call-stack';
import { resolveDeployment } from './deploy-config';

const INSTANCE =
  'arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-3333-4444-555555555555';
const ORIGINS = ['https://www.shop.example', 'https://m.shop.example'];
let dir: string;
let template: Template;
let outdir: string;

function fixture() {
  dir = mkdtempSync(join(tmpdir(), 'cvc-infra-'));
  const widget = join(dir, 'dist');
  for (const sub of ['chunks', 'assets', 'site']) mkdirSync(join(widget, sub), { recursive: true });
  for (const f of [
    'connect-video-call.js',
    'react.js',
    'connect-video-call.js.map',
    'chunks/call-ui-Ab12Cd.js',
    'chunks/call-ui-Ab12Cd.js.map',
    'assets/widget-Ef34.css',
    'site/index.html',
  ])
    writeFileSync(join(widget, f), `/* ${f} */`);
  writeFileSync(
    join(dir, 'entry-points.json'),
    JSON.stringify([
      {
        id: 'support',
        instanceId: '11111111-2222-3333-4444-555555555555',
        contactFlowId: 'flow-a',
      },
      { id: 'sales', instanceId: INSTANCE, contactFlowId: 'flow-b' },
    ]),
  );
  return widget;
}

const config = (over: Record<string, unknown> = {}) => ({
  connectInstanceArn: INSTANCE,
  allowedOrigins: ORIGINS,
  entryPointsFile: 'entry-points.json',
  ...over,
});

let widgetDir: string;

/** Synthesizes the stack for a configuration (offline: no bundling, no AWS account). */
function synth(over: Record<string, unknown> = {}, out = join(dir, `cdk.out-${Date.now()}`)) {
  // No bundling stacks: the Lambda is not built, so synthesis needs neither esbuild nor Docker.
  const app = new App({ outdir: out, context: { 'aws:cdk:bundling-stacks': [] } });
  const deployment = resolveDeployment(config(over), dir);
  const stack = new ConnectVideoCallStack(app, 'Test', {
    deployment,
    widgetDir,
    env: { account: deployment.account, region: deployment.region },
  });
  return Template.fromStack(stack);
}

beforeAll(() => {
  widgetDir = fixture();
  outdir = join(dir, 'cdk.out');
  template = synth({}, outdir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backendStatements = () => {
  const roles = template.findResources('AWS::IAM::Role', {
    Properties: {
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'lambda.amazonaws.com' } }] },
    },
  });
  const fnRole = Object.entries(
    template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
  )[0]?.[1].Properties.Role['Fn::GetAtt'][0];
  expect(Object.keys(roles)).toContain(fnRole);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
    p.Properties.Roles.some((r: { Ref: string }) => r.Ref === fnRole),
  );
  return policies.flatMap(
    (p) =>
      p.Properties.PolicyDocument.Statement as Array<{
        Action: string | string[];
        Resource: unknown;
      }>,
  );
};
const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

describe('the backend', () => {
  it('may call exactly the Connect actions the gateway uses, with no wildcard action', () => {
    const statements = backendStatements();
    const actions = statements.flatMap((s) => list(s.Action));
    for (const action of actions) expect(action).not.toContain('*');
    expect(actions.filter((a) => a.startsWith('connect:')).sort()).toEqual(
      [...CONNECT_ACTIONS].sort(),
    );
  });

  it("may use them only on the configured instance and its entry points' flows", () => {
    const connect = backendStatements().filter((s) =>
      list(s.Action).some((a) => a.startsWith('connect:')),
    );
    const resources = connect.flatMap((s) => list(s.Resource as string | string[]));
    for (const r of resources) expect(r.startsWith(`${INSTANCE}/`)).toBe(true);
    expect(resources.sort()).toEqual([
      `${INSTANCE}/contact-flow/flow-a`,
      `${INSTANCE}/contact-flow/flow-b`,
      `${INSTANCE}/contact/*`,
      `${INSTANCE}/contact/*`,
      `${INSTANCE}/contact/*`,
      `${INSTANCE}/queue/*`,
    ]);
  });

  it('reads its two secrets from Secrets Manager by ARN, never as values', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    const env = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
    )[0]?.Properties.Environment.Variables;
    expect(env).toMatchObject({
      CONNECT_MODE: 'aws',
      ALLOWED_ORIGINS: ORIGINS.join(','),
      SESSION_SECRET_ARN: { Ref: expect.any(String) },
      CUSTOMER_JWT_SECRET_ARN: { Ref: expect.any(String) },
    });
    expect(env).not.toHaveProperty('SESSION_SECRET');
    expect(env).not.toHaveProperty('CUSTOMER_JWT_SECRET');
    const secretActions = backendStatements().filter((s) =>
      list(s.Action).some((a) => a.startsWith('secretsmanager:')),
    );
    expect(secretActions.flatMap((s) => list(s.Action)).sort()).toEqual([
      'secretsmanager:DescribeSecret',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'secretsmanager:GetSecretValue',
    ]);
  });

  it('runs on Node 22 behind an HTTP API at /api/* whose CORS origins come from the configuration', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: { AllowOrigins: ORIGINS, AllowMethods: ['GET', 'POST', 'OPTIONS'] },
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(routes).toEqual(['GET /api/{proxy+}', 'POST /api/{proxy+}']);
  });
});

describe('deferred ends (the grace period of a customer whose page went away)', () => {
  const statementsOf = (handler: string) => {
    const fn = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Handler: handler } }),
    )[0];
    const role = fn?.Properties.Role['Fn::GetAtt'][0];
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap(
        (p) =>
          p.Properties.PolicyDocument.Statement as Array<{
            Action: string | string[];
            Resource: unknown;
          }>,
      );
  };
  const tableArn = () => ({
    'Fn::GetAtt': [Object.keys(template.findResources('AWS::DynamoDB::Table'))[0], 'Arn'],
  });

  it('keeps them in one DynamoDB table keyed by contact, with a TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'contactId', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('lets the API function only put and delete items of that table, and not sweep', () => {
    const env = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
    )[0]?.Properties.Environment.Variables;
    expect(env).toMatchObject({
      DEFERRED_ENDS_TABLE: { Ref: expect.any(String) },
      DEFERRED_END_SWEEP: 'false',
    });
    const dynamo = statementsOf('index.handler').filter((s) =>
      list(s.Action).some((a) => a.startsWith('dynamodb:')),
    );
    expect(dynamo).toEqual([
      {
        Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        Effect: 'Allow',
        Resource: tableArn(),
      },
    ]);
  });

  it('sweeps in its own Lambda, one at a time, every minute, with scan and delete only', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.sweep',
      Runtime: 'nodejs22.x',
      ReservedConcurrentExecutions: 1,
      Timeout: 70,
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
    });
    const actions = statementsOf('index.sweep').flatMap((s) => list(s.Action));
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:Scan',
    ]);
    for (const a of actions) expect(a.startsWith('connect:') || a.includes('*')).toBe(false);
  });
});

describe('the widget CDN', () => {
  const policyTtl = (name: string) =>
    Object.entries(template.findResources('AWS::CloudFront::CachePolicy')).find(([id]) =>
      id.includes(name),
    )!;

  it('caches hashed chunks for a year and the entry script for five minutes', () => {
    const [hashedId, hashed] = policyTtl('HashedFiles');
    const [entryId, entry] = policyTtl('EntryScripts');
    expect(hashed.Properties.CachePolicyConfig).toMatchObject({
      DefaultTTL: 31_536_000,
      MinTTL: 31_536_000,
      MaxTTL: 31_536_000,
    });
    expect(entry.Properties.CachePolicyConfig).toMatchObject({
      DefaultTTL: 300,
      MinTTL: 300,
      MaxTTL: 300,
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          CachePolicyId: { Ref: entryId },
          ViewerProtocolPolicy: 'redirect-to-https',
        }),
        CacheBehaviors: [
          Match.objectLike({ PathPattern: 'chunks/*', CachePolicyId: { Ref: hashedId } }),
          Match.objectLike({ PathPattern: 'assets/*', CachePolicyId: { Ref: hashedId } }),
        ],
      }),
    });
    const metadata = Object.values(template.findResources('Custom::CDKBucketDeployment'))
      .map((d) => d.Properties.SystemMetadata['cache-control'])
      .sort();
    expect(metadata).toEqual(['public, max-age=300', 'public, max-age=31536000, immutable']);
  });

  it('lets only the configured origins load the widget (CORS) from a private bucket', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        CorsConfig: Match.objectLike({
          AccessControlAllowOrigins: { Items: ORIGINS },
          AccessControlAllowCredentials: false,
        }),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('uploads the widget only: no demo site, no source maps', () => {
    const staged = readdirSync(outdir)
      .filter((d) => d.startsWith('asset.'))
      .map((d) => join(outdir, d));
    const uploads = staged.filter(
      (d) => existsSync(join(d, 'connect-video-call.js')) || existsSync(join(d, 'chunks')),
    );
    const files = uploads.flatMap((d) => readdirSync(d, { recursive: true }).map(String)).sort();
    expect(files).toEqual([
      'assets',
      'assets/widget-Ef34.css',
      'chunks',
      'chunks/call-ui-Ab12Cd.js',
      'connect-video-call.js',
      'react.js',
    ]);
  });
});

describe('the deployment configuration', () => {
  it.each([
    [
      'a wildcard instance',
      { connectInstanceArn: 'arn:aws:connect:eu-west-2:123456789012:instance/*' },
      /connectInstanceArn/,
    ],
    ['any origin', { allowedOrigins: ['*'] }, /must be an origin[\s\S]*allowedOrigins/],
    [
      'an origin with a path',
      { allowedOrigins: ['https://shop.example/path'] },
      /must be an origin/,
    ],
    ['no origin', { allowedOrigins: [] }, /allowedOrigins/],
    ['an unknown field', { region: 'eu-west-2' }, /region/],
    ['an alarm topic that is not an SNS ARN', { alarmTopicArn: 'my-topic' }, /alarmTopicArn/],
  ])('refuses %s', (_what, over, message) => {
    expect(() => resolveDeployment(config(over), dir)).toThrow(message);
  });

  it('refuses an entry point on another instance than the one the policy allows', () => {
    writeFileSync(
      join(dir, 'other.json'),
      JSON.stringify([
        { id: 'x', instanceId: '99999999-2222-3333-4444-555555555555', contactFlowId: 'f' },
      ]),
    );
    expect(() => resolveDeployment(config({ entryPointsFile: 'other.json' }), dir)).toThrow(
      /"x" use another instance/,
    );
  });
});

describe('operations', () => {
  const TOPIC = 'arn:aws:sns:eu-west-2:123456789012:cvc-alarms';
  const alarmOn = (t: Template, namespace: string, metricName: string) =>
    Object.values(
      t.findResources('AWS::CloudWatch::Alarm', {
        Properties: { Namespace: namespace, MetricName: metricName },
      }),
    ) as Array<{ Properties: Record<string, unknown> }>;

  it('alarms on API 5xx, Connect throttling, p99 latency and Lambda errors and throttles', () => {
    const [fivexx] = alarmOn(template, 'AWS/ApiGateway', '5xx');
    expect(fivexx?.Properties).toMatchObject({ Statistic: 'Sum', Threshold: 5, Period: 300 });
    const [latency] = alarmOn(template, 'AWS/ApiGateway', 'Latency');
    expect(latency?.Properties).toMatchObject({
      ExtendedStatistic: 'p99',
      Threshold: 3000,
      EvaluationPeriods: 3,
    });
    expect(alarmOn(template, 'ConnectVideoCall', 'ConnectThrottles')).toHaveLength(1);
    expect(alarmOn(template, 'AWS/Lambda', 'Errors')).toHaveLength(1);
    expect(alarmOn(template, 'AWS/Lambda', 'Throttles')).toHaveLength(1);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 5);
    // Without a topic in the configuration, the alarms notify nobody.
    for (const a of Object.values(template.findResources('AWS::CloudWatch::Alarm')))
      expect(a.Properties.AlarmActions).toBeUndefined();
  });

  it("counts Connect's throttles from the backend's structured log records, on the function's logs", () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.event = "api-error" && $.fromConnect IS TRUE && $.status = 429 }',
      MetricTransformations: [
        Match.objectLike({ MetricNamespace: 'ConnectVideoCall', MetricName: 'ConnectThrottles' }),
      ],
      LogGroupName: Match.anyValue(),
    });
    const [logGroupId] = Object.keys(template.findResources('AWS::Logs::LogGroup'));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: logGroupId } },
    });
  });

  it('has a dashboard of the same figures', () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const figure of ['5xx', 'Latency', 'p99', 'ConnectThrottles', 'Errors', 'Duration'])
      expect(body).toContain(figure);
  });

  it('notifies the SNS topic of the configuration on alarm and on recovery', () => {
    const withTopic = synth({ alarmTopicArn: TOPIC, latencyP99AlarmMs: 1500 });
    const alarms = Object.values(withTopic.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(5);
    for (const a of alarms) {
      expect(a.Properties.AlarmActions).toEqual([TOPIC]);
      expect(a.Properties.OKActions).toEqual([TOPIC]);
    }
    expect(alarmOn(withTopic, 'AWS/ApiGateway', 'Latency')[0]?.Properties.Threshold).toBe(1500);
  }, 120_000);
});
