import { type CfnElement, CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct, IConstruct } from 'constructs';
import { BASE_PATH } from '#functions/http/contract.ts';
import { functionNames, routes } from '#functions/routes.ts';
import { RESIDENT_PROVIDER, SIGNALS_SCOPE } from '#shared/auth.ts';
import { ROLES } from '#shared/domain/access.ts';
import { type CityConfig, type ResidentBroker, runtimeConfigOf } from './cities.ts';
import { DoorbraakFlow } from './constructs/doorbraak-flow.ts';
import { WijkteamsFunction } from './constructs/function.ts';
import { CityObservability, METRICS_NAMESPACE, SERVICE_NAME } from './constructs/observability.ts';
import { CityTable } from './constructs/table.ts';
import { WebClientHosting } from './constructs/web-client.ts';

export interface CityStackProps extends StackProps {
  city: CityConfig;
}

/** Functions that hash BSNs and addresses, and so read the city's look-up key. */
const FUNCTIONS_WITH_LOOKUP_KEY = new Set(['intakes', 'registry', 'signals', 'breakglass', 'resident', 'brp']);
/** Functions that start the doorbraak flow and hand it people's answers. */
const FUNCTIONS_WITH_FLOW = new Set(['escalations']);
/** Functions that serve only public, static answers and touch no data. */
const FUNCTIONS_WITHOUT_DATA = new Set(['service']);

/** One city's whole backend: identity, API, functions, table. */
export class CityStack extends Stack {
  readonly api: HttpApi;

