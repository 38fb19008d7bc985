import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKeyOf } from '#functions/http/contract.ts';
import { routes as allRoutes } from '#functions/routes.ts';

/** What a deployed stack serves: every route but the resident's, which wait for the city's DigiD broker (v1.2). */
const routes = allRoutes.filter((route) => route.callers !== 'residents');

import { ROLES } from '#shared/domain/access.ts';
import { buildApp } from '../../infra/app.ts';
import { cities, cityConfig, cityIds } from '../../infra/cities.ts';
import { ensureWebBuild } from '../../infra/web-assets.ts';

const outdirs: string[] = [];
const synth = (city: string) => {
  const outdir = mkdtempSync(join(tmpdir(), 'wijkteams-stack-test-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { city, 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(buildApp(app));
};
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

let template: Template;
beforeAll(async () => {
  // The stack deploys the built web client: synthesis needs it built (as `cdk synth` builds it first).
  await ensureWebBuild();
  template = synth('enschede');
}, 120_000);

describe('the city stack', () => {
  it('keeps the single table safe: on demand, PITR, deletion protection, retained, encrypted with its own key, TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
          }),
          Match.objectLike({
            IndexName: 'gsi2',
            KeySchema: [
              { AttributeName: 'gsi2pk', KeyType: 'HASH' },
              { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
            ],
          }),
          // The name index's third word (api.md 1.1 search): one index added to a deployed 1.0 table, as CloudFormation allows per update.
          Match.objectLike({
            IndexName: 'gsi3',
            KeySchema: [
              { AttributeName: 'gsi3pk', KeyType: 'HASH' },
              { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
            ],
          }),
        ],
      }),
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('runs every function on Node.js 24, arm64, with JSON logs, tracing and the city configuration', () => {
    const functions = template.findResources('AWS::Lambda::Function', { Metadata: { 'wijkteams:function': Match.anyValue() } });
    // One function per concern behind the API, and the flow's task function.
    expect(
      Object.values(functions)
        .map((fn) => fn.Metadata['wijkteams:function'])
        .sort(),
    ).toEqual([...new Set(routes.map((r) => r.fn)), 'flow'].sort());
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        LoggingConfig: { LogFormat: 'JSON' },
        TracingConfig: { Mode: 'Active' },
      });
      const config = JSON.parse(fn.Properties.Environment.Variables.CITY_CONFIG);
      expect(config).toMatchObject({ cityId: 'enschede', decisionSlaHours: 72 });
      expect(config.teams.map((t: { id: string }) => t.id)).toContain('velve-lindenhof');
    }
  });

  it('gives the look-up key only to the functions that hash BSNs and addresses', () => {
    const withKey = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { LOOKUP_KEY_SECRET_ARN: Match.anyValue() } } },
    });
    // Signals hash the partner's BSN and address to find the household, and help accepted registers an intake; break-glass finds
    // the household by BSN or address; the BRP look-up logs under the found people's keyed BSN hashes.
    expect(Object.values(withKey).map((fn) => fn.Metadata['wijkteams:function'])).toEqual([
      'intakes',
      'registry',
      'breakglass',
      'signals',
      'brp',
    ]);
    // A city without a BRP configured: the brp function has no endpoint, and answers 503 brp_unavailable.
    const brp = Object.values(withKey).find((fn) => fn.Metadata['wijkteams:function'] === 'brp');
    expect(brp?.Properties.Environment.Variables.BRP_URL).toBeUndefined();
    // The resident's view is not deployed until the city's DigiD broker is federated (it is served locally only).
    expect(Object.values(withKey).map((fn) => fn.Metadata['wijkteams:function'])).not.toContain('resident');
    expect(Object.keys(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: 'GET /v1/me/household' } }))).toEqual(
      [],
    );
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      KmsKeyId: Match.anyValue(),
    });
  });

  it("requires the signals scope at the gateway on the partners' own route only, and tells the signals function which client is which partner", () => {
    const declared = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    const scoped = declared.filter((route) => route.Properties.AuthorizationScopes);
    expect(scoped.map((route) => [route.Properties.RouteKey, route.Properties.AuthorizationScopes])).toEqual([
      ['POST /v1/signals', ['signals/write']],
    ]);
    const signals = Object.values(template.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Metadata['wijkteams:function'] === 'signals',
    );
    const joined = JSON.stringify(signals?.Properties.Environment.Variables.PARTNER_CLIENTS);
    const clients = template.findResources('AWS::Cognito::UserPoolClient', {
      Properties: { ClientName: Match.stringLikeRegexp('^partner-') },
    });
    expect(Object.keys(clients)).toHaveLength(3);
    for (const [logicalId, client] of Object.entries(clients)) {
      expect(joined).toContain(`{"Ref":"${logicalId}"}`);
      expect(joined).toContain(`=${String(client.Properties.ClientName).slice('partner-'.length)}`);
    }
  });

  it('declares one API Gateway route per contract route, each behind the JWT authorizer unless public', () => {
    const declared = template.findResources('AWS::ApiGatewayV2::Route');
    const byKey = new Map(Object.values(declared).map((route) => [route.Properties.RouteKey, route.Properties.AuthorizationType]));
    expect([...byKey.keys()].sort()).toEqual(routes.map(routeKeyOf).sort());
    for (const route of routes) expect(byKey.get(routeKeyOf(route))).toBe(route.auth === 'jwt' ? 'JWT' : 'NONE');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      // The web client and the city's three partners' machine clients.
      JwtConfiguration: { Audience: [Match.anyValue(), Match.anyValue(), Match.anyValue(), Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it("allows CORS only from the city's web origins, and logs access without personal data", () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://wijkteams.enschede.nl'] }),
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const format = stage?.Properties.AccessLogSettings.Format as string;
    expect(JSON.parse(format)).toHaveProperty('routeKey', '$context.routeKey');
    expect(format).not.toMatch(/path|identity|authorizer/i);
  });

  it('has a user pool without self sign-up, with MFA, a group per role and a teams attribute', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'teams', AttributeDataType: 'String', Mutable: true })]),
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });
});

