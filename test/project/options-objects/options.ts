import { STRONG_BITS } from './cycle';
export const WEAK_RSA = { modulusLength: 1024, publicExponent: 65537 };
export const STRONG_RSA = { modulusLength: STRONG_BITS };
