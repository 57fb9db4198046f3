import makeDefault, { encryptWith, createCipherivLookalike } from './lib/crypto-facade';
import * as facade from './lib/crypto-facade';
import { makeCipher } from './lib';

// ruleid: project-facades
encryptWith('des-cbc', key, iv);
// ruleid: project-facades
facade.makeCipher('des-cbc', key, iv);
// ruleid: project-facades
makeCipher('des-cbc', key, iv);
// ruleid: project-facades
makeDefault('des-cbc', key, iv);
// ok: project-facades
createCipherivLookalike('des-cbc');
// ok: project-facades
encryptWith('aes-256-gcm', key, iv);
