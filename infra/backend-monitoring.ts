/**
 * What operators watch in production: CloudWatch alarms on the backend (API 5xx, Connect throttling
 * the backend's calls, p99 latency, Lambda errors and throttles), each wired to an optional SNS
 * topic from the deploy config (alarm and recovery both notify), and one dashboard with the same
 * figures. Connect's throttling and faults are counted from the backend's own structured log
 * records (`event: "api-error"`, src/backend/routes/api-errors.ts) by metric filters on the
 * function's logs.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** The namespace of the metrics the backend's logs give. */
export const METRIC_NAMESPACE = 'ConnectVideoCall';
const PERIOD = Duration.minutes(5);

/** What the monitoring construct watches and where it sends alarms. */
export interface BackendMonitoringProps {
  api: HttpApi;
  fn: IFunction;
  logGroup: ILogGroup;
  /**
   * An existing SNS topic every alarm notifies (alarm and OK); none: the alarms only show in the
   * console.
   */
  alarmTopicArn?: string;
  /** p99 latency of the API above which the latency alarm fires. */
  latencyP99AlarmMs: number;
}

/**
 * The backend's CloudWatch alarms and dashboard, created from the API, the function and its logs.
 */
export class BackendMonitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: BackendMonitoringProps) {
    super(scope, id);
    const { api, fn } = props;
    const fromLogs = (name: string, pattern: string) => {
      new MetricFilter(this, `${name}Filter`, {
        logGroup: props.logGroup,
        filterPattern: FilterPattern.literal(pattern),
        metricNamespace: METRIC_NAMESPACE,
        metricName: name,
        metricValue: '1',
        defaultValue: 0,
      });
      return new Metric({
        namespace: METRIC_NAMESPACE,
        metricName: name,
        statistic: 'Sum',
        period: PERIOD,
      });
    };
    const connectThrottles = fromLogs(
      'ConnectThrottles',
      '{ $.event = "api-error" && $.fromConnect IS TRUE && $.status = 429 }',
    );
    const connectFaults = fromLogs(
      'ConnectFaults',
      '{ $.event = "api-error" && $.fromConnect IS TRUE && $.status >= 500 }',
    );
    const server5xx = api.metricServerError({ period: PERIOD, statistic: 'Sum' });
    const client4xx = api.metricClientError({ period: PERIOD, statistic: 'Sum' });
    const requests = api.metricCount({ period: PERIOD, statistic: 'Sum' });
    const latency = (statistic: string) => api.metricLatency({ period: PERIOD, statistic });
    const lambdaErrors = fn.metricErrors({ period: PERIOD, statistic: 'Sum' });
    const lambdaThrottles = fn.metricThrottles({ period: PERIOD, statistic: 'Sum' });

    const topic = props.alarmTopicArn
      ? Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn)
      : undefined;
    const alarm = (
      name: string,
      metric: IMetric,
      threshold: number,
      description: string,
      evaluationPeriods = 1,
    ) => {
      const a = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods,
        datapointsToAlarm: evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is not trouble: a quiet night must not page anyone.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      if (topic) {
        a.addAlarmAction(new SnsAction(topic));
        a.addOkAction(new SnsAction(topic));
      }
      this.alarms.push(a);
    };
    alarm(
      'Backend5xx',
      server5xx,
      5,
      'The widget backend answered 5xx at least 5 times in 5 minutes.',
    );
    alarm(
      'ConnectThrottles',
      connectThrottles,
      3,
      'Amazon Connect throttled the backend (ThrottlingException) at least 3 times in 5 minutes: customers cannot start calls. Ask for a higher StartWebRTCContact quota.',
    );
    alarm(
      'LatencyP99',
      latency('p99'),
      props.latencyP99AlarmMs,
      `p99 latency of the widget backend at or above ${props.latencyP99AlarmMs} ms for 15 minutes.`,
      3,
    );
    alarm('LambdaErrors', lambdaErrors, 1, 'The backend Lambda failed (errors or timeouts).');
    alarm('LambdaThrottles', lambdaThrottles, 1, 'The backend Lambda was throttled.');

    this.dashboard = new Dashboard(this, 'Dashboard', {
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 })],
        [
          new GraphWidget({
            title: 'API requests and errors',
            left: [requests, client4xx, server5xx],
            width: 8,
          }),
          new GraphWidget({
            title: 'API latency (ms)',
            left: [latency('p50'), latency('p90'), latency('p99')],
            width: 8,
          }),
          new GraphWidget({
            title: 'Amazon Connect: throttles and faults',
            left: [connectThrottles, connectFaults],
            width: 8,
          }),
        ],
        [
          new GraphWidget({
            title: 'Lambda invocations, errors, throttles',
            left: [fn.metricInvocations({ period: PERIOD }), lambdaErrors, lambdaThrottles],
            width: 12,
          }),
          new GraphWidget({
            title: 'Lambda duration (ms)',
            left: [
              fn.metricDuration({ period: PERIOD, statistic: 'p50' }),
              fn.metricDuration({ period: PERIOD, statistic: 'p99' }),
            ],
            width: 12,
          }),
        ],
      ],
    });
  }
}
