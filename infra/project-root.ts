import { fileURLToPath } from 'node:url';

/** The repository's root, for the tools that find files in it (kept apart from CDK, so a local tool need not load aws-cdk-lib). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
