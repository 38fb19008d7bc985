import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CityConfig, cities, type ResidentBroker } from '../../infra/cities.ts';
import { CityStack } from '../../infra/city-stack.ts';
import { ensureWebBuild } from '../../infra/web-assets.ts';

/**
 * v1.2 "The resident's own view" (rule 18) and docs/decisions.md: with the city's DigiD broker
 * configured, the user pool federates it as the OIDC identity provider `DigiD` (its BSN claim
 * mapped to `custom:bsn`), a residents' app client signs in through it only, and the resident
 * routes are deployed. A city configures it in its CityConfig (`residentBroker`); the test gives
 * Enschede one through the stack's props.
 */
const broker: ResidentBroker = {
  issuerUrl: 'https://digid-broker.example.nl/oidc',
  clientId: 'wijkteams-enschede',
  clientSecretName: 'wijkteams/enschede/digid-broker',
};

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** The city stack as app.ts builds it (cdk-nag's AwsSolutions checks on every synth), for a given city configuration. */
function synth(city: CityConfig) {
  const outdir = mkdtempSync(join(tmpdir(), 'wijkteams-resident-pool-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { city: city.id, 'aws:cdk:bundling-stacks': [] } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new CityStack(app, `Wijkteams-${city.id}`, { city, env: { region: city.region } });
  app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
  const violations = report.pluginReports.flatMap((plugin: { violations: unknown[] }) => plugin.violations);
  return { template: Template.fromStack(stack), violations };
}

type Resource = { Properties: Record<string, unknown>; DependsOn?: string[] };
const resources = (template: Template, type: string) => Object.entries(template.findResources(type)) as [string, Resource][];

/** The resident's routes of the spec (v1.2 "The resident's own view"), under the API's /v1. */
const RESIDENT_ROUTES = [
  'GET /v1/me/household',
  'POST /v1/me/household/plan/agreement',
  'POST /v1/me/household/messages',
  'GET /v1/me/processing-log',
  'POST /v1/me/consents/{consentId}/withdrawal',
];

let withBroker: ReturnType<typeof synth>;
let template: Template;
beforeAll(async () => {
  await ensureWebBuild();
  withBroker = synth({ ...cities.enschede, residentBroker: broker });
  template = withBroker.template;
}, 180_000);

const residentsClient = () => {
  const found = resources(template, 'AWS::Cognito::UserPoolClient').filter(([, client]) => client.Properties.ClientName === 'Residents');
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
};

describe('a city with a DigiD broker', () => {
  it('federates the broker as the OIDC identity provider DigiD, its BSN claim mapped to custom:bsn, the secret from Secrets Manager', () => {
    const providers = resources(template, 'AWS::Cognito::UserPoolIdentityProvider');
    expect(providers).toHaveLength(1);
    const [, provider] = providers[0] as [string, Resource];
    expect(provider.Properties).toMatchObject({
      ProviderName: 'DigiD',
      ProviderType: 'OIDC',
      ProviderDetails: { oidc_issuer: broker.issuerUrl, client_id: broker.clientId, authorize_scopes: 'openid' },
      AttributeMapping: { 'custom:bsn': 'bsn' },
    });
    // A dynamic reference resolved by CloudFormation at deployment: the broker's secret is never in the template.
    const secret = (provider.Properties.ProviderDetails as { client_secret: unknown }).client_secret;
    expect(JSON.stringify(secret)).toContain(`{{resolve:secretsmanager:${broker.clientSecretName}:SecretString:::}}`);
  });

  it('maps the claim the city names when its broker calls the BSN otherwise', () => {
    const { template: other } = synth({ ...cities.almelo, residentBroker: { ...broker, bsnClaim: 'urn:nl:bsn' } });
    const [[, provider]] = resources(other, 'AWS::Cognito::UserPoolIdentityProvider') as [[string, Resource]];
    expect(provider.Properties.AttributeMapping).toEqual({ 'custom:bsn': 'urn:nl:bsn' });
  }, 120_000);

  it('has a custom:bsn string attribute of nine characters on the user pool', () => {
    const [[, pool]] = resources(template, 'AWS::Cognito::UserPool') as [[string, Resource]];
    expect(pool.Properties.Schema).toContainEqual(
      expect.objectContaining({ Name: 'bsn', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '9', MaxLength: '9' } }),
    );
  });

  it("gives residents their own public client: the code grant, DigiD only, openid only, back to the web client's /inwoner/", () => {
    const [, client] = residentsClient();
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['DigiD'],
      // No password sign-in through it: the managed login (to the broker) and refresh only.
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
    // openid only: no aws.cognito.signin.user.admin, so a resident's token cannot change their own attributes.
    expect(client.Properties.AllowedOAuthScopes).toEqual(['openid']);
    expect(client.Properties.GenerateSecret ?? false).toBe(false);
    // The CloudFront distribution's domain, then /inwoner/.
    const callbacks = JSON.stringify(client.Properties.CallbackURLs);
    expect(callbacks).toContain('DomainName');
    expect(callbacks).toMatch(/\/inwoner\/"\]/);
  });

  it('lets the residents client read custom:bsn, and write no attribute but the one Cognito maps from the broker', () => {
    const [, client] = residentsClient();
    expect(client.Properties.ReadAttributes).toEqual(['custom:bsn']);
    // Cognito writes a mapped attribute through the client the federated user signs in with and refuses the sign-in
    // if that client may not write it (UserPoolClient WriteAttributes, Cognito API reference); without the admin
    // scope (asserted above) no token of a resident reaches UpdateUserAttributes.
    expect(client.Properties.WriteAttributes).toEqual(['custom:bsn']);
    const professionals = resources(template, 'AWS::Cognito::UserPoolClient').filter(
      ([, c]) => c.Properties.ClientName !== 'Residents' && !String(c.Properties.ClientName ?? '').startsWith('partner-'),
    );
    expect(professionals).toHaveLength(1);
    for (const [, c] of professionals) {
      expect(c.Properties.WriteAttributes).toBeDefined();
      expect(c.Properties.WriteAttributes).not.toContain('custom:bsn');
      expect(c.Properties.SupportedIdentityProviders).not.toContain('DigiD');
    }
  });

  it('creates the identity provider before the client that names it', () => {
    const [[providerId]] = resources(template, 'AWS::Cognito::UserPoolIdentityProvider') as [[string, Resource]];
    const [, client] = residentsClient();
    expect(client.DependsOn ?? []).toContain(providerId);
  });

  it("puts the residents client in the JWT authorizer's audience, beside the professionals' and partners' clients", () => {
    const [clientId] = residentsClient();
    const [[, authorizer]] = resources(template, 'AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    const audience = (authorizer.Properties.JwtConfiguration as { Audience: unknown[] }).Audience;
    expect(audience).toContainEqual({ Ref: clientId });
    // The web client, Enschede's three partners and the residents.
    expect(audience).toHaveLength(5);
  });

  it('serves the resident routes behind the JWT authorizer, with the resident function holding the look-up key', () => {
    const byKey = new Map(
      resources(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => [route.Properties.RouteKey, route.Properties.AuthorizationType]),
    );
    for (const key of RESIDENT_ROUTES) expect(byKey.get(key), key).toBe('JWT');
    const resident = Object.values(template.findResources('AWS::Lambda::Function')).filter(
      (fn) => fn.Metadata?.['wijkteams:function'] === 'resident',
    );
    expect(resident).toHaveLength(1);
    expect(resident[0]?.Properties.Environment.Variables.LOOKUP_KEY_SECRET_ARN).toBeDefined();
  });

  it('tells the web client in config.json which client residents sign in with', () => {
    const [clientId] = residentsClient();
    const [deployment] = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    const markers = JSON.stringify(deployment?.Properties.SourceMarkers ?? []);
    // config.json is an asset with the client ids as markers, resolved at deployment: the residents client is one.
    expect(markers).toContain(`{"Ref":"${clientId}"}`);
  });

  it('passes the cdk-nag AwsSolutions checks with no unacknowledged finding', () => {
    expect(withBroker.violations).toEqual([]);
  });

  it('refuses a broker whose issuer is not an https URL', () => {
    expect(() => synth({ ...cities.haarlem, residentBroker: { ...broker, issuerUrl: 'http://digid-broker.example.nl' } })).toThrow(
      /issuerUrl must be an https URL/,
    );
  });
});

describe('a city without a DigiD broker', () => {
  let without: ReturnType<typeof synth>;
  beforeAll(() => {
    without = synth(cities.enschede);
  }, 120_000);

  it('has no identity provider, no residents client and no resident route, but the custom:bsn attribute already', () => {
    expect(resources(without.template, 'AWS::Cognito::UserPoolIdentityProvider')).toEqual([]);
    const names = resources(without.template, 'AWS::Cognito::UserPoolClient').map(([, c]) => c.Properties.ClientName);
    expect(names).not.toContain('Residents');
    const keys = resources(without.template, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    for (const key of RESIDENT_ROUTES) expect(keys).not.toContain(key);
    // Defined in every pool: a custom attribute is never removed, so turning the broker on or off changes no schema.
    const [[, pool]] = resources(without.template, 'AWS::Cognito::UserPool') as [[string, Resource]];
    expect(pool.Properties.Schema).toContainEqual(expect.objectContaining({ Name: 'bsn', AttributeDataType: 'String' }));
    expect(without.violations).toEqual([]);
  });
});

// v1.2 "BRP look-up through Haal Centraal": the endpoint from the city's configuration, the key from Secrets Manager.
describe('a city with a BRP', () => {
  it('gives the brp function the endpoint, the OIN and the key secret, and only it may read that secret', () => {
    const { template: withBrp } = synth({
      ...cities.enschede,
      brp: {
        url: 'https://brp.example.nl/haalcentraal/api/brp',
        apiKeySecretName: 'wijkteams/enschede/brp',
        originOin: '00000001002220647000',
      },
    });
    const functions = Object.values(withBrp.findResources('AWS::Lambda::Function'));
    const brp = functions.find((fn) => fn.Metadata?.['wijkteams:function'] === 'brp');
    expect(brp?.Properties.Environment.Variables).toMatchObject({
      BRP_URL: 'https://brp.example.nl/haalcentraal/api/brp',
      BRP_ORIGIN_OIN: '00000001002220647000',
      BRP_API_KEY_SECRET_ARN: expect.anything(),
    });
    const others = functions.filter((fn) => fn !== brp && fn.Properties.Environment?.Variables?.BRP_API_KEY_SECRET_ARN);
    expect(others).toEqual([]);
    const policies = JSON.stringify(withBrp.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('wijkteams/enschede/brp');
  });
});
