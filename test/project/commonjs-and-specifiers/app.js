const crypto = require('crypto');
const legacy = require('./lib/legacy');
const { ALGORITHM } = require('./lib/exports-style.cjs');
const { FROM_INDEX } = require('./lib/ciphers');

// ruleid: project-commonjs-and-specifiers
crypto.createCipheriv(legacy.ALGORITHM, key, iv);
// ruleid: project-commonjs-and-specifiers
crypto.createCipheriv(ALGORITHM, key, iv);
// ruleid: project-commonjs-and-specifiers
crypto.createCipheriv(require('./lib/exports-style.cjs').SECOND, key, iv);
// ruleid: project-commonjs-and-specifiers
crypto.createCipheriv(FROM_INDEX, key, iv);
// ok: project-commonjs-and-specifiers
crypto.createCipheriv(legacy.OTHER, key, iv);
