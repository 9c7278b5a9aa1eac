// Instants are ISO-8601 UTC strings with milliseconds on the wire and in storage; arithmetic is on epoch ms.

export const DAY_MS = 86_400_000;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const ms = (instant: string): number => Date.parse(instant);
export const addDays = (instant: string, days: number): string => iso(ms(instant) + days * DAY_MS);
