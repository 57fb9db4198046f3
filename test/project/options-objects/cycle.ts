import { WEAK_RSA } from './options';
export const STRONG_BITS = 4096;
export const COPY = WEAK_RSA;
