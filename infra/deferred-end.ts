/**
 * Deferred ends in production: a customer whose page went away (POST /api/calls/:id/away) gets an
 * item in a DynamoDB table (key contactId, due time, the customer's connection token; TTL attribute
 * `expiresAt` removes what nobody took). The API function may only put and delete items; a sweeper
 * Lambda, started every minute by an EventBridge rule and sweeping every 2 s for 55 s (one at a
 * time: reserved concurrency 1), may only scan and delete them, and ends each due contact with
 * DisconnectParticipant (authorised by the participant's token, not IAM). A customer back in time
 * deletes the item first (POST /back), so nothing ends.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, type Function as LambdaFn } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { join } from 'node:path';

/**
 * The deferred-end table and its sweeper Lambda; the API function `api` is granted put and delete
 * on the table.
 */
export class DeferredEnd extends Construct {
  readonly table: Table;
  readonly sweeper: NodejsFunction;

  constructor(scope: Construct, id: string, props: { api: LambdaFn }) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'contactId', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      encryption: TableEncryption.AWS_MANAGED,
      // Only customers away right now: nothing in it outlives a minute's interest.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    props.api.addEnvironment('DEFERRED_ENDS_TABLE', this.table.tableName);
    props.api.addEnvironment('DEFERRED_END_SWEEP', 'false');
    props.api.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [this.table.tableArn],
      }),
    );

    this.sweeper = new NodejsFunction(this, 'Sweeper', {
      logGroup: new LogGroup(this, 'SweeperLogs', { retention: RetentionDays.ONE_MONTH }),
      entry: join(import.meta.dirname, 'lambda', 'sweeper.ts'),
      handler: 'sweep',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(70),
      reservedConcurrentExecutions: 1,
      environment: { DEFERRED_ENDS_TABLE: this.table.tableName },
      bundling: { format: OutputFormat.CJS, target: 'node22' },
    });
    this.sweeper.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Scan', 'dynamodb:DeleteItem'],
        resources: [this.table.tableArn],
      }),
    );
    new Rule(this, 'EveryMinute', {
      description: 'connect-video-call: end the contacts whose customer did not come back',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.sweeper, { retryAttempts: 0 })],
    });
  }
}
