import { generateKeyPairSync } from 'crypto';
const BITS = 1024;
const OPTIONS = { publicExponent: 65537, modulusLength: 512 };

// ruleid: conformance-object-fields
generateKeyPairSync('rsa', { modulusLength: 1024 });
// ruleid: conformance-object-fields
generateKeyPairSync('rsa', { publicKeyEncoding: { type: 'spki', format: 'pem' }, modulusLength: BITS });
// ruleid: conformance-object-fields
generateKeyPairSync('rsa', OPTIONS);
// ruleid: conformance-object-fields
generateKeyPairSync('rsa', { modulusLength: 2 ** 10 });
// ok: conformance-object-fields
generateKeyPairSync('rsa', { modulusLength: 4096 });
// ok: conformance-object-fields
generateKeyPairSync('rsa', { modulusLength: size });
// ok: conformance-object-fields
generateKeyPairSync('ec', { namedCurve: 'P-256' });
