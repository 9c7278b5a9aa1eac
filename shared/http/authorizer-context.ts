// The context the Lambda REQUEST authorizer hands to the routes behind it. API Gateway passes
// only scalar values, so lists travel comma-separated (role ids and permissions contain no comma).
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Caller } from '../use-cases/caller';

export type AuthorizerContext = Record<'account' | 'owner' | 'appKey' | 'roles' | 'permissions', string>;

export const toAuthorizerContext = (caller: Caller): AuthorizerContext => ({
  account: caller.account,
  owner: caller.owner ?? caller.account,
  appKey: caller.appKey,
  roles: caller.roles.join(','),
  permissions: caller.permissions.join(','),
});

const split = (list: string | undefined): string[] => (list ? list.split(',') : []);

export function callerFromAuthorizerContext(event: APIGatewayProxyEventV2): Caller | null {
  const context = (event.requestContext as { authorizer?: { lambda?: Partial<AuthorizerContext> } })
    .authorizer?.lambda;
  if (!context?.account || !context.appKey) return null;
  return {
    account: context.account,
    owner: context.owner ?? context.account,
    appKey: context.appKey,
    roles: split(context.roles),
    permissions: split(context.permissions),
  };
}
