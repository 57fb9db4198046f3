declare function decrypt(data: string): string;
declare function hash(data: string): string;
declare function log(...args: unknown[]): void;
declare function readSecret(): string;
declare function readConfig(): string;
declare function record(...args: unknown[]): void;

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

function fallbackSource() {
  // A source whose `requires` is `not __SOURCE__` is a fallback: it applies only where the sources
  // listed before it left no taint, the same expression included. One finding, from readSecret().
  // ruleid: taint-precedence-fallback
  record(readSecret());
  // Only the fallback matches here.
  // ruleid: taint-precedence-fallback
  record(readConfig());
}
