declare function getSecret(): string;
declare function log(...args: unknown[]): void;

// A call chain of ten functions between the source and the caller that logs.
function f1(value: string) { return f2(value); }
function f2(value: string) { return f3(value); }
function f3(value: string) { return f4(value); }
function f4(value: string) { return f5(value); }
function f5(value: string) { return f6(value); }
function f6(value: string) { return f7(value); }
function f7(value: string) { return f8(value); }
function f8(value: string) { return f9(value); }
function f9(value: string) { return f10(value); }
function f10(value: string) { return `${value}!`; }

function longChain() {
  // ruleid: taint-chains
  log(f1(getSecret()));
  // ok: taint-chains
  log(f1('clean'));
}

// A parameter's field written by the callee.
function fill(target: { key?: string; name?: string }, value: string) {
  target.key = value;
  target.name = 'fixed';
}

function fieldsOfArguments() {
  const box: { key?: string; name?: string } = {};
  fill(box, getSecret());
  // ruleid: taint-chains
  log(box.key);
  // ok: taint-chains
  log(box.name);
}

function conversions() {
  const secret = getSecret();
  // ruleid: taint-chains
  log(String(secret));
  // ruleid: taint-chains
  log(secret.toString());
  // ruleid: taint-chains
  log(Buffer.from(secret).toString('base64'));
  // ruleid: taint-chains
  log(new TextEncoder().encode(secret));
  // ok: taint-chains
  log(new TextEncoder().encode('constant'));
}

function maps() {
  const cache = new Map<string, string>();
  cache.set('k', getSecret());
  // Maps are one value: what is stored in any key comes out of every key.
  // ruleid: taint-chains
  log(cache.get('other'));
}

function receivers() {
  const holder = { secret: getSecret(), describe() { return 'holder'; } };
  // A tainted field taints the object used as a receiver of an unknown call.
  // ruleid: taint-chains
  log(holder.toString());
}

async function promiseHandlers() {
  const loaded = Promise.resolve(getSecret());
  // ruleid: taint-chains
  log(await loaded.catch(() => 'fallback'));
  // ruleid: taint-chains
  log(await loaded.finally(() => undefined));
}
