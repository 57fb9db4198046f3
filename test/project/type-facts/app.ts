import { Vault, sessionKey } from './keys';

export async function run(name: string) {
  const key = sessionKey();
  const vault = new Vault(key);
  const webKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  // ruleid: project-type-facts
  console.log('key', key);
  // ruleid: project-type-facts
  console.info(vault.key);
  // ruleid: project-type-facts
  console.debug(webKey);
  // ok: project-type-facts
  console.log('vault', vault.label, name);
  // ok: project-type-facts
  console.log(key.symmetricKeySize);
}
