import { DataSource } from 'typeorm';

const source = new DataSource({ type: 'react-native', database: 'chat', location: 'default' });
export function loadMessages(): string[] {
  return source.isInitialized ? [] : [];
}
// TypeORM is weak evidence: the React Native screen that imports it decides: client
// ruleid: context-client
// ok: context-server, context-shared, context-unknown
marker();
