declare function getSecret(): string;
declare function log(...args: unknown[]): void;

function identity<T>(value: T): T {
  return value;
}

function dropsArgument(value: string): string {
  return 'constant';
}

function makeSecret(): string {
  return getSecret();
}

function pickSecret(pair: { secret: string; name: string }): string {
  return pair.secret;
}

function logIt(value: unknown): void {
  log('wrapped', value);
}

function logTwice(value: unknown): void {
  logIt(value);
}

function callers() {
  // ruleid: taint-functions
  log(identity(getSecret()));
  // ok: taint-functions
  log(dropsArgument(getSecret()));
  // ruleid: taint-functions
  log(makeSecret());
  // ruleid: taint-functions
  log(pickSecret({ secret: getSecret(), name: 'n' }));
  // ok: taint-functions
  log(pickSecret({ secret: 'x', name: getSecret() }));
  // A wrapper is reported where the value enters it.
  // ruleid: taint-functions
  logIt(getSecret());
  // ok: taint-functions
  logIt('clean');
  // Nested wrappers: the outermost call.
  // ruleid: taint-functions
  logTwice(getSecret());
}

const arrow = (value: string) => value.toUpperCase();

function arrowCallers() {
  // ruleid: taint-functions
  log(arrow(getSecret()));
}

function recursive(value: string, depth: number): string {
  if (depth === 0) return value;
  return recursive(value, depth - 1);
}

function even(value: string, n: number): string {
  return n === 0 ? value : odd(value, n - 1);
}

function odd(value: string, n: number): string {
  return n === 0 ? 'odd' : even(value, n - 1);
}

// A cycle of three whose members are called more than once while it is solved: the value reaches
// the return only through the cycle, so an answer kept from before the cycle was solved would miss it.
function head(value: string, n: number): string {
  return n === 0 ? 'none' : middle(value, n - 1) + tail(value, n - 1);
}

function middle(value: string, n: number): string {
  return n === 0 ? 'none' : tail(value, n - 1);
}

function tail(value: string, n: number): string {
  return n === 0 ? 'none' : n === 1 ? value : head(value, n - 1);
}

function recursion() {
  // ruleid: taint-functions
  log(recursive(getSecret(), 3));
  // ruleid: taint-functions
  log(even(getSecret(), 3));
  // ok: taint-functions
  log(recursive('clean', 3));
  // ruleid: taint-functions
  log(middle(getSecret(), 5));
  // ruleid: taint-functions
  log(head(getSecret(), 5));
  // ok: taint-functions
  log(head('clean', 5));
}
