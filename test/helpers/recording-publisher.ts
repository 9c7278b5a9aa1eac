// An EventPublisher that keeps what was published and can be told to fail, to test that the
// expiry scan records a notification only after its publish succeeded.
import type { DomainEvent, EventPublisher } from '../../shared/ports';
import { UnavailableError } from '../../shared/domain/errors';

export class RecordingPublisher implements EventPublisher {
  readonly published: DomainEvent[] = [];
  failing = false;

  async publish(events: DomainEvent[]): Promise<void> {
    if (this.failing) throw new UnavailableError(1, 'TestPublishFailure');
    this.published.push(...events);
  }

  ofType(type: string): DomainEvent[] {
    return this.published.filter((e) => e.type === type);
  }
}
