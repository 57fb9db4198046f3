import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeArmour } from '../decode/armour.js';
import { describeName, issuerSerialId, subjectKeyId } from '../formats/cms-identity.js';
import { jwkThumbprint } from '../formats/jose.js';

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

export interface PublicKeyIdentity {
  label: string;
  ids: string[];
}

/**
 * A PEM certificate: it authorizes CMS recipients by issuer+serial or subject key id, and JWE
 * recipients by x5t/x5t#S256 or the thumbprint of its key.
 */
export function readCertificate(text: string): PublicKeyIdentity | { problem: string } {
  const der = decodeArmour(text)?.bytes;
  if (!der) return { problem: 'a PEM certificate that decodes' };
  let certificate: pkijs.Certificate;
  try {
    const parsed = asn1js.fromBER(der);
    if (parsed.offset === -1) throw new Error('not BER');
    certificate = new pkijs.Certificate({ schema: parsed.result });
  } catch {
    return { problem: 'a valid X.509 certificate' };
  }
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === SUBJECT_KEY_IDENTIFIER);
  const parsedExtension = extension?.parsedValue as asn1js.OctetString | undefined;
  const keyBits = new Uint8Array(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const ski = parsedExtension instanceof asn1js.OctetString ? new Uint8Array(parsedExtension.valueBlock.valueHexView) : sha1(keyBits);
  const ids = [
    issuerSerialId(certificate.issuer, certificate.serialNumber),
    subjectKeyId(ski),
    `x5t-s256:${createHash('sha256').update(der).digest('base64url')}`,
    `x5t:${createHash('sha1').update(der).digest('base64url')}`,
    ...thumbprintIds(() => new X509Certificate(der).publicKey.export({ format: 'jwk' })),
  ];
  return { label: `certificate ${describeName(certificate.subject)}`, ids };
}

/** A PEM SubjectPublicKeyInfo: CMS subject key id (RFC 5280 method 1) and its JWK thumbprint. */
export function readPublicKey(text: string): PublicKeyIdentity | { problem: string } {
  const armour = decodeArmour(text);
  if (!armour) return { problem: 'a PEM public key that decodes' };
  let info: pkijs.PublicKeyInfo;
  try {
    const parsed = asn1js.fromBER(armour.bytes);
    if (parsed.offset === -1) throw new Error('not BER');
    info = new pkijs.PublicKeyInfo({ schema: parsed.result });
  } catch {
    return { problem: 'a valid SubjectPublicKeyInfo ("BEGIN PUBLIC KEY")' };
  }
  const keyBits = new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView);
  const thumbprints = thumbprintIds(() => createPublicKey({ key: Buffer.from(armour.bytes), format: 'der', type: 'spki' }).export({ format: 'jwk' }));
  const label = thumbprints[0] ? `public key ${thumbprints[0].slice('jwk-thumbprint:'.length, 'jwk-thumbprint:'.length + 12)}…` : 'public key';
  return { label, ids: [subjectKeyId(sha1(keyBits)), ...thumbprints] };
}

function thumbprintIds(exportJwk: () => object): string[] {
  try {
    const thumbprint = jwkThumbprint(exportJwk() as Record<string, unknown>);
    return thumbprint ? [`jwk-thumbprint:${thumbprint}`] : [];
  } catch {
    return [];
  }
}

function sha1(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(bytes).digest());
}
