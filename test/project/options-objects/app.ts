import crypto from 'crypto';
import { WEAK_RSA, STRONG_RSA } from './options';
import { COPY } from './cycle';

// ruleid: project-options-objects
crypto.generateKeyPairSync('rsa', WEAK_RSA);
// ruleid: project-options-objects
crypto.generateKeyPairSync('rsa', COPY);
// ok: project-options-objects
crypto.generateKeyPairSync('rsa', STRONG_RSA);
