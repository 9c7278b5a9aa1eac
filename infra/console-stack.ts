// The web console in AWS: the built console/dist in a private S3 bucket, served only through a
// CloudFront distribution with Origin Access Control, and config.json written at deploy time with
// the API's URL (runtime config: the same build serves every stage). Build the console first
// (`npm run build:console`; `npm run synth` does it through its presynth hook).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  Stack,
  Token,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { consoleCsp } from './local/console-static';
import { REPO_ROOT } from './repo-root';

export interface ConsoleStackProps extends StackProps {
  /** Base URL of the API the console calls (the ApiStack's stage URL), written into config.json. */
  readonly apiUrl: string;
  /** @default console/dist in the repository (built by `npm run build:console`) */
  readonly distDir?: string;
  /** A custom domain for the console; needs `certificate` (in us-east-1). @default the CloudFront domain */
  readonly domainName?: string;
  /** @default none: only allowed together with `domainName` */
  readonly certificate?: acm.ICertificate;
  /** A WAF web ACL (ARN, scope CLOUDFRONT) to attach. @default none (see the acknowledgement below) */
  readonly webAclArn?: string;
  /** @default PriceClass.PRICE_CLASS_100 */
  readonly priceClass?: cloudfront.PriceClass;
}

/** Hashed bundles never change meaning; index.html and config.json must be fetched fresh. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * /share/{id} is the page a single-access link opens: the console's own index.html (the bucket has
 * no such object). Rewritten at the edge for that path shape only; anything else under share/ goes
 * to S3 as asked, and is refused there. The link's secret is in the fragment, never in a request.
 */
export const SHARE_PAGE_REWRITE = `function handler(event) {
  var request = event.request;
  if (/^\\/share\\/[A-Za-z0-9_-]{1,100}\\/?$/.test(request.uri)) request.uri = '/index.html';
  return request;
}`;

export class ConsoleStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** The console's origin, e.g. https://d111111abcdef8.cloudfront.net: add it to the API's consoleOrigins. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const distDir = props.distDir ?? join(REPO_ROOT, 'console', 'dist');
    if (!existsSync(join(distDir, 'index.html')))
      throw new Error(`${distDir}/index.html is missing: run \`npm run build:console\` before synth`);
    if (!!props.domainName !== !!props.certificate) throw new Error('domainName and certificate go together');

    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging still writes through bucket ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'API key console: strict CSP (self only, API calls to the API origin), no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleCsp(`'self' ${props.apiUrl}`),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behaviour = (cachePolicy: cloudfront.ICachePolicy): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy,
      responseHeadersPolicy: headers,
      compress: true,
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'API key service web console',
      defaultRootObject: 'index.html',
      // index.html and config.json: never served stale after a deploy.
      defaultBehavior: behaviour(cloudfront.CachePolicy.CACHING_DISABLED),
      additionalBehaviors: {
        'assets/*': behaviour(cloudfront.CachePolicy.CACHING_OPTIMIZED),
        'share/*': {
          ...behaviour(cloudfront.CachePolicy.CACHING_DISABLED),
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'SharePageRewrite', {
                comment: 'Serves index.html at /share/{id}, the single-access link page',
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                code: cloudfront.FunctionCode.fromInline(SHARE_PAGE_REWRITE),
              }),
            },
          ],
        },
      },
      domainNames: props.domainName ? [props.domainName] : undefined,
      certificate: props.certificate,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
    });
    this.url = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
    this.acknowledgeDistributionFindings(props);

    // Assets first and never pruned, so a browser still holding the previous index.html finds its
    // bundles; then index.html and config.json, which switch every new page load to the new build.
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [s3deploy.Source.asset(join(distDir, 'assets'))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(IMMUTABLE)],
      memoryLimit: 256,
    });
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      sources: [
        s3deploy.Source.asset(distDir, { exclude: ['assets', 'assets/*', '.build-hash'] }),
        s3deploy.Source.jsonData('config.json', { apiUrl: props.apiUrl.replace(/\/+$/, '') }),
      ],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(REVALIDATE)],
      distribution: this.distribution,
      distributionPaths: ['/', '/index.html', '/config.json'],
      memoryLimit: 256,
    });
    pages.node.addDependency(assets);
    this.acknowledgeDeploymentFindings();

    new CfnOutput(this, 'ConsoleUrl', { value: this.url });
    new CfnOutput(this, 'ConsoleBucketName', { value: this.bucket.bucketName });
  }

  private acknowledgeDistributionFindings(props: ConsoleStackProps): void {
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Operators work from anywhere; the console is static files and every API call it makes is authenticated by key and token, so a geo restriction would add no protection.',
    });
    if (!props.webAclArn)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves only static, public-by-design files (no secrets, GET/HEAD only); the API it calls has its own throttling. Pass webAclArn to attach an organisation-wide web ACL.',
      });
    if (!props.domainName)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose viewer TLS policy cannot be raised; with domainName and certificate the distribution enforces TLSv1.2_2021.',
      });
  }

  /**
   * BucketDeployment's copy function is a CDK-managed singleton: its role and runtime are not ours
   * to set. Each finding is acknowledged on that function alone, by its exact id, so a wildcard
   * anywhere else in this stack still fails synth.
   */
  private acknowledgeDeploymentFindings(): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment handler not found: aws-cdk-lib changed its layout');
    const siteArn = `<${this.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>`;
    const copying =
      'The CDK-managed BucketDeployment function copies the built console from the CDK asset bucket into the console bucket: aws-cdk-lib grants it these action and object wildcards, confined to those two buckets.';
    Validations.of(handler).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "The CDK-managed BucketDeployment function writes its own logs through AWSLambdaBasicExecutionRole; CDK does not expose that role's managed policies.",
      },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: copying,
      })),
      { id: `AwsSolutions-IAM5[Resource::${siteArn}/*]`, reason: copying },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${this.assetBucketName()}/*]`,
        reason: copying,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'cloudfront:CreateInvalidation (to refresh index.html and config.json after a deploy) supports no resource narrower than *.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'The BucketDeployment function runtime is pinned by aws-cdk-lib and moves with CDK upgrades; it runs only during deployments.',
      },
    );
  }

  /** The bootstrap asset bucket's name as cdk-nag prints it (account and region as placeholders when env-agnostic). */
  private assetBucketName(): string {
    const synthesizer = this.synthesizer as { bootstrapQualifier?: string };
    const qualifier = synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
    return `cdk-${qualifier}-assets-${account}-${region}`;
  }
}
