declare function getSecret(): string;

export function sessionSecret(): string {
  return getSecret();
}
