import { Text } from 'react-native';
import { loadMessages } from './local-db';

export function App() {
  return <Text>{loadMessages().length}</Text>;
}
// imports react-native: client
// ruleid: context-client
// ok: context-server, context-shared, context-unknown
marker();
