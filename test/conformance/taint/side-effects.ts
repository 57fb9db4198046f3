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
