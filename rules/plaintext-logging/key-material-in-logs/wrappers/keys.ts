// A module that makes keys; nothing here logs.
export interface DeviceKeys {
  signing: CryptoKeyPair;
  exportedSigningKey: JsonWebKey;
}

export async function createDeviceKeys(): Promise<DeviceKeys> {
  const signing = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const exportedSigningKey = await crypto.subtle.exportKey('jwk', signing.privateKey);
  return { signing, exportedSigningKey };
}

export async function publicJwk(keys: DeviceKeys): Promise<JsonWebKey> {
  return crypto.subtle.exportKey('jwk', keys.signing.publicKey);
}
