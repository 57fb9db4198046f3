// Helpers exported to other files: the value is reported where it becomes a secret.
export const randomKey = () => Math.random().toString(36).slice(2);

export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(Math.random() * 10);
  return out;
}

export function jitter(ms: number): number {
  return ms + Math.floor(Math.random() * 250);
}

export function shuffle<T>(items: T[]): T[] {
  return [...items].sort(() => Math.random() - 0.5);
}

export function sample<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

export function secureToken(): string {
  return crypto.randomUUID();
}
