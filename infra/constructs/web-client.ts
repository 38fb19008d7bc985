import { existsSync } from 'node:fs';
import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { RESIDENT_PROVIDER } from '#shared/auth.ts';
import type { CityConfig } from '../cities.ts';
import { themeCss, WEB_DIST, webSecurityHeaders } from '../web-assets.ts';

export interface WebClientHostingProps {
  city: CityConfig;
  api: HttpApi;
  /** The Cognito domain of the managed login (`https://<prefix>.auth.<region>.amazoncognito.com`): the client exchanges its code there. */
  signInDomain: string;
}

/**
 * The professionals' web client in the city stack (web.md "Where it lives"): its files in a
 * private bucket that only CloudFront reads (origin access control), HTTPS only, the security
 * headers local mode sends too, and the API at `/v1` on the same distribution, so the client
 * and the API share one origin (no CORS, `connect-src 'self'`).
 */
export class WebClientHosting extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;
  /** `https://<distribution domain>`: the web client's address, its sign-in callback. */
  readonly url: string;
  private readonly city: CityConfig;

  constructor(scope: Construct, id: string, props: WebClientHostingProps) {
    super(scope, id);
    const { city } = props;
    this.city = city;
    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront writes standard logs with an ACL.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Wijkteams ${city.name}: the web client's security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: webSecurityHeaders(props.signInDomain)['content-security-policy'], override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });
    const apiOrigin = new origins.HttpOrigin(`${props.api.apiId}.execute-api.${Stack.of(this).region}.amazonaws.com`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Wijkteams ${city.name}`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      additionalBehaviors: {
        // The API, same origin: never cached, every header but Host passed on (the JWT, If-Match, Idempotency-Key, traceparent).
        '/v1/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      // Every path that is no file is a screen of the client: the page that routes it.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * The built client (web/dist), its configuration (the managed login's domain and app client)
   * and the city's theme, put in the bucket with each deployment. The local sign-in page is not
   * among them: it is served by local mode only.
   */
  deploy(config: { clientId: string; signInDomain: string; residentsClientId?: string }): void {
    if (!existsSync(WEB_DIST)) throw new Error('The web client is not built: run npm run web:build before cdk synth or deploy.');
    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [
        s3deploy.Source.asset(WEB_DIST),
        s3deploy.Source.jsonData('config.json', {
          city: this.city.id,
          cityName: this.city.name,
          interventieteamId: this.city.teams.find((team) => team.kind === 'interventieteam')?.id,
          signIn: 'cognito',
          cognito: { domain: config.signInDomain, clientId: config.clientId, redirectUri: `${this.url}/` },
          // With a DigiD broker (v1.2): the residents' client, straight to the broker's provider, openid only.
          ...(config.residentsClientId
            ? {
                residents: {
                  domain: config.signInDomain,
                  clientId: config.residentsClientId,
                  redirectUri: `${this.url}/inwoner/`,
                  identityProvider: RESIDENT_PROVIDER,
                  scope: 'openid',
                },
              }
            : {}),
        }),
        s3deploy.Source.data('theme.css', themeCss(this.city)),
      ],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json', '/theme.css'],
      memoryLimit: 512,
    });
    // The CDK's own deployment handler (a singleton at the stack's root): acknowledged there only, not for the city's functions.
    for (const child of Stack.of(this).node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      const reason =
        "The CDK's BucketDeployment handler copies the built client from the CDK asset bucket into the web bucket and invalidates CloudFront";
      for (const id of [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        // The CDK asset bucket, named with the partition as a token or, when the CLI knows it, as `aws`.
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${Stack.of(this).region}/*]`,
        `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${Stack.of(this).region}/*]`,
        'AwsSolutions-L1',
      ])
        Validations.of(child).acknowledge({ id, reason: `${reason} (its runtime and policies are the CDK's).` });
      Validations.of(child).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/*]`,
        reason: `${reason}: every object of the web bucket.`,
      });
    }
  }
}
