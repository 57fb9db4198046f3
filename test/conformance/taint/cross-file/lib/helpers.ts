export function passThrough(value: string): string {
  return value;
}
