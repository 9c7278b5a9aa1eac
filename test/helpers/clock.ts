// A clock tests can set and move: rules about expiry are tested at any instant.
import type { Clock } from '../../shared/ports';

export class TestClock implements Clock {
  constructor(private current = Date.parse('2026-11-26T12:00:00.000Z')) {}
  now(): number {
    return this.current;
  }
  set(instant: string | number): void {
    this.current = typeof instant === 'number' ? instant : Date.parse(instant);
  }
  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
  advanceMs(ms: number): void {
    this.current += ms;
  }
}
