import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never }));

export interface TestCertificate {
  certificate: pkijs.Certificate;
  pem: string;
}

/** A self-signed RSA certificate made with pkijs, as a CMS recipient's certificate. */
export async function selfSignedCertificate(commonName: string, serial: number): Promise<TestCertificate> {
  const keys = (await webcrypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as webcrypto.CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: serial });
  for (const name of [certificate.issuer, certificate.subject]) {
    name.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }));
  }
  certificate.notBefore.value = new Date('2024-01-01T00:00:00Z');
  certificate.notAfter.value = new Date('2034-01-01T00:00:00Z');
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey as never);
  await certificate.sign(keys.privateKey as never, 'SHA-256');
  const der = Buffer.from(certificate.toSchema().toBER(false));
  return { certificate, pem: `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n` };
}

export async function envelopedData(recipients: readonly pkijs.Certificate[], configure: (enveloped: pkijs.EnvelopedData) => void = () => {}): Promise<Uint8Array> {
  const enveloped = new pkijs.EnvelopedData();
  for (const certificate of recipients) enveloped.addRecipientByCertificate(certificate, { oaepHashAlgorithm: 'SHA-256' });
  configure(enveloped);
  await enveloped.encrypt({ name: 'AES-CBC', length: 256 } as Parameters<pkijs.EnvelopedData['encrypt']>[0], new TextEncoder().encode('quarterly numbers: 42').buffer as ArrayBuffer);
  return contentInfo(pkijs.ContentInfo.ENVELOPED_DATA, enveloped.toSchema());
}

export function contentInfo(contentType: string, content: asn1js.BaseBlock): Uint8Array {
  return new Uint8Array(new pkijs.ContentInfo({ contentType, content }).toSchema().toBER(false));
}

export function pem(label: string, der: Uint8Array): string {
  return `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
}
