import { getSecret } from './vendor';

export function loadKey(): string {
  return getSecret();
}

export const moduleKey = getSecret();

export default function defaultKey(): string {
  return getSecret();
}
