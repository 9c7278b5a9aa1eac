// The AWS SDK's credential chain as a Lambda bundle needs it. In Lambda the function role's
// credentials are always in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
// AWS_SESSION_TOKEN), which is where the SDK's default chain (@aws-sdk/credential-provider-node)
// looks first. The rest of that chain (SSO, INI files, processes, web identity, container and
// instance metadata, with the STS and SSO clients they load) is ~135 KB and ~10 ms of import that
// a Lambda never runs, so the Lambda bundles put this module in its place (infra/lambda-bundling.ts).
// Code run from source (the local runtime, the CLI, the tests) keeps the full chain.
import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init?: FromEnvInit) => fromEnv(init);
