const { getSecret } = require('./vendor');

function secretFromCommonJs() {
  return getSecret();
}

module.exports = { secretFromCommonJs };
