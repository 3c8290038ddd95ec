/**
 * The widget's backend as a Lambda (createLambdaHandler, bundled from infra/lambda/handler.ts)
 * behind an API Gateway HTTP API at /api/*. Its role may call exactly the Connect actions the
 * backend uses (StartWebRTCContact, DescribeContact) on the configured instance only; the
 * Participant Service calls (CreateParticipantConnection, SendMessage, DisconnectParticipant) are
 * authorised by the participant's own tokens, not IAM. The two secrets live in Secrets Manager; the
 * function gets their ARNs.
 */
import { CfnOutput, Duration } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { LoadedDeployment } from './deploy-config';
import { API_BUNDLING } from './lambda/api-bundling';

/** The Connect actions the backend calls (src/backend/connect-gateway.ts), nothing more. */
export const CONNECT_ACTIONS = [
  'connect:StartWebRTCContact',
  'connect:DescribeContact',
  'connect:DescribeQueue',
  'connect:UpdateContactAttributes',
] as const;

/**
 * The backend Lambda, its HTTP API and its log group, with least-privilege access to Connect and
 * the two secrets.
 */
export class BackendApi extends Construct {
  readonly api: HttpApi;
  readonly fn: NodejsFunction;
  /** The function's logs (structured JSON, one record per line: see src/backend/logging.ts). */
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, deployment: LoadedDeployment) {
    super(scope, id);
    const { config, entryPoints } = deployment;
    const secret = (name: string, description: string) =>
      new Secret(this, name, {
        description,
        generateSecretString: { passwordLength: 48, excludePunctuation: true },
      });
    const sessionSecret = secret(
      'SessionSecret',
      'connect-video-call SESSION_SECRET: signs the call tokens the widget holds',
    );
    const customerJwtSecret = secret(
      'CustomerJwtSecret',
      'connect-video-call CUSTOMER_JWT_SECRET: your website signs customer tokens with it',
    );

    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const fn = new NodejsFunction(this, 'Handler', {
      logGroup: this.logGroup,
      entry: join(import.meta.dirname, 'lambda', 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(15),
      environment: {
        CONNECT_MODE: 'aws',
        ALLOWED_ORIGINS: config.allowedOrigins.join(','),
        ENTRY_POINTS_FILE: 'entry-points.json',
        REQUIRE_CUSTOMER_JWT: String(config.requireCustomerJwt),
        SESSION_SECRET_ARN: sessionSecret.secretArn,
        CUSTOMER_JWT_SECRET_ARN: customerJwtSecret.secretArn,
      },
      bundling: {
        format: API_BUNDLING.format as OutputFormat,
        target: API_BUNDLING.target,
        externalModules: [...API_BUNDLING.external],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_in: string, out: string) => [
            `cp "${deployment.entryPointsPath}" "${out}/entry-points.json"`,
          ],
        },
      },
    });
    this.fn = fn;
    sessionSecret.grantRead(fn);
    customerJwtSecret.grantRead(fn);
    const instance = config.connectInstanceArn;
    const flows = [...new Set(entryPoints.map((ep) => ep.contactFlowId))];
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['connect:StartWebRTCContact'],
        resources: [
          `${instance}/contact/*`,
          ...flows.map((flow) => `${instance}/contact-flow/${flow}`),
        ],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['connect:DescribeContact'],
        resources: [`${instance}/contact/*`],
      }),
    );
    // Only to store the customer's rating of an ended call (once, with that call's own token), and
    // the cvc-away-until attribute the agent sees while the customer's page is away.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['connect:UpdateContactAttributes'],
        resources: [`${instance}/contact/*`],
      }),
    );
    // Only to name the queue the customer waits in (the backend degrades to no name without it).
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['connect:DescribeQueue'],
        resources: [`${instance}/queue/*`],
      }),
    );

    this.api = new HttpApi(this, 'Api', {
      description: 'connect-video-call widget backend',
      corsPreflight: {
        allowOrigins: config.allowedOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: ['content-type', 'authorization'],
        maxAge: Duration.minutes(10),
      },
    });
    this.api.addRoutes({
      path: '/api/{proxy+}',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: new HttpLambdaIntegration('Lambda', fn),
    });
    new CfnOutput(this, 'CustomerJwtSecretArn', {
      value: customerJwtSecret.secretArn,
      description: 'Read CUSTOMER_JWT_SECRET here to sign customer tokens on your website',
    });
  }
}
