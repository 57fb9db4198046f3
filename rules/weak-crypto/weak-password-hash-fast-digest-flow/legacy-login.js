const { md5, saltedPassword } = require('./md5');

function checkLogin(user, req) {
  const { password } = req.body;
  // ruleid: weak-password-hash-fast-digest-flow
  return user.hash === md5(saltedPassword(user.salt, password));
}

function etag(body) {
  // ok: weak-password-hash-fast-digest-flow
  return md5(JSON.stringify(body));
}

module.exports = { checkLogin, etag };
