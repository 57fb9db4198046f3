// The chat client's crypto module: decrypts; nothing here logs.
export interface Envelope {
  id: string;
  iv: string;
  body: string;
}

export async function decryptEnvelope(envelope: Envelope, key: CryptoKey): Promise<{ id: string; text: string }> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: Buffer.from(envelope.iv, 'base64') },
    key,
    Buffer.from(envelope.body, 'base64'),
  );
  return { id: envelope.id, text: new TextDecoder().decode(plain) };
}
