import { Worker } from 'bullmq';
import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { webcrypto } from 'node:crypto';

const kms = new KMSClient({});
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

// A queue worker unwraps each user's data key through KMS and decrypts their file with it.
export const worker = new Worker('exports', async (job) => {
  const { Item } = await documents.send(new GetCommand({ TableName: 'users', Key: { id: job.data.userId } }));
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Item!.wrappedDataKey }));
  const key = await webcrypto.subtle.importKey('raw', Plaintext!, 'AES-GCM', false, ['decrypt']);
  // ruleid: server-decrypts-with-user-key
  return webcrypto.subtle.decrypt({ name: 'AES-GCM', iv: Item!.iv }, key, Item!.file);
});
