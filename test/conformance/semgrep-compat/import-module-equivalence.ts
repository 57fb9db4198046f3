function destructured(name: string) {
  const { readFile } = require("fs/promises");
  // ruleid: import-module-equivalence
  readFile(name);
}
function member(name: string) {
  const readFile = require("fs/promises").readFile;
  // ruleid: import-module-equivalence
  return readFile(name);
}
function otherModule(name: string) {
  const { readFile } = require("fs");
  // ok: import-module-equivalence
  readFile(name);
}
function before(name: string) {
  // ok: import-module-equivalence
  readFile(name);
  const { readFile: read } = require("fs/promises");
  read(name);
}
