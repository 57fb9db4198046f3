import crypto from 'crypto';
import settings, { NAMED, Cipher } from './settings';
import * as all from './settings';

// ruleid: project-objects-and-enums
crypto.createCipheriv(settings.cipher, key, iv);
// ruleid: project-objects-and-enums
crypto.createCipheriv(NAMED.archive.cipher, key, iv);
// ruleid: project-objects-and-enums
crypto.createCipheriv(Cipher.Legacy, key, iv);
// ruleid: project-objects-and-enums
crypto.createCipheriv(all.Cipher.Legacy, key, iv);
// ruleid: project-objects-and-enums
crypto.createCipheriv(all.default.cipher, key, iv);
// ok: project-objects-and-enums
crypto.createCipheriv(Cipher.Modern, key, iv);
