declare function source(...args: unknown[]): string;
declare function sink(...args: unknown[]): void;

function subexpressionsOfSources(x: string) {
  // Every subexpression of a source match is a source (Semgrep's default, exact: false).
  // ruleid: taint-exactness, taint-inexact-sink, taint-focused-sink
  // ok: taint-exact-source
  source(sink(x));
}

function conditionalArgument(flag: boolean) {
  const tainted = source();
  // The sink sees the argument's value: the condition does not flow into it (exact sinks);
  // a non-exact sink sees every subexpression, the condition included.
  // ok: taint-exactness, taint-exact-source, taint-focused-sink
  // ruleid: taint-inexact-sink
  sink(tainted.length > 0 ? 'c' : 'd');
  // ok: taint-exactness, taint-exact-source, taint-focused-sink, taint-inexact-sink
  sink(flag ? 'a' : 'b');
}

function focused() {
  const tainted = source();
  // ok: taint-focused-sink
  // ruleid: taint-exactness, taint-exact-source, taint-inexact-sink
  sink('clean', tainted);
  // ruleid: taint-focused-sink, taint-exactness, taint-exact-source, taint-inexact-sink
  sink(tainted, 'clean');
}

declare function read(name: string): string;
declare function write(name: string, value: string): void;

function unified() {
  const token = read('token');
  // ruleid: taint-unify
  write('token', token);
  // ok: taint-unify
  write('other', token);
}
