import * as ns from 'node:crypto';
import dflt from 'crypto';
import { createCipheriv as renamed } from 'crypto';
import { createCipheriv } from './not-node-crypto';
import localCrypto from './crypto';
import cryptoEquals = require('crypto');
const required = require('crypto');
const { createCipheriv: destructured } = require('node:crypto');
const subtleAlias = required.createCipheriv;

// ruleid: conformance-import-aliases
ns.createCipheriv('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
dflt.createCipheriv('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
renamed('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
required.createCipheriv('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
destructured('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
require('crypto').createCipheriv('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
required['createCipheriv']('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
subtleAlias('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
cryptoEquals.createCipheriv('aes-256-gcm', k, iv);
// ruleid: conformance-import-aliases
required?.createCipheriv('aes-256-gcm', k, iv);
// ok: conformance-import-aliases
createCipheriv('aes-256-gcm', k, iv);
// ok: conformance-import-aliases
localCrypto.createCipheriv('aes-256-gcm', k, iv);
// ok: conformance-import-aliases
required.createDecipheriv('aes-256-gcm', k, iv);
