import { createCipheriv } from 'node:crypto';
import { ARCHIVE_CIPHER, DEFAULT_CIPHER, algorithms } from './config';

// ruleid: project-reexports
createCipheriv(ARCHIVE_CIPHER, key, iv);
// ruleid: project-reexports
createCipheriv(algorithms.LEGACY, key, iv);
// ok: project-reexports
createCipheriv(DEFAULT_CIPHER, key, iv);
