// What the operators hear of a leak once it is cut: the `Token Leaked` event (for notifications to
// the key's owner) and one WARN log line per leak (the metric filter of the leak alarm counts it).
// Publishing is best effort: the key is already cut, and a failed publish must not turn the
// report into an error that the scanner retries for nothing.
import type { ApiKey, TokenRecord } from '../../domain/key';
import type { EventPublisher } from '../../ports';
import { logger } from '../../logger';
import type { LeakOutcome } from './leak-transition';
import { TOKEN_LEAKED, TOKEN_LEAKED_LOG } from './leak-signals';

export class LeakNotices {
  constructor(private readonly events: EventPublisher) {}

  async leaked(key: ApiKey, token: TokenRecord, outcome: LeakOutcome): Promise<void> {
    logger.warn(TOKEN_LEAKED_LOG, { account: key.account, appKey: key.appKey, outcome });
    const detail = {
      id: `${token.id}:leaked`,
      account: key.account,
      appKey: key.appKey,
      name: key.name,
      tokenId: token.id,
      outcome,
      ...key.leak,
    };
    await this.events.publish([{ type: TOKEN_LEAKED, detail }]).catch((error: unknown) => {
      logger.error('leak event not published', { appKey: key.appKey, error: (error as Error).name });
    });
  }
}
