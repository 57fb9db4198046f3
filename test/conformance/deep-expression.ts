// ruleid: conformance-deep-expression
console.info('key', { value: privateKey });
// ruleid: conformance-deep-expression
console.error(`key=${JSON.stringify(privateKey)}`);
// ok: conformance-deep-expression
console.info('key', publicKey);
