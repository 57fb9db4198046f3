import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import * as crypto from 'crypto';
import { Message } from './message.entity';

// A service with no server import of its own: it is server code because the controller uses it.
@Injectable()
export class MessagesService {
  constructor(@InjectRepository(Message) private readonly messages: Repository<Message>) {}

  async read(id: string): Promise<string> {
    const message = await this.messages.findOneBy({ id });
    // the recipient's key from the row reaches the decryption in openWithKey: reported at this call
    // ruleid: server-decrypts-with-user-key
    return openWithKey(message!.ciphertext, message!.recipientKey);
  }
}

function openWithKey(ciphertext: Buffer, privateKeyPem: string): string {
  // ok: server-decrypts-with-user-key
  return crypto.privateDecrypt(privateKeyPem, ciphertext).toString('utf8');
}
