import defaultKey from '../lib/sources';
import { helpers, loadKey, moduleKey, report, Uploader } from '../lib';
import * as direct from '../lib/sources';
import { log } from '../lib/vendor';

const { secretFromCommonJs } = require('../lib/common');

export function run() {
  // ruleid: taint-cross-file
  log(loadKey());
  // ruleid: taint-cross-file
  log(moduleKey);
  // ruleid: taint-cross-file
  log(defaultKey());
  // ruleid: taint-cross-file
  log(direct.loadKey());
  // ruleid: taint-cross-file
  log(helpers.passThrough(loadKey()));
  // ok: taint-cross-file
  log(helpers.passThrough('clean'));
  // ruleid: taint-cross-file
  report('key', loadKey());
  // ok: taint-cross-file
  report('key', 'clean');
  // ruleid: taint-cross-file
  log(secretFromCommonJs());
  new Uploader(loadKey()).upload();
}
