import * as lib from '@foo-bar';
import * as lib2 from 'myotherlib';
const { insecure } = require('@foo-bar');
const lib3 = require('myotherlib');

// ruleid: conformance-metavariable-name
lib.insecure('test');
// ruleid: conformance-metavariable-name
insecure('test');
// ok: conformance-metavariable-name
lib.secure('test');
// ok: conformance-metavariable-name
lib2.insecure('test');
// ok: conformance-metavariable-name
lib3.insecure('test');
