declare function log(...args: unknown[]): void;

export function audit(event: string, detail: unknown): void {
  log(event, detail);
}
