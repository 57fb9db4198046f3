import { fromD } from '../d/source';
export const fromC = () => `c:${fromD()}`;
