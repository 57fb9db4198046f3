import crypto from 'node:crypto';
import { FROM_TS } from './lib/typed.js';
import legacy from './lib/legacy';

// ruleid: project-commonjs-and-specifiers
crypto.createCipheriv(FROM_TS, key, iv);
// ruleid: project-commonjs-and-specifiers
crypto.createCipheriv(legacy.ALGORITHM, key, iv);
