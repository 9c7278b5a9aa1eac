// The structured logger (Powertools), created once per container. Every value passes through a
// redaction step on its way to JSON, so a token cannot be printed even by mistake: anything shaped
// like a token, and any field named like a secret, is replaced before the line is written.
import { Logger } from '@aws-lambda-powertools/logger';

const TOKEN_ANYWHERE = /apt_[0-9A-Za-z]{20,}/g;
// Field names that hold credentials (appToken, x-api-apptoken, token...), not tokenDurationDays.
const SECRET_FIELD = /token$|secret|authorization|password|^body$/i;

export function redact(key: string, value: unknown): unknown {
  if (key !== '' && SECRET_FIELD.test(key) && value !== null && typeof value !== 'object')
    return '[redacted]';
  if (typeof value === 'string') return value.replace(TOKEN_ANYWHERE, 'apt_[redacted]');
  return value;
}

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'apikeys',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
  jsonReplacerFn: redact,
});
