/**
 * The widget's files on S3 behind CloudFront: hashed chunks and assets cached for a year
 * (immutable), the entry scripts (connect-video-call.js, react.js) for a few minutes so a new
 * release reaches sites quickly. Only the widget is published (no demo site, no source maps). CORS
 * lets the configured origins load it as a module script.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/**
 * The built widget to publish, the sites allowed to load it, and how long browsers may cache the
 * entry scripts.
 */
export interface WidgetCdnProps {
  widgetDir: string;
  allowedOrigins: string[];
  entryScriptMaxAgeSeconds: number;
}

const HASHED = ['chunks/*', 'assets/*'];
const NOT_PUBLISHED = ['site', 'site/*', '*.map', '**/*.map'];
const YEAR = Duration.days(365);

/**
 * The widget's S3 bucket and CloudFront distribution (see the file comment for the caching rules).
 */
export class WidgetCdn extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WidgetCdnProps) {
    super(scope, id);
    const bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const entryTtl = Duration.seconds(props.entryScriptMaxAgeSeconds);
    const cachePolicy = (name: string, ttl: Duration) =>
      new cloudfront.CachePolicy(this, name, {
        comment: `connect-video-call ${name}`,
        minTtl: ttl,
        defaultTtl: ttl,
        maxTtl: ttl,
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      });
    const cors = new cloudfront.ResponseHeadersPolicy(this, 'Cors', {
      corsBehavior: {
        accessControlAllowOrigins: props.allowedOrigins,
        accessControlAllowMethods: ['GET', 'HEAD'],
        accessControlAllowHeaders: ['*'],
        accessControlAllowCredentials: false,
        accessControlMaxAge: Duration.days(1),
        originOverride: true,
      },
    });
    const behavior = (policy: cloudfront.ICachePolicy): cloudfront.BehaviorOptions => ({
      origin: S3BucketOrigin.withOriginAccessControl(bucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: policy,
      responseHeadersPolicy: cors,
      compress: true,
    });
    const hashed = cachePolicy('HashedFiles', YEAR);
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'connect-video-call widget',
      defaultBehavior: behavior(cachePolicy('EntryScripts', entryTtl)),
      additionalBehaviors: Object.fromEntries(HASHED.map((path) => [path, behavior(hashed)])),
    });

    // Two uploads, each with the Cache-Control browsers see; neither prunes the other's files.
    new BucketDeployment(this, 'UploadHashed', {
      destinationBucket: bucket,
      sources: [
        Source.asset(props.widgetDir, {
          exclude: ['*', '!chunks', '!chunks/**', '!assets', '!assets/**', ...NOT_PUBLISHED],
        }),
      ],
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(YEAR), CacheControl.immutable()],
      prune: false,
    });
    new BucketDeployment(this, 'UploadEntries', {
      destinationBucket: bucket,
      sources: [
        Source.asset(props.widgetDir, { exclude: ['*', '!connect-video-call.js', '!react.js'] }),
      ],
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(entryTtl)],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/connect-video-call.js', '/react.js'],
    });
  }
}
