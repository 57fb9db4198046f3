// helpers exported to other files: the value is reported where it becomes a secret, not here
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomIndex(length: number): number {
  return Math.floor(Math.random() * length);
}

export function pick<T>(list: readonly T[]): T {
  return list[randomIndex(list.length)]!;
}

export function randomString(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += pick([...ALPHABET]);
  return out;
}

export const weakBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));

// Math.random for what is not secret
export function jitter(ms: number): number {
  return ms + Math.floor(Math.random() * 100);
}

export function shuffle<T>(list: T[]): T[] {
  return [...list].sort(() => Math.random() - 0.5);
}
