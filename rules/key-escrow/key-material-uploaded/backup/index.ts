export * from './keys';
export { api, putJson } from './api';
