// Decrypted in one module, reported in another; a class keeps the last message.
import { decryptEnvelope, type Envelope } from './crypto';
import { track } from './telemetry';

export class Timeline {
  private last: { id: string; text: string } | undefined;

  async receive(envelope: Envelope, key: CryptoKey) {
    this.last = await decryptEnvelope(envelope, key);
    if (this.last.text.length > 10_000) {
      // ruleid: plaintext-in-logs
      track.failure('message too long', { message: this.last });
      // ok: plaintext-in-logs
      track.failure('message too long', { id: this.last.id, length: this.last.text.length });
    }
  }

  render() {
    // ruleid: plaintext-in-logs
    console.debug('rendering', this.last?.text);
    // ok: plaintext-in-logs
    console.debug('rendering', this.last?.id);
  }
}

export async function receiveAll(envelopes: Envelope[], key: CryptoKey) {
  const messages = await Promise.all(envelopes.map((envelope) => decryptEnvelope(envelope, key)));
  for (const message of messages) {
    // ruleid: plaintext-in-logs
    if (!message.text) throw new Error(`empty message ${JSON.stringify(message)}`);
  }
}
