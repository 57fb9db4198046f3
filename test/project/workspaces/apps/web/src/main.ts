import * as crypto from 'node:crypto';
import { CIPHER } from '@demo/config';
import { ARCHIVE, CURRENT } from '@demo/config/ciphers';
import { NAME } from 'legacy-ciphers';
import { NOT_INSTALLED } from 'some-package-that-is-not-installed';

// ruleid: project-workspaces
crypto.createCipheriv(CIPHER, key, iv);
// ruleid: project-workspaces
crypto.createCipheriv(ARCHIVE, key, iv);
// ruleid: project-workspaces
crypto.createCipheriv(NAME, key, iv);
// ok: project-workspaces
crypto.createCipheriv(CURRENT, key, iv);
// ok: project-workspaces
crypto.createCipheriv(NOT_INSTALLED, key, iv);
