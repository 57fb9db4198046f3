const crypto = require('crypto');

function attachHooks(userSchema) {
  userSchema.pre('save', function (next) {
    // ruleid: weak-password-hash-fast-digest-flow
    this.password = crypto.createHash('sha1').update(this.password).digest('hex');
    next();
  });
}

module.exports = { attachHooks };
