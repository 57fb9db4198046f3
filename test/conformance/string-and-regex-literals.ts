// ruleid: conformance-string-and-regex-literals
request('https://api.DEV.example.com');
// ok: conformance-string-and-regex-literals
request('https://api.example.com');
// ruleid: conformance-string-and-regex-literals
validate(/^[a-z]+$/i);
// ok: conformance-string-and-regex-literals
validate('not a regex');
