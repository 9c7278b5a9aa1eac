// The local runtime matches routes as API Gateway does: a literal segment wins over a parameter,
// whatever the order of the route table (GET /v1/keys/export is not GET /v1/keys/{appKey}).
import { matchRoute } from '../../infra/local/route-matcher';
import { routes, type RouteDefinition } from '../../shared/routes';

const table = routes as readonly RouteDefinition[];
const literal = table.filter((r) => r.path !== '$default' && !r.path.includes('{'));

describe('matchRoute', () => {
  it.each(literal.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s reaches its own handler, not a parameterized route',
    (_name, route) => {
      expect(matchRoute(route.method, route.path).route.handler).toBe(route.handler);
    },
  );

  it('a path that only a parameterized route matches gets it, with the decoded parameter', () => {
    const match = matchRoute('GET', '/v1/keys/apk-shop-01ARZ3NDEKTSV4RRFFQ69G5FAV');

    expect(match.route.handler).toBe('get-key');
    expect(match.pathParameters).toEqual({ appKey: 'apk-shop-01ARZ3NDEKTSV4RRFFQ69G5FAV' });
  });

  it('does not rely on the table listing export-keys before get-key', () => {
    // The same table with every parameterized route moved first: the worst order for a naive matcher.
    const reordered = [
      ...table.filter((r) => r.path.includes('{')),
      ...table.filter((r) => !r.path.includes('{')),
    ];
    let handler: string | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../shared/routes', () => ({
        ...jest.requireActual('../../shared/routes'),
        routes: reordered,
      }));
      const { matchRoute: reorderedMatch } = jest.requireActual<
        typeof import('../../infra/local/route-matcher')
      >('../../infra/local/route-matcher');
      handler = reorderedMatch('GET', '/v1/keys/export').route.handler;
    });

    expect(reordered[0]!.path).toContain('{');
    expect(handler).toBe('export-keys');
  });
});
