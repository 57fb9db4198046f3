export const LEGACY = 'des-cbc';
export const MODERN = 'aes-256-gcm';
