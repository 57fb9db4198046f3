import { randomKey } from '../random-utils';

// test data
// ok: math-random-secret-value
export const fakeUser = { name: 'test', password: randomKey() };
