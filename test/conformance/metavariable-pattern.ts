import https from 'node:https';
// ruleid: conformance-metavariable-pattern
https.createServer({ key, cert }, handler);
// ok: conformance-metavariable-pattern
https.createServer({ key, cert, secureOptions: flags }, handler);