describe('partners as machine clients', () => {
  it("gives each of the city's partners a client-credentials app client for the signals/write scope, in the authorizer's audience", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'signals',
      Scopes: [Match.objectLike({ ScopeName: 'write' })],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'wijkteams-enschede' });
    const partners = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).filter((client) =>
      String(client.Properties.ClientName ?? '').startsWith('partner-'),
    );
    expect(partners.map((client) => client.Properties.ClientName).sort()).toEqual(['partner-domijn', 'partner-menzis', 'partner-vitens']);
    for (const client of partners) {
      expect(client.Properties).toMatchObject({
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthFlowsUserPoolClient: true,
        // Client credentials only: no person signs in through a partner's client.
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      });
      expect(JSON.stringify(client.Properties.AllowedOAuthScopes)).toContain('/write');
    }
    const [authorizer] = Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer?.Properties.JwtConfiguration.Audience).toHaveLength(1 + partners.length);
  });
});

describe('city configurations', () => {
  it.each(cityIds)('%s synthesizes, in an EU region, with one interventieteam and one doorbraakteam', (city) => {
    const config = cityConfig(city);
    expect(config.region.startsWith('eu-')).toBe(true);
    expect(config.teams.filter((t) => t.kind === 'interventieteam')).toHaveLength(1);
    expect(config.teams.filter((t) => t.kind === 'doorbraakteam')).toHaveLength(1);
    expect(new Set(config.teams.map((t) => t.id)).size).toBe(config.teams.length);
    synth(city).resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  it("has Enschede's teams from the seeds", () => {
    expect(cities.enschede.teams.map((t) => t.id)).toEqual(
      expect.arrayContaining(['velve-lindenhof', 'dolphia-glanerbrug-noord', 'interventieteam', 'doorbraakteam']),
    );
  });

  it('refuses an unknown city in one line naming the known ones', () => {
    expect(() => cityConfig('rotterdam')).toThrow('Unknown city "rotterdam". Known cities: enschede, almelo, haarlem, den-haag.');
    const run = () =>
      execFileSync('npx', ['tsx', 'infra/app.ts'], {
        env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ city: 'rotterdam' }) },
        stdio: 'pipe',
      });
    expect(run).toThrow(/Unknown city "rotterdam"\. Known cities: enschede, almelo, haarlem, den-haag\./);
  });
});

describe('cdk-nag AwsSolutions checks', () => {
  it('pass with zero unacknowledged findings for every city, each acknowledgement with a reason', () => {
    for (const city of cityIds) {
      const outdir = mkdtempSync(join(tmpdir(), 'wijkteams-nag-'));
      outdirs.push(outdir);
      const app = new App({ outdir, context: { city, 'aws:cdk:bundling-stacks': [] } });
      const stack = buildApp(app);
      app.synth();
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
      const violations = report.pluginReports.flatMap((plugin: { violations: unknown[] }) => plugin.violations);
      expect(violations, city).toEqual([]);
      const acknowledged = stack.node.metadata.filter((entry) => entry.type === 'aws:cdk:acknowledged-rules');
      expect(acknowledged.length).toBeGreaterThan(0);
    }
  });

  it('fail the synth on a new finding', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'wijkteams-nag-'));
    outdirs.push(outdir);
    const app = new App({ outdir, context: { city: 'almelo', 'aws:cdk:bundling-stacks': [] } });
    const stack = buildApp(app);
    // A topic without encryption at rest and without enforced TLS.
    new sns.Topic(stack, 'Unencrypted');
    expect(() => app.synth()).toThrow(/The SNS Topic does not require publishers to use SSL/);
  });
});

