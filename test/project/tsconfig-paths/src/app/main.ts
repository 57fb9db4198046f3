import * as crypto from 'crypto';
import { ALGORITHM } from '@shared/crypto/algorithm';
import { ALGORITHM as EXACT } from '@cipher';
import { ALGORITHM as FROM_BASE_URL } from 'shared/crypto/algorithm';

// ruleid: project-tsconfig-paths
crypto.createCipheriv(ALGORITHM, key, iv);
// ruleid: project-tsconfig-paths
crypto.createCipheriv(EXACT, key, iv);
// ruleid: project-tsconfig-paths
crypto.createCipheriv(FROM_BASE_URL, key, iv);
