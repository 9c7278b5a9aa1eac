// The container's services: built once on first use (cold start) and shared by every invocation;
// the local runtime and the tests put in their own. Kept apart from the composition root so that
// a function needing only part of the services (verification, health) can build just that part
// without bundling every use case (shared/verification-services.ts).
let current: object | undefined;

/** The services in place, or `build()`'s, which then stay in place. */
export function servicesOr<T extends object>(build: () => T): T {
  current ??= build();
  return current as T;
}

/** Puts services in place (the local runtime, tests); `undefined` empties the container. */
export function replaceServices(services: object | undefined): void {
  current = services;
}

/** The services in place, if any (without building any). */
export const servicesInPlace = <T extends object>(): T | undefined => current as T | undefined;
