// An in-process local runtime (the same server `npm start` uses) on a random port, over the test
// services: integration tests speak real HTTP to the real handlers and DynamoDB Local.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { setServices } from '../../shared/composition';
import { createApiServer } from '../../infra/local/server';
import type { Caller } from '../../shared/use-cases/caller';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { createTestServices, type TestServices } from './services';
import { contractCheck } from './contract-check';

export interface Credentials {
  appKey: string;
  token: string;
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as received, byte for byte (text() would drop a BOM; downloads may be binary). */
  bytes: Buffer;
}

export class TestApi {
  private constructor(
    readonly services: TestServices,
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(options: Parameters<typeof createTestServices>[0] = {}): Promise<TestApi> {
    const services = await createTestServices(options);
    setServices(services);
    const server = createApiServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestApi(services, server, `http://127.0.0.1:${port}`);
  }

  async stop(): Promise<void> {
    setServices(undefined);
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Creates an account and its owner key, as `npm run bootstrap` does. */
  async bootstrap(account: string): Promise<Credentials> {
    const { key, token } = await bootstrapAccount(this.services, account);
    return { appKey: key.appKey, token };
  }

  /** Creates a key with `roles` in the account of `owner`, through the API. */
  async createKey(owner: Credentials, roles: string[], name = 'test key'): Promise<Credentials> {
    const reply = await this.request('POST', '/v1/keys', { as: owner, body: { name, roles } });
    if (reply.status !== 201) throw new Error(`createKey failed: ${reply.status} ${reply.text}`);
    return { appKey: reply.body.key.appKey, token: reply.body.token };
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { as?: Credentials; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.as) {
      headers['x-api-appkey'] = options.as.appKey;
      headers['x-api-apptoken'] = options.as.token;
    }
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    // Every answer must be one the OpenAPI document promises (test/helpers/contract-check.ts).
    const problems = contractCheck().problems({
      method,
      path,
      status: response.status,
      headers: response.headers,
      text,
    });
    if (problems.length > 0) {
      throw new Error(
        `${method} ${path} answered ${response.status}, which the OpenAPI document does not allow:\n  ` +
          problems.join('\n  ') +
          `\nbody: ${text.slice(0, 500)}`,
      );
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text, bytes };
  }
}

export type { Caller };
