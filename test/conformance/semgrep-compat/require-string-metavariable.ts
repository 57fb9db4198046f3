// ruleid: require-any-string
const ser = require("node-serialize");
// ruleid: require-string-metavariable
ser.unserialize(input);
// ruleid: require-any-string
const other = require("other-lib");
// ok: require-string-metavariable
other.unserialize(input);
// ok: require-any-string
const dynamic = require(input);
