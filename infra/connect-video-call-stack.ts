/**
 * The whole production deployment in one stack: the backend (Lambda behind an HTTP API) and the
 * widget's CDN, with the snippet to paste as an output.
 */
import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { BackendApi } from './backend-api';
import { BackendMonitoring } from './backend-monitoring';
import { DeferredEnd } from './deferred-end';
import type { LoadedDeployment } from './deploy-config';
import { WidgetCdn } from './widget-cdn';

/** The validated deployment and the built widget folder the stack publishes. */
export interface ConnectVideoCallStackProps extends StackProps {
  deployment: LoadedDeployment;
  /** Absolute path of the built widget. */
  widgetDir: string;
}

/**
 * The production stack: backend API, deferred ends, monitoring and the widget CDN, with the embed
 * snippet as an output.
 */
export class ConnectVideoCallStack extends Stack {
  constructor(scope: Construct, id: string, props: ConnectVideoCallStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    const backend = new BackendApi(this, 'Backend', deployment);
    new DeferredEnd(this, 'DeferredEnd', { api: backend.fn });
    const monitoring = new BackendMonitoring(this, 'Monitoring', {
      api: backend.api,
      fn: backend.fn,
      logGroup: backend.logGroup,
      alarmTopicArn: deployment.config.alarmTopicArn,
      latencyP99AlarmMs: deployment.config.latencyP99AlarmMs,
    });
    const cdn = new WidgetCdn(this, 'Widget', {
      widgetDir: props.widgetDir,
      allowedOrigins: deployment.config.allowedOrigins,
      entryScriptMaxAgeSeconds: deployment.config.entryScriptMaxAgeSeconds,
    });
    const apiUrl = Fn.join('', [
      'https://',
      backend.api.apiId,
      '.execute-api.',
      this.region,
      '.',
      this.urlSuffix,
    ]);
    const scriptUrl = Fn.join('', [
      'https://',
      cdn.distribution.distributionDomainName,
      '/connect-video-call.js',
    ]);
    new CfnOutput(this, 'BackendUrl', { value: apiUrl, description: 'backend-url of the widget' });
    new CfnOutput(this, 'WidgetScriptUrl', { value: scriptUrl });
    new CfnOutput(this, 'DashboardName', {
      value: monitoring.dashboard.dashboardName,
      description: 'CloudWatch dashboard of the backend',
    });
    const entryPoint = deployment.entryPoints[0]?.id ?? 'default';
    new CfnOutput(this, 'Snippet', {
      description: 'Paste into your pages',
      value: Fn.join('', [
        '<script type="module" src="',
        scriptUrl,
        `"></script> <connect-video-call entry-point="${entryPoint}" backend-url="`,
        apiUrl,
        '"></connect-video-call>',
      ]),
    });
  }
}
