export const ALGORITHM = 'aes-256-gcm';
