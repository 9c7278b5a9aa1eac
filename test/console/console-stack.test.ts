// The console's AWS stack: a private, encrypted, TLS-only bucket with access logs, reached only
// by CloudFront through Origin Access Control; the strict CSP; the built console and a generated
// config.json deployed; and no cdk-nag AwsSolutions finding left unacknowledged.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ensureConsoleBuilt } from '../../infra/local/console-build';
import { ConsoleStack } from '../../infra/console-stack';

const API_URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/';

describe('ConsoleStack', () => {
  let outdir: string;
  let app: App;
  let stack: ConsoleStack;
  let template: Template;

  beforeAll(async () => {
    await ensureConsoleBuilt();
    outdir = mkdtempSync(join(tmpdir(), 'console-cdk-'));
    app = new App({ outdir });
    stack = new ConsoleStack(app, 'ApiKeysConsole', {
      apiUrl: API_URL,
      env: { account: '111111111111', region: 'eu-west-1' },
    });
    template = Template.fromStack(stack);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('cdk-nag AwsSolutions reports nothing unacknowledged', () => {
    const { violations } = new AwsSolutionsChecks(app).validateScope(stack);

    expect(violations.map((v) => `${v.ruleName} at ${v.violatingResources[0]?.constructPath}`)).toEqual([]);
  });

  test('the site bucket is private, encrypted, TLS-only and access-logged', () => {
    const site = stack.getLogicalId(stack.bucket.node.defaultChild as never);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({}),
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/' }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ]),
      },
    });
  });

  test('CloudFront reaches the bucket through Origin Access Control, over HTTPS only, with logs', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  test('/share/{id} (a single-access link) serves index.html, uncached, with the same headers', () => {
    // Arrange: the distribution's share/* behaviour and the edge function it runs
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    if (!distribution) throw new Error('no CloudFront distribution in the console stack');
    const behaviours = distribution.Properties.DistributionConfig.CacheBehaviors as Array<
      Record<string, any>
    >;
    const share = behaviours.find((b) => b.PathPattern === 'share/*');
    const defaults = distribution.Properties.DistributionConfig.DefaultCacheBehavior;
    const [fn] = Object.entries(template.findResources('AWS::CloudFront::Function'));
    const code = fn![1].Properties.FunctionCode as string;
    const rewrite = (uri: string): string =>
      new Function(`${code}; return handler({ request: { uri: ${JSON.stringify(uri)} } }).uri;`)();

    // Assert: index.html for the link's page only, like the default behaviour in every header
    expect(share).toMatchObject({
      CachePolicyId: defaults.CachePolicyId,
      ResponseHeadersPolicyId: defaults.ResponseHeadersPolicyId,
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fn![0], 'FunctionARN'] } },
      ],
    });
    expect(fn![1].Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(rewrite('/share/AbCdEfGhIjKlMnOpQr_-12')).toBe('/index.html');
    expect(rewrite('/share/AbCdEfGhIjKlMnOpQr_-12/')).toBe('/index.html');
    expect(rewrite('/share/a/b')).toBe('/share/a/b');
    expect(rewrite('/share/..%2Fconfig.json')).toBe('/share/..%2Fconfig.json');
    expect(rewrite('/assets/app.js')).toBe('/assets/app.js');
  });

  test('responses carry the strict CSP, with API calls allowed to the API only', () => {
    const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    const csp = JSON.stringify(policies);

    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${API_URL}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  test('the built console and a config.json with the API URL are deployed', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 2);
    const staged = readdirSync(outdir)
      .filter((name) => name.startsWith('asset.') && !name.endsWith('.zip'))
      .map((name) => join(outdir, name));
    const configs = staged.filter((dir) => existsSync(join(dir, 'config.json')));
    expect(configs.map((dir) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')))).toEqual([
      { apiUrl: API_URL.replace(/\/$/, '') },
    ]);
    const pages = staged.find((dir) => existsSync(join(dir, 'index.html')));
    expect(pages && readdirSync(pages).sort()).toEqual(['index.html']);
    const assets = staged.find((dir) => readdirSync(dir).some((f) => /^app-.*\.js$/.test(f)));
    expect(assets).toBeDefined();
  });

  test('synth refuses to deploy a console that was never built', () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-empty-'));

    expect(() => new ConsoleStack(new App(), 'Unbuilt', { apiUrl: API_URL, distDir: empty })).toThrow(
      /npm run build:console/,
    );
    rmSync(empty, { recursive: true, force: true });
  });

  test('a custom domain needs its certificate', () => {
    expect(
      () => new ConsoleStack(new App(), 'NoCert', { apiUrl: API_URL, domainName: 'console.example.com' }),
    ).toThrow(/certificate/);
  });
});
