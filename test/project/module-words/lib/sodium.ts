export { default as sodium } from 'libsodium-wrappers';
