import { useEffect, useState } from 'react';
import { openBox } from '../lib/open-box';

// The same decryption in browser code is what end-to-end encryption wants: no finding.
export function Inbox({ url, secretKey }: { url: string; secretKey: Uint8Array }) {
  const [text, setText] = useState('');
  useEffect(() => {
    void fetch(url)
      .then((response) => response.json())
      .then(async (body: { ciphertext: Uint8Array; nonce: Uint8Array; from: Uint8Array; key: JsonWebKey }) => {
        setText(new TextDecoder().decode(openBox(body.ciphertext, body.nonce, body.from, secretKey)));
        const key = await crypto.subtle.importKey('jwk', body.key, 'AES-GCM', false, ['decrypt']);
        // ok: server-decrypts-with-user-key
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv: body.nonce }, key, body.ciphertext);
      });
  }, [url, secretKey]);
  return <p>{text}</p>;
}
