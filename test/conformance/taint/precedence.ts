declare function decrypt(data: string): string;
declare function hash(data: string): string;
declare function log(...args: unknown[]): void;
declare function readSecret(): string;

function bothSourceAndSanitizer(data: string) {
  // One expression both source and sanitizer: the sanitizer wins, as in Semgrep.
  // ok: taint-precedence
  log(decrypt(data));
}

function sanitizedSink(data: string) {
  const secret = decrypt(data);
  // Code inside a sanitizer is not checked for sinks: `hash(log(secret))` is no finding.
  // ok: taint-precedence
  hash(log(secret) as unknown as string);
}

function sanitizerBeforeSink() {
  const secret = readSecret();
  // ruleid: taint-precedence
  log(secret);
  // ok: taint-precedence
  log(hash(secret));
}
