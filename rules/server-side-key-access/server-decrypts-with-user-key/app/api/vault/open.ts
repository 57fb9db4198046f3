import { NextRequest, NextResponse } from 'next/server';
import { openBox } from '../../../lib/open-box';

export async function PUT(request: NextRequest) {
  const body = await request.json();
  // the request's secret key reaches the decryption inside openBox: reported at this call
  // ruleid: server-decrypts-with-user-key
  return NextResponse.json({ plain: openBox(body.ciphertext, body.nonce, body.senderPublicKey, body.secretKey) });
}
