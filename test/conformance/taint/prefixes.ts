declare const request: { params: Record<string, string> };
declare function send(body: unknown): void;
declare function fetchSettings(): { get(name: string): string };

function sourceIsAPrefix() {
  // A source matched on a prefix of a member chain taints the whole chain.
  // ruleid: taint-prefixes
  send(request.params.user);
  // ruleid: taint-prefixes
  send(request.params['user']);
  const user = request.params.user;
  // ruleid: taint-prefixes
  send(user);
}

function onMessage(message: { body: string }) {
  // ruleid: taint-prefixes
  send(message.body);
}

function focusedSinkOnACall() {
  // A focused sink that is itself a call sees the call's value (its receiver's taint included).
  // ruleid: taint-prefixes
  send(new URLSearchParams(request.params).get('user'));
  // ok: taint-prefixes
  send(fetchSettings().get('user'));
}

function sideEffectOnAssignmentTarget() {
  const account = { name: 'n', password: '' };
  // ok: taint-prefixes
  send(account);
  account.password = 'typed-by-user';
  // The object whose field is assigned becomes a source by side effect.
  // ruleid: taint-prefixes
  send(account);
}
