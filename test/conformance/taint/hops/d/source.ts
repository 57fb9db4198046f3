import { getSecret } from '../vendor';
export function fromD(): string {
  return getSecret();
}
