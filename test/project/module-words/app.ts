import { sodium } from './lib/sodium';
import AES from './lib/aes';

declare const message: Uint8Array;
declare const nonce: Uint8Array;
declare const key: Uint8Array;

// ruleid: project-module-words-name
sodium.crypto_secretbox_easy(message, nonce, key);
// ok: project-module-words-name
sodium.crypto_secretbox_open_easy(message, nonce, key);

// ruleid: project-module-words-require
AES.encrypt('attack at dawn', 'hunter2');
