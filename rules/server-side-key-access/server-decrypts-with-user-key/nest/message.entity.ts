export class Message {
  id!: string;
  ciphertext!: Buffer;
  recipientKey!: string;
}
