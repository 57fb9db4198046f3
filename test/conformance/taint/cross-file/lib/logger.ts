import { log } from './vendor';

export function report(message: string, detail: unknown): void {
  log(message, detail);
}

export class Uploader {
  constructor(private readonly key: string) {}

  upload(): void {
    // ruleid: taint-cross-file
    log(this.key);
  }
}
