const { fromC } = require('../c/relay');
exports.fromB = function fromB() {
  return fromC();
};
