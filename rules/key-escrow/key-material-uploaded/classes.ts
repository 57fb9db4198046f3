// A wallet service that keeps its seed in a field and syncs it from another method.
import * as bip39 from 'bip39';
import { HDKey } from '@scure/bip32';
import type { AxiosInstance } from 'axios';

export class WalletService {
  private mnemonic = bip39.generateMnemonic(256);
  private root: HDKey | undefined;

  constructor(private readonly http: AxiosInstance) {}

  async unlock() {
    this.root = HDKey.fromMasterSeed(await bip39.mnemonicToSeed(this.mnemonic));
  }

  async sync(deviceId: string) {
    // ruleid: key-material-uploaded
    await this.http.post('/wallet/sync', { deviceId, phrase: this.mnemonic });
    // ruleid: key-material-uploaded
    await this.http.post('/wallet/xprv', { key: this.root?.privateExtendedKey });
    // ok: key-material-uploaded
    await this.http.post('/wallet/xpub', { key: this.root?.publicExtendedKey, deviceId });
  }
}
