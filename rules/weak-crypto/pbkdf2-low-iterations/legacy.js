const crypto = require('crypto');
const config = require('./legacy-config');

function hashPassword(password, salt, overrides) {
  const kdf = Object.assign({}, config.kdf, overrides);
  // ruleid: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, kdf.iterations, 32, kdf.digest);
}

function hashPasswordRaised(password, salt) {
  const kdf = Object.assign({}, config.kdf, { iterations: 1300000 });
  // ok: pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, kdf.iterations, 32, kdf.digest);
}

module.exports = { hashPassword, hashPasswordRaised };
