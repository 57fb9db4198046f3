export const ALGORITHM = 'des-ede3-cbc';
export const SAFE = 'aes-256-gcm';
