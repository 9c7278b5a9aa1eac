// EventPublisher for local mode: events become JSON lines in DATA_DIR/events.jsonl, in the shape
// EventBridge would deliver them, so notification wiring can be tried without AWS.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DomainEvent, EventPublisher } from '../ports';

export const EVENTS_FILE = 'events.jsonl';

export class LocalEventLog implements EventPublisher {
  constructor(private readonly dataDir: string) {}

  async publish(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const time = new Date().toISOString();
    const lines = events.map((e) =>
      JSON.stringify({ time, source: 'apikeys', 'detail-type': e.type, detail: e.detail }),
    );
    await appendFile(join(this.dataDir, EVENTS_FILE), lines.join('\n') + '\n', { mode: 0o600 });
  }
}
