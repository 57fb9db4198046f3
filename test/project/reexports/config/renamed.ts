import { LEGACY } from './algorithms';
export { LEGACY as ARCHIVE_CIPHER };
export { MODERN as DEFAULT_CIPHER } from './algorithms';
