export { loadKey, moduleKey } from './sources';
export * from './logger';
export * as helpers from './helpers';
