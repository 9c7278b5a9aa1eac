// Domain events for operators to wire notifications to: EventBridge in AWS, a JSONL file locally.
export interface DomainEvent {
  type: string;
  detail: Record<string, unknown>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}