  /**
   * The cdk-nag (AwsSolutions) findings this design accepts, each with its reason. Any other
   * finding fails the synth; test/infra asserts the report stays empty.
   */
  private acknowledgeNagFindings(table: dynamodb.ITable, flowFunction: lambda.IFunction): void {
    const logicalId = (construct: IConstruct) => this.getLogicalId(construct.node.defaultChild as CfnElement);
    const findings: Record<string, string> = {
      'AwsSolutions-SMG4':
        'The look-up key is an HMAC key: rotating it would orphan every BSN and address look-up. It is encrypted with the city key and readable by the intakes function only.',
      'AwsSolutions-COG8':
        'Essentials tier: no self sign-up, MFA required, accounts created by administrators. Threat protection (Plus tier) is a per-city cost decision.',
      'AwsSolutions-APIG4':
        'GET /v1/health and GET /v1/openapi.json are public by the API contract; every other route has the JWT authorizer (asserted in test/infra).',
      'AwsSolutions-IAM5[Resource::*]':
        'X-Ray PutTraceSegments and PutTelemetryRecords, and CloudWatch Logs delivery of the state machine, accept no resource.',
      [`AwsSolutions-IAM5[Resource::<${logicalId(table)}.Arn>/index/*]`]: "Queries on the table's own two global secondary indexes.",
      'AwsSolutions-IAM5[Action::kms:ReEncrypt*]': 'Data-key actions that DynamoDB needs on the one customer managed city key.',
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]': 'Data-key actions that DynamoDB needs on the one customer managed city key.',
      [`AwsSolutions-IAM5[Resource::<${logicalId(flowFunction)}.Arn>:*]`]: 'The state machine invokes versions of its own task function.',
      'AwsSolutions-CFR4':
        "With CloudFront's default *.cloudfront.net certificate the viewer TLS policy cannot be chosen; a city that gives the distribution its own domain and ACM certificate sets minimumProtocolVersion TLSv1.2_2021 with it (docs/operations.md, Deploy a city).",
      'AwsSolutions-CFR1':
        'No geo restriction: professionals also work from abroad (holidays, border regions); sign-in with MFA, not the country, decides who gets in.',
      'AwsSolutions-CFR2':
        'No WAF web ACL by default (a per-city cost): the API throttles at the stage, every route but two needs a Cognito token with MFA; a city can attach its own ACL.',
    };
    for (const [id, reason] of Object.entries(findings)) Validations.of(this).acknowledge({ id, reason });
  }

  /**
   * The resident's sign-in (v1.2 rule 18, docs/decisions.md): the city's DigiD broker federated into
   * the user pool as the OIDC identity provider `DigiD`, its BSN claim mapped to `custom:bsn`, and
   * a residents' app client that signs in through that provider only. Cognito names the users it
   * federates `DigiD_…`, which shared/auth.ts requires beside the nine-digit `custom:bsn`.
   */
  private residentSignIn(userPool: cognito.UserPool, broker: ResidentBroker, callbackUrl: string): cognito.UserPoolClient {
    if (!/^https:\/\/[^\s/]+/.test(broker.issuerUrl))
      throw new Error(`residentBroker.issuerUrl must be an https URL: "${broker.issuerUrl}"`);
    if (!broker.clientId || !broker.clientSecretName) throw new Error('residentBroker needs a clientId and a clientSecretName');
    const digid = new cognito.UserPoolIdentityProviderOidc(this, 'DigiD', {
      userPool,
      name: RESIDENT_PROVIDER,
      issuerUrl: broker.issuerUrl,
      clientId: broker.clientId,
      // A dynamic reference that CloudFormation resolves at deployment: the secret never stands in the template.
      clientSecret: SecretValue.secretsManager(broker.clientSecretName).unsafeUnwrap(),
      // The BSN is the only thing taken from the broker: no name, no e-mail, no profile.
      scopes: ['openid'],
      attributeMapping: { custom: { 'custom:bsn': cognito.ProviderAttribute.other(broker.bsnClaim ?? 'bsn') } },
    });
    const client = userPool.addClient('ResidentsClient', {
      userPoolClientName: 'Residents',
      // A public client in the browser: the authorization code grant with PKCE, no secret.
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // openid only, never aws.cognito.signin.user.admin: a resident's token cannot call the user pool's own
        // API (UpdateUserAttributes and the like), so a resident cannot change their custom:bsn.
        scopes: [cognito.OAuthScope.OPENID],
        callbackUrls: [callbackUrl],
        logoutUrls: [callbackUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.custom(RESIDENT_PROVIDER)],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      readAttributes: new cognito.ClientAttributes().withCustomAttributes('bsn'),
      // Cognito writes a mapped attribute through the client the federated user signs in with, and refuses the sign-in
      // if that client may not write it: the residents' client holds write access to custom:bsn for Cognito alone
      // (without the admin scope above, no token of a resident can use it) and to nothing else.
      writeAttributes: new cognito.ClientAttributes().withCustomAttributes('bsn'),
    });
    // No password sign-in through the residents' client (a federated user has none): the managed login and refresh only.
    (client.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
    // The client names the provider by its name only: CloudFormation must create the provider first.
    client.node.addDependency(digid);
    return client;
  }

  constructor(scope: Construct, id: string, props: CityStackProps) {
    super(scope, id, props);
    const { city } = props;

    const dataKey = new kms.Key(this, 'DataKey', {
      description: `Wijkteams ${city.name}: table, secrets and logs`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs must be allowed to use the key for the encrypted log groups.
    dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
      }),
    );

    const { table } = new CityTable(this, 'Data', { encryptionKey: dataKey });

    // The HMAC key for BSN and address look-ups. It is never rotated: a new key would orphan every look-up.
    const lookupKey = new secretsmanager.Secret(this, 'LookupKey', {
      description: `Wijkteams ${city.name}: HMAC key for BSN and address look-ups`,
      encryptionKey: dataKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const userPool = new cognito.UserPool(this, 'Professionals', {
      userPoolName: `wijkteams-${city.id}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        teams: new cognito.StringAttribute({ mutable: true, maxLen: 2048 }),
        // The resident's BSN from the DigiD broker (v1.2 rule 18), defined in every city's pool, broker or not: a custom
        // attribute can be added to a pool but never removed, so a city that turns its broker on (or off) changes no
        // schema. Mutable because Cognito rewrites a mapped attribute at each federated sign-in (an immutable one fails
        // it); no client of a person can write it with its own token (see the residents' client).
        bsn: new cognito.StringAttribute({ mutable: true, minLen: 9, maxLen: 9 }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: userPool.userPoolId, groupName: role });
    }
    // Partners sign in as machine clients: the client-credentials grant at the pool's token endpoint,
    // for the one scope that lets them send and follow signals (signals/write).
    // The pool's domain: the professionals' managed login (authorization code with PKCE) and the partners' token endpoint.
    const signInDomain = new cognito.UserPoolDomain(this, 'TokenDomain', {
      userPool,
      cognitoDomain: { domainPrefix: `wijkteams-${city.id}` },
    });
    const signals = userPool.addResourceServer('Signals', {
      identifier: 'signals',
      scopes: [
        new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'Send signals of payment arrears and follow them' }),
      ],
    });
    const partnerClients = city.partners.map((partner) => {
      const client = userPool.addClient(`Partner-${partner.id}`, {
        userPoolClientName: `partner-${partner.id}`,
        generateSecret: true,
        accessTokenValidity: Duration.hours(1),
        oAuth: {
          flows: { clientCredentials: true },
          scopes: [
            cognito.OAuthScope.resourceServer(
              signals,
              new cognito.ResourceServerScope({ scopeName: 'write', scopeDescription: 'signals' }),
            ),
          ],
        },
      });
      // No sign-in of people through a partner's client (Cognito's default flows would allow SRP): client credentials only.
      (client.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
      return client;
    });

    const logRetention = logs.RetentionDays.ONE_YEAR;
    const environment = {
      CITY_CONFIG: JSON.stringify(runtimeConfigOf(city)),
      TABLE_NAME: table.tableName,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    };
    const { fn: flowFunction } = new WijkteamsFunction(this, 'Fn-flow', { name: 'flow', environment, logKey: dataKey, logRetention });
    table.grantReadWriteData(flowFunction);
    const { stateMachine } = new DoorbraakFlow(this, 'DoorbraakFlow', { city, flowFunction, logKey: dataKey, logRetention });

    // The resident's routes (v1.2) need the city's DigiD broker federated into the user pool: served
    // when the city configures it (city.residentBroker), and by local mode (its stand-in signs residents
    // in); otherwise the stack has neither the routes nor their function (docs/decisions.md).
    const local = this.node.tryGetContext('wijkteams:local') === 'true';
    // The BRP's API key, a secret the city keeps (by name) in its account: read by the brp function alone.
    const brpKey = city.brp ? secretsmanager.Secret.fromSecretNameV2(this, 'BrpApiKey', city.brp.apiKeySecretName) : undefined;
    const served = routes.filter((route) => local || city.residentBroker !== undefined || route.callers !== 'residents');
    const servedFunctions = functionNames.filter((name) => served.some((route) => route.fn === name));
    const functions = new Map(
      servedFunctions.map((name) => {
        const { fn } = new WijkteamsFunction(this, `Fn-${name}`, {
          name,
          environment: {
            ...environment,
            ...(FUNCTIONS_WITH_LOOKUP_KEY.has(name) ? { LOOKUP_KEY_SECRET_ARN: lookupKey.secretArn } : {}),
            ...(FUNCTIONS_WITH_FLOW.has(name) ? { STATE_MACHINE_ARN: stateMachine.stateMachineArn } : {}),
            // The city's BRP (v1.2), when configured: without it the brp function answers 503 brp_unavailable.
            ...(name === 'brp' && brpKey && city.brp
              ? { BRP_URL: city.brp.url, BRP_API_KEY_SECRET_ARN: brpKey.secretArn, BRP_ORIGIN_OIN: city.brp.originOin }
              : {}),
            // Cognito generates the partners' client ids: the signals function learns which partner each one is.
            ...(name === 'signals'
              ? { PARTNER_CLIENTS: partnerClients.map((client, i) => `${client.userPoolClientId}=${city.partners[i]?.id}`).join(',') }
              : {}),
          },
          logKey: dataKey,
          logRetention,
        });
        if (!FUNCTIONS_WITHOUT_DATA.has(name)) table.grantReadWriteData(fn);
        if (FUNCTIONS_WITH_LOOKUP_KEY.has(name)) lookupKey.grantRead(fn);
        if (name === 'brp') brpKey?.grantRead(fn);
        if (FUNCTIONS_WITH_FLOW.has(name)) {
          stateMachine.grantStartExecution(fn);
          stateMachine.grantTaskResponse(fn);
        }
        return [name, fn] as const;
      }),
    );

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logRetention, encryptionKey: dataKey });
    this.api = new HttpApi(this, 'Api', {
      apiName: `wijkteams-${city.id}`,
      description: `Wijkteams API of ${city.name}`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: city.webOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
        exposeHeaders: ['api-version', 'etag', 'location'],
        maxAge: Duration.hours(1),
      },
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Route, status and timing only: no path parameters, no query, no identity.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            time: '$context.requestTime',
          }),
        ),
      },
    });

    // The professionals' web client on S3 + CloudFront, the API beside it at /v1 (one origin).
    const web = new WebClientHosting(this, 'Web', { city, api: this.api, signInDomain: signInDomain.baseUrl() });
    // It signs in with Cognito's managed login: the authorization code grant with PKCE, a public client (no secret in a browser).
    const webClient = userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${web.url}/`],
        logoutUrls: [`${web.url}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }).withCustomAttributes('teams'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    // Local mode serves the client's files itself (and its demo sign-in): nothing to deploy there.
    const residentsClient = city.residentBroker ? this.residentSignIn(userPool, city.residentBroker, `${web.url}/inwoner/`) : undefined;
    if (!local)
      web.deploy({
        clientId: webClient.userPoolClientId,
        signInDomain: signInDomain.baseUrl(),
        ...(residentsClient ? { residentsClientId: residentsClient.userPoolClientId } : {}),
      });

    // The professionals' web client (ID tokens), each partner's machine client (access tokens, client_id) and, with a
    // DigiD broker, the residents' client (ID tokens) are the audience: one issuer, and the pipeline tells them apart.
    const authorizer = new HttpUserPoolAuthorizer('Professionals', userPool, {
      userPoolClients: [webClient, ...partnerClients, ...(residentsClient ? [residentsClient] : [])],
    });
    const integrations = new Map([...functions].map(([name, fn]) => [name, new HttpLambdaIntegration(`Integration-${name}`, fn)] as const));
    for (const route of served) {
      const integration = integrations.get(route.fn);
      if (!integration) throw new Error(`route ${route.operationId} names unknown function ${route.fn}`);
      this.api.addRoutes({
        path: `${BASE_PATH}${route.path}`,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.auth === 'jwt' ? authorizer : new HttpNoneAuthorizer(),
        // A partners-only route needs the signals scope at the gateway already (the function checks it again).
        ...(route.callers === 'partners' ? { authorizationScopes: [SIGNALS_SCOPE] } : {}),
      });
    }

    new CityObservability(this, 'Observability', {
      city,
      api: this.api,
      functions: [...functions.values(), flowFunction],
      // Only the functions that record intakes, triage and signals: the dashboard's queries scan no other lines.
      logGroups: [...functions].filter(([name]) => name === 'intakes' || name === 'signals').map(([, fn]) => fn.logGroup),
      table,
      stateMachine,
      encryptionKey: dataKey,
    });

    this.acknowledgeNagFindings(table, flowFunction);

    new CfnOutput(this, 'ApiUrl', { value: `${this.api.apiEndpoint}${BASE_PATH}` });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: webClient.userPoolClientId });
    if (residentsClient) new CfnOutput(this, 'ResidentsClientId', { value: residentsClient.userPoolClientId });
    new CfnOutput(this, 'WebUrl', { value: web.url });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'DoorbraakStateMachineArn', { value: stateMachine.stateMachineArn });
  }
}
