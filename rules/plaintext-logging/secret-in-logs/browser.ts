// Form fields in the browser, and tokens kept by a client class.
import posthog from 'posthog-js';

export function onSubmit(form: HTMLFormElement) {
  const data = new FormData(form);
  const passphrase = data.get('passphrase');
  // ruleid: secret-in-logs
  console.log('unlocking with', passphrase);
  // ok: secret-in-logs
  console.log('unlocking for', data.get('email'));
  const recovery = (document.getElementById('recovery-code') as HTMLInputElement).value;
  // ruleid: secret-in-logs
  posthog.capture('recovery_attempt', { code: recovery });
  // ok: secret-in-logs
  posthog.capture('recovery_attempt', { length: recovery.length });
}

export class ApiSession {
  private accessToken = '';

  async login(username: string, password: string) {
    const response = await fetch('/api/token', { method: 'POST', body: JSON.stringify({ username, password }) });
    const body = (await response.json()) as { accessToken: string };
    this.accessToken = body.accessToken;
  }

  debug() {
    // A field named for a token: the name alone, so low confidence and at most medium.
    // ruleid: secret-in-logs
    console.debug('session', this.accessToken);
  }
}

export function byName(password: string) {
  // A parameter named password: a name-only source (low confidence, at most medium).
  // ruleid: secret-in-logs
  console.log('checking', password);
  // ok: secret-in-logs
  console.log('checking a password of', password.length, 'characters');
}
