import { SETTINGS, SHARED_KEY } from './config';

declare function seal(key: string, data: string): string;

// used twice in this file: one finding, at the definition
// ruleid: conformance-report-at-definition
const LOCAL_KEY = 'k-local-0123456789';

export function first(data: string) {
  // ok: conformance-report-at-definition
  return seal(LOCAL_KEY, data);
}

export function second(data: string) {
  // ok: conformance-report-at-definition
  return seal(LOCAL_KEY, data);
}

export function imported(data: string) {
  // ok: conformance-report-at-definition
  return seal(SHARED_KEY, data) + seal(SETTINGS.key, data);
}

export function literal(data: string) {
  // a match whose metavariable is not a name stays where it is
  // ruleid: conformance-report-at-definition
  return seal('k-inline-0123456789', data);
}

export function parameter(key: string, data: string) {
  // ok: conformance-report-at-definition
  return seal(key, data);
}
