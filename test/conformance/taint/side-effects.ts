declare function fillRandom(buffer: Uint8Array): void;
declare function wipe(buffer: Uint8Array): void;
declare function log(...args: unknown[]): void;
declare const hasher: { absorb(data: Uint8Array): void; digest(): string };

function bySideEffect() {
  const key = new Uint8Array(32);
  // ok: taint-side-effects
  log(key);
  fillRandom(key);
  // ruleid: taint-side-effects
  log(key);
  wipe(key);
  // ok: taint-side-effects
  log(key);
}

function propagator() {
  const key = new Uint8Array(32);
  fillRandom(key);
  const state = { absorb(_data: Uint8Array) {}, digest: () => 'x' };
  state.absorb(key);
  // ruleid: taint-side-effects
  log(state);
  // ok: taint-side-effects
  log(hasher);
}

declare function readBody(): { secret: string; name: string };
declare function store(value: unknown): void;

function declarationPropagator() {
  // A propagator matched on a declaration writes the variable it declares.
  const { secret, name } = readBody();
  // ruleid: taint-declaration-propagator
  store(secret);
  // ok: taint-declaration-propagator
  store(name);
  const { secret: renamed } = { secret: 'literal' };
  // ok: taint-declaration-propagator
  store(renamed);
}
