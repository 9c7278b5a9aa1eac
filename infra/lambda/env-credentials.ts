// The AWS SDK's credential chain as a Lambda bundle needs it. Lambda puts the function role's
// credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN),
// which is where the SDK's default chain (@aws-sdk/credential-provider-node) looks first. The rest
// of that chain (SSO, INI files, processes, web identity, instance metadata, with the STS and SSO
// clients they load) is ~135 KB and ~10 ms of import that a Lambda never runs, so the Lambda
// bundles put this module in its place (infra/lambda-bundling.ts). The one other source kept is
// the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI), for
// an environment that hands out credentials that way instead. Code run from source (the local
// runtime, the CLI, the tests) keeps the SDK's full chain.
import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

type Provider = ReturnType<typeof fromEnv>;

export const defaultProvider =
  (init: FromEnvInit = {}): Provider =>
  async (properties) => {
    try {
      return await fromEnv(init)(properties);
    } catch (error) {
      const env = process.env;
      if (!env.AWS_CONTAINER_CREDENTIALS_FULL_URI && !env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) throw error;
      // Loaded only here: in Lambda the environment always answers, so its import is never paid.
      const { fromHttp } = await import('@aws-sdk/credential-provider-http');
      return fromHttp(init)(properties);
    }
  };
