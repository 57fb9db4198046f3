declare function getSecret(): string;
declare function log(...args: unknown[]): void;
declare function redact(value: unknown): string;
declare function other(value: unknown): string;

function direct() {
  // ruleid: taint-basics
  log(getSecret());
}

function throughVariable() {
  const secret = getSecret();
  const copy = secret;
  // ruleid: taint-basics
  log('value: ' + copy);
}

function reassigned() {
  let value = getSecret();
  value = 'clean';
  // ok: taint-basics
  log(value);
}

function sanitized() {
  const secret = getSecret();
  // ok: taint-basics
  log(redact(secret));
}

function throughUnknownCall() {
  const secret = getSecret();
  // ruleid: taint-basics
  log(other(secret));
}

function branches(flag: boolean) {
  let value = 'clean';
  if (flag) value = getSecret();
  // ruleid: taint-basics
  log(value);
}

function template() {
  const secret = getSecret();
  // ruleid: taint-basics
  log(`the secret is ${secret}`);
}

function loop(items: string[]) {
  let acc = '';
  let next = '';
  for (const item of items) {
    acc = next;
    next = getSecret();
  }
  // ruleid: taint-basics
  log(acc);
}

function logicalOperators(flag: boolean) {
  const body = { name: 'ann', secret: getSecret() };
  // `a && b` is `a` only when `a` is falsy, which holds nothing: the guarded read is the name.
  // ok: taint-basics
  log(body && body.name);
  // ruleid: taint-basics
  log(body && body.secret);
  // ruleid: taint-basics
  log(flag || body.secret);
  // ruleid: taint-basics
  log(body.secret ?? 'none');
  // ruleid: taint-basics
  log(getSecret() || 'none');
}
