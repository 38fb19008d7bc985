import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { cityConfig } from './cities.ts';
import { CityStack } from './city-stack.ts';
import { ensureWebBuild } from './web-assets.ts';

/**
 * The CDK app: one stack per city, chosen with `-c city=<id>`. The AWS Solutions checks of
 * cdk-nag run on every synth (deploy, local mode, tests): a finding without a written
 * suppression fails it.
 */
export function buildApp(app: App): CityStack {
  const city = cityConfig(app.node.tryGetContext('city'));
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return new CityStack(app, `Wijkteams-${city.id}`, {
    city,
    env: { region: city.region, account: process.env.CDK_DEFAULT_ACCOUNT },
    description: `Wijkteams: case management for the social neighbourhood teams of ${city.name}`,
    tags: { project: 'wijkteams', city: city.id },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    // The stack deploys the professionals' web client: built first when missing or stale.
    await ensureWebBuild();
    buildApp(new App());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
