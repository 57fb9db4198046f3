export const REQUEST_DEFAULTS = { timeout: 5000, rejectUnauthorized: true };
export const SECURE_TLS = { rejectUnauthorized: true, minVersion: 'TLSv1.2' };
