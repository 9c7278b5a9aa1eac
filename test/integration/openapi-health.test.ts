// GET /openapi.json (the OpenAPI 3.1 document of every route) and GET /health.
import { TestApi } from '../helpers/api';
import { routes, type RouteDefinition } from '../../shared/routes';

/** API.md's endpoint table (the document must describe at least these). */
const CONTRACT_ENDPOINTS = [
  'POST /v1/keys',
  'GET /v1/keys',
  'GET /v1/keys/{appKey}',
  'PATCH /v1/keys/{appKey}',
  'POST /v1/keys/{appKey}/activate',
  'POST /v1/keys/{appKey}/deactivate',
  'DELETE /v1/keys/{appKey}',
  'POST /v1/keys/{appKey}/token/renew',
  'POST /v1/keys/{appKey}/token/finish-renewal',
  'POST /v1/keys/{appKey}/token/undo-renewal',
  'GET /v1/settings',
  'PUT /v1/settings',
  'GET /v1/roles',
  'POST /v1/verify',
  'GET /v1/whoami',
  'GET /openapi.json',
  'GET /health',
];

const documented = (routes as readonly RouteDefinition[]).filter((r) => r.path !== '$default');

describe('GET /openapi.json', () => {
  let api: TestApi;
  let doc: any;
  beforeAll(async () => {
    api = await TestApi.start();
    const reply = await api.request('GET', '/openapi.json');
    expect(reply.status).toBe(200);
    doc = reply.body;
  });
  afterAll(() => api.stop());

  it('is public JSON declaring OpenAPI 3.1', async () => {
    const reply = await api.request('GET', '/openapi.json');

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(reply.body.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(reply.body.paths).toEqual(expect.any(Object));
  });

  it.each(documented.map((r) => [`${r.method} ${r.path}`, r] as const))(
    'describes %s with its success response',
    (_name, route) => {
      const operation = doc.paths?.[route.path]?.[route.method.toLowerCase()];

      expect(operation).toEqual(expect.objectContaining({ responses: expect.any(Object) }));
      expect(operation.responses).toHaveProperty(String(route.success));
      if (route.path.includes('{appKey}')) {
        expect(operation.parameters).toEqual(
          expect.arrayContaining([expect.objectContaining({ name: 'appKey', in: 'path', required: true })]),
        );
      }
      if (route.auth !== 'none') {
        expect(operation.responses).toHaveProperty('401');
      }
      if (route.permission) {
        expect(operation.responses).toHaveProperty('403');
      }
    },
  );

  it("covers every endpoint of API.md's table, and the route table covers them too", () => {
    const inDocument = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const inRoutes = documented.map((r) => `${r.method} ${r.path}`);

    expect(inDocument).toEqual(expect.arrayContaining(CONTRACT_ENDPOINTS));
    expect(inRoutes).toEqual(expect.arrayContaining(CONTRACT_ENDPOINTS));
    expect(inDocument.sort()).toEqual([...inRoutes].sort());
  });

  it('resolves every $ref to a component schema, including Key, Settings and Problem', () => {
    const refs = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') refs.add(v);
          else walk(v);
        }
      }
    };
    walk(doc);

    for (const ref of refs) {
      const [, kind = '', name = ''] = /^#\/components\/(schemas|headers)\/([^/]+)$/.exec(ref) ?? [];
      expect({ ref, kind }).toEqual({ ref, kind: expect.stringMatching(/^(schemas|headers)$/) });
      expect(doc.components[kind]).toHaveProperty([name]);
    }
    expect(doc.components.schemas).toEqual(
      expect.objectContaining({
        Key: expect.any(Object),
        Settings: expect.any(Object),
        Problem: expect.any(Object),
      }),
    );
  });
});

describe('GET /health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('is 200 { status: "ok" } without credentials', async () => {
    const reply = await api.request('GET', '/health');

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body).toEqual({ status: 'ok' });
  });

  it('ignores credentials, even bad ones', async () => {
    const reply = await api.request('GET', '/health', { as: { appKey: 'nope', token: 'nope' } });

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });
});
