import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../project-root.ts';
import { FUNCTION_METADATA_KEY } from './names.ts';

/**
 * How every function is bundled (esbuild through NodejsFunction); `npm run bench` builds its
 * baseline handler with the same settings, so the two are compared like for like.
 */
export const FUNCTION_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  // No source maps: Node's --enable-source-maps parses the map at import, measured 10–40 ms of each cold start (docs/performance.md, Cold start).
  sourceMap: false,
  mainFields: ['module', 'main'],
  // The AWS SDK (and the Smithy packages it is made of) as the Lambda runtime provides it: CDK's default for Node.js 24.
  externalModules: ['@aws-sdk/*', '@smithy/*'],
  // Some dependencies still call require(); ESM has none of its own.
  banner:
    "import { createRequire as __wijkteamsCreateRequire } from 'node:module'; const require = __wijkteamsCreateRequire(import.meta.url);",
} satisfies BundlingOptions;

export interface WijkteamsFunctionProps {
  /** The folder under functions/ whose index.ts is the Lambda entry. */
  name: string;
  environment: Record<string, string>;
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
}

/**
 * The defaults every function shares: Node.js 24 on arm64, a minified ESM bundle that leaves the
 * AWS SDK to the runtime (measured: inside, every bundle is over 500 kB and imports no faster),
 * no source maps, its own encrypted log group.
 */
export class WijkteamsFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: WijkteamsFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, encryptionKey: props.logKey });
    // Its own role, allowed to write its own log group only (not the managed AWSLambdaBasicExecutionRole).
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Wijkteams function ${props.name}`,
    });
    logGroup.grantWrite(role);
    this.fn = new NodejsFunction(this, 'Function', {
      role,
      entry: `${PROJECT_ROOT}functions/${props.name}/index.ts`,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: props.environment,
      bundling: FUNCTION_BUNDLING,
    });
    (this.fn.node.defaultChild as lambda.CfnFunction).addMetadata(FUNCTION_METADATA_KEY, props.name);
  }
}
