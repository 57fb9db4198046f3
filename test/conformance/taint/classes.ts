declare function getSecret(): string;
declare function log(...args: unknown[]): void;

class Vault {
  private key = getSecret();
  private label = 'vault';

  leakKey() {
    // ruleid: taint-classes
    log(this.key);
  }

  safe() {
    // ok: taint-classes
    log(this.label);
  }
}

class Holder {
  private stored = '';

  remember() {
    this.stored = getSecret();
  }

  dump() {
    // Assigned in another method: tainted for every method that reads it.
    // ruleid: taint-classes
    log(this.stored);
  }
}

class Inbox {
  private last = { id: 'none', body: '' };

  receive(id: string) {
    this.last = { id, body: getSecret() };
  }

  show() {
    // A field read in another method keeps the shape of what was stored: body tainted, id clean.
    // ruleid: taint-classes
    log(this.last.body);
    // ok: taint-classes
    log(this.last.id);
  }
}

class Sender {
  constructor(private readonly token: string) {}

  send() {
    // Taint that reaches a sink through `this` is reported at the sink.
    // ruleid: taint-classes
    log(this.token);
  }
}

class Quiet {
  constructor(private readonly token: string) {}

  send() {
    // ok: taint-classes
    log(this.token);
  }
}

function useSender() {
  const sender = new Sender(getSecret());
  sender.send();
  const quiet = new Quiet('constant');
  quiet.send();
}

class Service {
  read(): string {
    return getSecret();
  }
}

class Controller {
  constructor(private readonly service: Service) {}

  handle() {
    const value = this.service.read();
    // ruleid: taint-classes
    log(value);
  }
}
