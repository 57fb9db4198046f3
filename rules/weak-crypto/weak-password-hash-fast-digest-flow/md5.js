const crypto = require('crypto');

function md5(text) {
  return crypto.createHash('md5').update(text).digest('hex');
}

function saltedPassword(salt, password) {
  return salt + String(password).trim();
}

module.exports = { md5, saltedPassword };
