import { SHARED_KEY } from './config';

declare function seal(key: string, data: string): string;

export function elsewhere(data: string) {
  // ok: conformance-report-at-definition
  return seal(SHARED_KEY, data);
}
