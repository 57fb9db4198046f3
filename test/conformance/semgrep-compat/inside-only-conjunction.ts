const Strategy = require("passport-x");
// ruleid: inside-only-conjunction
new Strategy(secret());
// ok: inside-only-conjunction
new Strategy(config(), secret());
// ok: inside-only-conjunction
new Other(secret());

function run() {
  // ruleid: inside-only-search
  if (debug) {
    trace();
  }
}
// ok: inside-only-search
if (debug) {
  trace();
}

const libxml = require('libxmljs');
// ruleid: inside-only-either
libxml.parseXml(input, { noent: true });
// ok: inside-only-either
libxml.parseXml(input, { noent: false });
// ok: inside-only-either
other.parseXml(input, { noent: true });
