const jose = require('jose');
const { JWK, JWT } = jose;
// ruleid: dotted-name-destructured-root
const t = JWT.verify('tok', JWK.None);
