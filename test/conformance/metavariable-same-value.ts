declare function use(value: unknown): void;
declare function each(value: unknown): void;
declare function fill(value: Uint8Array): void;
declare function random(): Uint8Array;

export function twice() {
  const a = random();
  use(a);
  // ruleid: conformance-same-value
  use(a);
}

export function readBetween() {
  const a = random();
  use(a);
  console.log(a.toString(), a.length, a[0]);
  // ruleid: conformance-same-value
  use(a);
}

export function reassigned() {
  let a = random();
  use(a);
  a = random();
  // ok: conformance-same-value
  use(a);
}

export function indexWrite() {
  const a = new Uint8Array(12);
  use(a);
  a[0] = 1;
  // ok: conformance-same-value
  use(a);
}

export function methodWrite(b: Buffer, n: number) {
  use(b);
  b.writeUInt32BE(n, 8);
  // ok: conformance-same-value
  use(b);
}

export function givenToACall() {
  const a = new Uint8Array(12);
  use(a);
  fill(a);
  // ok: conformance-same-value
  use(a);
}

export function copiedInto(source: Buffer, target: Buffer) {
  use(target);
  source.copy(target);
  // ok: conformance-same-value
  use(target);
}

export function closureWrites() {
  const counter = new Uint8Array(12);
  const advance = () => {
    counter[11]++;
  };
  use(counter);
  advance();
  // ok: conformance-same-value
  use(counter);
}

export function helperWrites() {
  const a = new Uint8Array(12);
  use(a);
  bump(a);
  // ok: conformance-same-value
  use(a);
}
function bump(value: Uint8Array) {
  value[0]++;
}

export function differentDeclarations() {
  const a = random();
  use(a);
  {
    const a = random();
    // ok: conformance-same-value
    use(a);
  }
}

export function differentExpressions(x: Uint8Array, y: Uint8Array) {
  use(x);
  // ok: conformance-same-value
  use(y);
}

export function notAReference() {
  use(random());
  // ok: conformance-same-value
  use(random());
}

export class Holder {
  private nonce = random();
  private state = { iv: random() };
  twice() {
    use(this.nonce);
    // ruleid: conformance-same-value
    use(this.nonce);
  }
  advancedByAMethod() {
    use(this.nonce);
    this.next();
    // ok: conformance-same-value
    use(this.nonce);
  }
  partReplaced() {
    use(this.state.iv);
    this.state = { iv: random() };
    // ok: conformance-same-value
    use(this.state.iv);
  }
  private next() {
    this.nonce = random();
  }
}

export function loops(items: Uint8Array[]) {
  const outside = random();
  for (const item of items) {
    // ruleid: conformance-same-value-every-iteration
    each(outside);
    // ok: conformance-same-value-every-iteration
    each(item);
    const inside = random();
    // ok: conformance-same-value-every-iteration
    each(inside);
  }
  const counter = new Uint8Array(12);
  let i = 0;
  while (i++ < items.length) {
    counter[0] = i;
    // ok: conformance-same-value-every-iteration
    each(counter);
  }
  // ruleid: conformance-same-value-every-iteration
  items.forEach(() => each(outside));
  // ok: conformance-same-value-every-iteration
  items.forEach((item) => each(item));
  // not in a loop
  // ok: conformance-same-value-every-iteration
  each(outside);
  // a callback that is not an iteration
  // ok: conformance-same-value-every-iteration
  setTimeout(() => each(outside));
}
