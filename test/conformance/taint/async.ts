declare function getSecret(): string;
declare function fetchSecret(): Promise<string>;
declare function log(...args: unknown[]): void;

async function loadSecret(): Promise<string> {
  return getSecret();
}

async function awaited() {
  const value = await loadSecret();
  // ruleid: taint-async
  log(value);
}

function thenCallback() {
  loadSecret().then((value) => {
    // ruleid: taint-async
    log(value);
  });
}

function promiseAll() {
  Promise.all([loadSecret(), Promise.resolve('x')]).then((values) => {
    // ruleid: taint-async
    log(values[0]);
  });
}

function newPromise() {
  const promise = new Promise<string>((resolve) => resolve(getSecret()));
  promise.then((value) => {
    // ruleid: taint-async
    log(value);
  });
}

function arrayCallbacks() {
  const secrets = [getSecret()];
  secrets.forEach((item) => {
    // ruleid: taint-async
    log(item);
  });
  const upper = secrets.map((item) => item.toUpperCase());
  // ruleid: taint-async
  log(upper);
  const lengths = ['a', 'b'].map((item) => item.length);
  // ok: taint-async
  log(lengths);
  // Array.from and the typed arrays' from with a mapping function: the array holds what it returns
  const made = Uint8Array.from({ length: 4 }, () => getSecret().length);
  // ruleid: taint-async
  log(made);
  const copied = Array.from(secrets, (item) => item.trim());
  // ruleid: taint-async
  log(copied);
  const counted = Array.from({ length: 4 }, (_, index) => index * 2);
  // ok: taint-async
  log(counted);
  const replaced = Array.from(secrets, () => 'placeholder');
  // ok: taint-async
  log(replaced);
  // ruleid: taint-async
  log(Array.from(secrets));
}

function closures() {
  const secret = getSecret();
  const later = () => {
    // Closures see the taint of captured variables.
    // ruleid: taint-async
    log(secret);
  };
  later();
  setTimeout(() => {
    // ruleid: taint-async
    log(secret);
  }, 10);
}

function callbackParameter(handler: (value: string) => void) {
  handler(getSecret());
}

function passesCallback() {
  callbackParameter((value) => {
    // A function passed as an argument is analysed with what it is called with.
    // ruleid: taint-async
    log(value);
  });
}
