// How every Lambda function is bundled, in one place without aws-cdk-lib: infra/api-function.ts
// gives it to NodejsFunction, and bench/bundles.ts builds the same bundles to time their imports.
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

/** ESM bundles need `require` for the CommonJS dependencies esbuild leaves as dynamic requires. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The build-time switch of shared/adapters/tracing.ts. */
export const SDK_TRACING_DEFINE = 'process.env.APIKEYS_SDK_TRACING';

/**
 * Modules replaced in every Lambda bundle: the SDK's credential chain by its environment provider
 * (infra/lambda/env-credentials.ts says why).
 */
export const LAMBDA_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': join(REPO_ROOT, 'infra', 'lambda', 'env-credentials.ts'),
};
