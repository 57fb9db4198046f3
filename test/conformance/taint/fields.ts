declare function getSecret(): string;
declare function log(...args: unknown[]): void;

function objectLiteral() {
  const pair = { secret: getSecret(), name: 'public' };
  // ok: taint-fields
  log(pair.name);
  // ruleid: taint-fields
  log(pair.secret);
  // A tainted field taints the whole object where the object itself is logged.
  // ruleid: taint-fields
  log(pair);
}

function fieldAssignment() {
  const holder: { a?: { b?: { c?: { d?: string } } }; other?: string } = {};
  holder.a = { b: { c: {} } };
  holder.a.b!.c!.d = getSecret();
  // ruleid: taint-fields
  log(holder.a.b!.c!.d);
  // ok: taint-fields
  log(holder.other);
}

function destructuring() {
  const { secret: renamed, name = 'x', ...rest } = { secret: getSecret(), name: 'n', extra: getSecret() };
  // ruleid: taint-fields
  log(renamed);
  // ok: taint-fields
  log(name);
  // ruleid: taint-fields
  log(rest);
}

function overwriteField() {
  const box = { value: getSecret() };
  box.value = 'clean';
  // ok: taint-fields
  log(box.value);
}

function spread() {
  const base = { key: getSecret() };
  const merged = { ...base, label: 'x' };
  // ruleid: taint-fields
  log(merged.key);
  // ok: taint-fields
  log(merged.label);
}

function arrays() {
  const list = [getSecret(), 'x'];
  // Arrays are one value: every element carries the taint of any.
  // ruleid: taint-fields
  log(list[1]);
  const other: string[] = [];
  other.push(getSecret());
  // ruleid: taint-fields
  log(other.join(','));
}

function json() {
  const payload = { secret: getSecret() };
  // ruleid: taint-fields
  log(JSON.stringify(payload));
}

class Credentials {
  #secret: string;
  readonly user: string;
  constructor(user: string) {
    this.user = user;
    this.#secret = getSecret();
  }
  header() {
    // ruleid: taint-fields
    log(this.#secret);
    // A #private field is invisible to whatever prints or serialises the object.
    // ok: taint-fields
    log(this);
    return this.#secret;
  }
}

function privateFieldsStayInside() {
  const credentials = new Credentials('ann');
  // ok: taint-fields
  log(credentials);
  // ok: taint-fields
  log(JSON.stringify(credentials));
  // ruleid: taint-fields
  log(credentials.header());
}
