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
