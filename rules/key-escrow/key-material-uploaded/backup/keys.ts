// The client's key module: it makes the identity and exports it, and never sends anything itself.
export interface Identity {
  pair: CryptoKeyPair;
  userId: string;
}

export async function createIdentity(userId: string): Promise<Identity> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveKey']);
  return { pair, userId };
}

export async function exportPrivate(identity: Identity): Promise<string> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', identity.pair.privateKey);
  return Buffer.from(pkcs8).toString('base64');
}

export async function exportPublic(identity: Identity): Promise<JsonWebKey> {
  return crypto.subtle.exportKey('jwk', identity.pair.publicKey);
}
