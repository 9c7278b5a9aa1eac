// EventPublisher on an EventBridge bus. PutEvents takes 10 entries per call and can fail per
// entry; any failure fails the publish, so the caller does not record it and retries later.
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { UnavailableError } from '../domain/errors';
import { rethrowSdkError } from './outage';
import type { DomainEvent, EventPublisher } from '../ports';

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: DomainEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      let failed: number;
      try {
        const out = await this.client.send(
          new PutEventsCommand({
            Entries: batch.map((e) => ({
              EventBusName: this.busName,
              Source: 'apikeys',
              DetailType: e.type,
              Detail: JSON.stringify(e.detail),
            })),
          }),
        );
        failed = out.FailedEntryCount ?? 0;
      } catch (error) {
        return rethrowSdkError(error);
      }
      if (failed > 0) throw new UnavailableError(1, 'PutEventsPartialFailure');
    }
  }
}