describe('observability', () => {
  it("has a dashboard with the business figures and the API's health", () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    for (const title of [
      'Intakes by channel',
      'Triage outcomes',
      'Complex cases and plans agreed',
      'Escalations (doorbraak)',
      'Decision lead time (seconds)',
      'Doorbraak flows',
      'API requests',
      'API errors',
      'API latency p99 (ms)',
      'Lambda errors',
      'Throttles',
      'Signals received (vroegsignalering)',
      'Outreach outcomes',
    ]) {
      expect(body).toContain(title);
    }
    // The breakdowns by channel, outcome and kind are counted from the metric lines, not kept as a metric per value.
    for (const [metric, by] of [
      ['IntakeRegistered', 'channel'],
      ['IntakeTriaged', 'outcome'],
      ['SignalReceived', 'kind'],
      ['SignalOutcome', 'outcome'],
    ])
      expect(body).toContain(`stats sum(${metric}) by bin(1d), ${by}`);
    for (const metric of [
      'IntakeRegistered',
      'IntakeTriaged',
      'ComplexCase',
      'PlanAgreed',
      'EscalationOverdue',
      'DecisionLeadTime',
      'SignalReceived',
      'SignalOutcome',
      '5xx',
      '4xx',
      'Latency',
      'ExecutionsFailed',
      'Throttles',
      'ReadThrottleEvents',
    ]) {
      expect(body).toContain(metric);
    }
    expect(body).toContain('\\"city\\",\\"enschede\\"');
  });

  it("raises alarms on 5xx, throttles, failed flows and overdue decisions to the city's alarm e-mail", () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'wijkteams-beheer@enschede.nl' });
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const byName = (suffix: string) => alarms.find((a) => String(a.AlarmName).endsWith(suffix));
    expect(byName('ApiServerErrors')).toMatchObject({ Threshold: 1, EvaluationPeriods: 3 });
    expect(JSON.stringify(byName('ApiServerErrors')?.Metrics)).toMatch(/5xx/);
    expect(JSON.stringify(byName('LambdaThrottles')?.Metrics)).toMatch(/Throttles/);
    expect(JSON.stringify(byName('DynamoDbThrottles')?.Metrics)).toMatch(/WriteThrottleEvents/);
    expect(byName('DoorbraakFlowFailed')).toMatchObject({ MetricName: 'ExecutionsFailed', Threshold: 1 });
    expect(byName('OverdueDecisions')).toMatchObject({ Threshold: 1 });
    const overdue = JSON.stringify(byName('OverdueDecisions'));
    for (const part of ['"MetricName":"EscalationOverdue"', '"Namespace":"Wijkteams"', '"Period":3600', '"Value":"enschede"'])
      expect(overdue).toContain(part);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });
});

describe("the professionals' web client (web.md: S3 + CloudFront, managed login with PKCE)", () => {
  const only = (type: string) => {
    const found = Object.values(template.findResources(type));
    expect(found, type).toHaveLength(1);
    return found[0] as (typeof found)[number];
  };

  it('keeps its files in a private, encrypted bucket that only the distribution reads (origin access control)', () => {
    const files = Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('WebFiles'));
    expect(files?.[1].Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const oac = only('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const policy = JSON.stringify(Object.values(template.findResources('AWS::S3::BucketPolicy')).map((p) => p.Properties.PolicyDocument));
    expect(policy).toContain('cloudfront.amazonaws.com');
    expect(policy).toContain('aws:SecureTransport');
  });

  it('serves HTTPS only, with a strict Content-Security-Policy and the other security headers, and the API at /v1 on the same origin', () => {
    const { DistributionConfig: config } = only('AWS::CloudFront::Distribution').Properties;
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultRootObject).toBe('index.html');
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/v1/*');
    expect(api).toMatchObject({ ViewerProtocolPolicy: 'https-only', AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'DELETE']) });
    expect(config.Logging).toBeDefined();
    const headers = only('AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"])
      expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain('amazoncognito.com');
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(headers.ContentTypeOptions.Override).toBe(true);
  });

  it('signs professionals in with the managed login: authorization code, no secret, back to the distribution', () => {
    const web = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).find(
      (client) => !String(client.Properties.ClientName ?? '').startsWith('partner-'),
    );
    expect(web?.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: expect.arrayContaining(['openid']),
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(web?.Properties.GenerateSecret ?? false).toBe(false);
    expect(JSON.stringify(web?.Properties.CallbackURLs)).toContain('DomainName');
  });

  it('deploys the built client, its configuration and the city theme, but never the local sign-in', () => {
    const deployment = only('Custom::CDKBucketDeployment');
    expect(deployment.Properties.DistributionPaths).toEqual(['/index.html', '/config.json', '/theme.css']);
    // config.json names the web app client (resolved at deployment).
    const [webClientId] = Object.entries(template.findResources('AWS::Cognito::UserPoolClient')).find(
      ([, client]) => !String(client.Properties.ClientName ?? '').startsWith('partner-'),
    ) ?? [''];
    expect(JSON.stringify(deployment.Properties.SourceMarkers ?? [])).toContain(`{"Ref":"${webClientId}"}`);
    expect(JSON.stringify(template.toJSON())).not.toContain('/local/sign-in');
  });
});
