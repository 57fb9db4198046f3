import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { mayContain, requiredLiteral } from '../src/match/required-literal.js';
import { compileRegex } from '../src/match/safe-regex.js';

describe('required literal of a regex', () => {
  it.each([
    ['-----BEGIN ((RSA|EC) )?PRIVATE KEY-----[[:space:]]*[^[:space:]-]{40,}', 'PRIVATE KEY-----', false],
    ['(?i)aes-gcm', '-gcm', true],
    ['(?i)kdf-params', 'df-param', true],
    ['AGE-SECRET-KEY-1[0-9A-Z]{50,}', 'AGE-SECRET-KEY-1', false],
    ['^([\\w$]+\\.)?Hmac(MD5|SHA1)$', 'Hmac', false],
    ['ab\\.?cdef', 'cdef', false],
    ['crypto\\.createHash', 'crypto.createHash', false],
    ['x+yz', 'yz', false],
  ])('%s requires %s', (source, text, ignoreCase) => {
    expect(requiredLiteral(source)).toEqual({ text, ignoreCase });
  });

  it.each(['a|bcd', 'ab(?i)cd', '\\p{L}+abc', '\\Qabc\\E', '(unclosed', '[abc', 'a.b', '(?i)sks'])('gives none for %s', (source) => {
    expect(requiredLiteral(source)).toBeUndefined();
  });

  // The literal may only ever rule out texts that RE2 itself would not match.
  const sources = [
    '(?i)[\'"`]?(des|des3|rc4)([-_][a-z0-9-]*)?[\'"`]?$',
    '(?i)(.*\\.)?(ctr|ctrgladman|ofb)$',
    '-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----',
    '(?i)secret[-_]?key',
    'Hmac(MD5|SHA1|SHA256)$',
    '(?i)md5',
    'a{2}bc',
    '\\bkey\\b',
  ];
  const texts = [
    'DES-EDE3-CBC', "'rc4'", 'aes-256-ctr', 'CryptoJS.mode.CTRGladman', '-----BEGIN RSA PRIVATE KEY-----\nMIIE',
    'SECRET_KEY', 'ſecret-key', 'HmacSHA256', 'MD5', 'aabc', 'abc', 'the key', 'monkey', '', 'Secret-Key', 'md5sum',
  ];
  it.each(sources)('never rules out a text RE2 matches: %s', (source) => {
    const literal = requiredLiteral(source);
    const regex = RE2JS.compile(source);
    for (const text of texts) {
      if (regex.matcher(text).find()) expect(mayContain(literal, text)).toBe(true);
    }
  });

  it('leaves compiled regexes answering as before', () => {
    const regex = compileRegex('(?i)secret[-_]?key');
    expect(regex.test('my SECRET_KEY here')).toBe(true);
    expect(regex.test('nothing')).toBe(false);
    expect(regex.matchesAtStart('Secret-Key=1')).toBe(true);
    expect(regex.findAll('a secretkey and a SECRET-KEY').map((match) => match.start)).toEqual([2, 18]);
  });
});
