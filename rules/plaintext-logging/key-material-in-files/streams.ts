import fs from 'node:fs';
import nacl from 'tweetnacl';
import { appendLine } from './cli/storage';

export class KeyExporter {
  private readonly pair = nacl.box.keyPair();

  async export(path: string) {
    const out = fs.createWriteStream(path);
    // ruleid: key-material-in-files
    out.write(Buffer.from(this.pair.secretKey));
    // ok: key-material-in-files
    out.write(Buffer.from(this.pair.publicKey));
    out.end();
    // ruleid: key-material-in-files
    await appendLine(`${path}.log`, `exported ${Buffer.from(this.pair.secretKey).toString('hex')}`);
    // The path is no content: a key id in a file name is fine.
    // ok: key-material-in-files
    fs.writeFileSync(`${path}.${Buffer.from(nacl.hash(this.pair.secretKey)).toString('hex').slice(0, 8)}`, 'placeholder');
  }
}
