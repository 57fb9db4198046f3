import { createHash } from 'node:crypto';
import type * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';

const COMMON_NAME = '2.5.4.3';

/** The identity string for a certificate named by issuer and serial number (CMS IssuerAndSerialNumber). */
export function issuerSerialId(issuer: pkijs.RelativeDistinguishedNames, serial: asn1js.Integer): string {
  const issuerDigest = createHash('sha256').update(new Uint8Array(issuer.toSchema().toBER(false))).digest('hex').slice(0, 32);
  return `cms-issuer-serial:${issuerDigest}:${serialHex(serial)}`;
}

export function subjectKeyId(identifier: Uint8Array): string {
  return `cms-ski:${Buffer.from(identifier).toString('hex')}`;
}

export function serialHex(serial: asn1js.Integer): string {
  return Buffer.from(serial.valueBlock.valueHexView).toString('hex').replace(/^(00)+(?=..)/, '');
}

/** "CN=Alice" when the name has a common name, else the number of attributes. */
export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  const commonName = name.typesAndValues.find((attribute) => attribute.type === COMMON_NAME);
  const value = commonName?.value.valueBlock as { value?: unknown } | undefined;
  return typeof value?.value === 'string' ? `CN=${value.value}` : `${name.typesAndValues.length}-attribute name`;
}
