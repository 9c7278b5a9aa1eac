// Matches a method and path against the route table, as API Gateway does for an HTTP API.
import { routes, type RouteDefinition } from '../../shared/routes';
import type { MatchedRequest } from './api-gateway-events';

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  params: string[];
}

const compiled: CompiledRoute[] = (routes as readonly RouteDefinition[])
  .filter((r) => r.path !== '$default')
  .map((route) => {
    const params: string[] = [];
    const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`));
    const pattern = source.replace(/\{(\w+)\}/g, (_, name: string) => {
      params.push(name);
      return '([^/]+)';
    });
    return { route, pattern: new RegExp(`^${pattern}$`), params };
  })
  // As API Gateway: a literal segment wins over a parameter (/v1/keys/export over /v1/keys/{appKey}),
  // whatever the order of the route table. The sort is stable, so the table order breaks ties.
  .sort((a, b) => a.params.length - b.params.length);

const fallback = (routes as readonly RouteDefinition[]).find((r) => r.path === '$default')!;

export function matchRoute(method: string, path: string): MatchedRequest & { route: RouteDefinition } {
  for (const { route, pattern, params } of compiled) {
    if (route.method !== method) continue;
    const m = pattern.exec(path);
    if (!m) continue;
    try {
      const pathParameters = Object.fromEntries(params.map((p, i) => [p, decodeURIComponent(m[i + 1]!)]));
      return {
        route,
        routeKey: `${route.method} ${route.path}`,
        pathParameters: params.length ? pathParameters : undefined,
      };
    } catch {
      break; // a malformed escape such as %zz: no route can match it
    }
  }
  return { route: fallback, routeKey: '$default' };
}
