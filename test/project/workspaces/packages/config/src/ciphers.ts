export const ARCHIVE = 'des-ede3-cbc';
export const CURRENT = 'aes-256-gcm';
