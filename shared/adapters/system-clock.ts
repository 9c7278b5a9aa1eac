// The real clock. Everything else receives a Clock, so tests can stand at any instant.
import type { Clock } from '../ports';

export const systemClock: Clock = { now: () => Date.now() };
