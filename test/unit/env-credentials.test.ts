// The credential provider the Lambda bundles use instead of the SDK's full chain
// (infra/lambda/env-credentials.ts): the environment first, as Lambda sets it; then the container
// credentials endpoint, served here by a real HTTP server; and a clear refusal when neither is set.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultProvider } from '../../infra/lambda/env-credentials';

const CREDENTIAL_VARS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
];

describe('the Lambda bundles’ credential provider', () => {
  const saved = { ...process.env };
  beforeEach(() => CREDENTIAL_VARS.forEach((name) => delete process.env[name]));
  afterAll(() => {
    process.env = saved;
  });

  it('reads the role credentials Lambda puts in the environment', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
      AWS_SESSION_TOKEN: 'env-session',
    });

    expect(await defaultProvider()()).toMatchObject({
      accessKeyId: 'AKIAENVIRONMENT',
      secretAccessKey: 'env-secret',
      sessionToken: 'env-session',
    });
  });

  it('refuses, naming the environment, when no source is set', async () => {
    await expect(defaultProvider()()).rejects.toThrow(/environment variable/i);
  });

  describe('with a container credentials endpoint and no credentials in the environment', () => {
    let server: Server;
    const seen: Array<string | undefined> = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        seen.push(req.headers.authorization);
        if (req.headers.authorization !== 'container-token') return res.writeHead(401).end();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            AccessKeyId: 'AKIACONTAINER',
            SecretAccessKey: 'container-secret',
            Token: 'container-session',
            Expiration: new Date(Date.now() + 3_600_000).toISOString(),
          }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('reads them from the endpoint, with its authorization token', async () => {
      const { port } = server.address() as AddressInfo;
      Object.assign(process.env, {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/credentials`,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: 'container-token',
      });

      expect(await defaultProvider()()).toMatchObject({
        accessKeyId: 'AKIACONTAINER',
        secretAccessKey: 'container-secret',
        sessionToken: 'container-session',
      });
      expect(seen).toEqual(['container-token']);
    });
  });
});
