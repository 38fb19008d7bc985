import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The template metadata key that names a function's folder under functions/; local mode reads it. */
export const FUNCTION_METADATA_KEY = 'wijkteams:function';

export interface WijkteamsFunctionProps {
  /** The folder under functions/ whose index.ts is the Lambda entry. */
  name: string;
  environment: Record<string, string>;
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
}

/**
 * The defaults every function shares: Node.js 24 on arm64, a minified ESM bundle with the
 * AWS SDK inside (it imports faster than the runtime's copy), its own encrypted log group.
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
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // Some dependencies still call require(); ESM has none of its own.
        banner:
          "import { createRequire as __wijkteamsCreateRequire } from 'node:module'; const require = __wijkteamsCreateRequire(import.meta.url);",
      },
    });
    (this.fn.node.defaultChild as lambda.CfnFunction).addMetadata(FUNCTION_METADATA_KEY, props.name);
  }
}
