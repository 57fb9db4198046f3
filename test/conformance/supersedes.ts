import crypto from 'node:crypto';

declare const password: string;
declare const body: string;

// ok: conformance-md5-password
// ruleid: conformance-any-md5
const etag = crypto.createHash('md5').update(body).digest('hex');

// ruleid: conformance-md5-password
// ok: conformance-any-md5
const stored = crypto.createHash('md5').update(password).digest('hex');

// a rule may supersede several, and a superseded rule may supersede others in turn
// ruleid: conformance-md5-key
// ok: conformance-any-md5, conformance-md5-password
const key = crypto.createHash('md5').update(password).digest();

// the inventory finding stays where the specific one covers other code
// ruleid: conformance-md5-password
const pair = [crypto.createHash('md5').update(password).digest('hex'),
  // ruleid: conformance-any-md5
  crypto.createHash('md5').update(body).digest('hex')];

export { etag, stored, key, pair };
