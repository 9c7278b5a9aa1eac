// Time, injected so expiry and alert rules are testable at any instant.
export interface Clock {
  now(): number;
}
