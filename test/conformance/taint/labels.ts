declare function generatePrivateKey(): string;
declare function wrapWithServerKey(key: string): string;
declare function encryptForUser(key: string): string;
declare function upload(body: unknown): void;

function raw() {
  const key = generatePrivateKey();
  // As in Semgrep, a sink without `requires` wants the default label, which no source here gives.
  // ruleid: taint-labels
  // ok: taint-labels-default-sink
  upload(key);
}

function wrappedForServer() {
  const key = generatePrivateKey();
  // The wrap keeps the key's label and adds WRAPPED: still KEY, not USER_WRAPPED.
  // ruleid: taint-labels
  upload(wrapWithServerKey(key));
}

function wrappedForUser() {
  const key = generatePrivateKey();
  // ok: taint-labels
  upload(encryptForUser(key));
}

function notAKey() {
  // The conditional source needs KEY on what it matched.
  // ok: taint-labels
  upload(wrapWithServerKey('constant'));
}

function helper(value: string): string {
  return wrapWithServerKey(value);
}

function throughHelper() {
  // A conditional source inside a callee is decided by what the caller passes.
  // ruleid: taint-labels
  upload(helper(generatePrivateKey()));
}
