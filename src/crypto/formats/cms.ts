import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { countOf } from '../../text/count.js';
import { emptyContainer, observe, type Container, type ReuseClass } from '../types.js';
import { describeName, issuerSerialId, serialHex, subjectKeyId } from './cms-identity.js';
import { cipherObservations, kdfObservation, rsaObservations, type CipherStrength } from './weak-algorithms.js';

const FORMAT = 'CMS';
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.7.1': 'data',
  '1.2.840.113549.1.7.2': 'signedData',
  '1.2.840.113549.1.7.3': 'envelopedData',
  '1.2.840.113549.1.7.6': 'encryptedData',
  '1.2.840.113549.1.9.16.1.23': 'authEnvelopedData',
};

interface ContentCipher {
  name: string;
  strength: CipherStrength;
  reuse: ReuseClass;
}

const CONTENT_CIPHERS: Readonly<Record<string, ContentCipher>> = {
  '1.3.14.3.2.7': { name: 'DES-CBC', strength: 'broken', reuse: 'block' },
  '1.2.840.113549.3.7': { name: 'DES-EDE3-CBC', strength: 'legacy', reuse: 'block' },
  '1.2.840.113549.3.2': { name: 'RC2-CBC', strength: 'legacy', reuse: 'block' },
  '2.16.840.1.101.3.4.1.2': { name: 'AES-128-CBC', strength: 'ok', reuse: 'block' },
  '2.16.840.1.101.3.4.1.22': { name: 'AES-192-CBC', strength: 'ok', reuse: 'block' },
  '2.16.840.1.101.3.4.1.42': { name: 'AES-256-CBC', strength: 'ok', reuse: 'block' },
  '2.16.840.1.101.3.4.1.6': { name: 'AES-128-GCM', strength: 'ok', reuse: 'stream' },
  '2.16.840.1.101.3.4.1.26': { name: 'AES-192-GCM', strength: 'ok', reuse: 'stream' },
  '2.16.840.1.101.3.4.1.46': { name: 'AES-256-GCM', strength: 'ok', reuse: 'stream' },
  '2.16.840.1.101.3.4.1.7': { name: 'AES-128-CCM', strength: 'ok', reuse: 'stream' },
  '2.16.840.1.101.3.4.1.27': { name: 'AES-192-CCM', strength: 'ok', reuse: 'stream' },
  '2.16.840.1.101.3.4.1.47': { name: 'AES-256-CCM', strength: 'ok', reuse: 'stream' },
  '1.2.840.113549.1.9.16.3.18': { name: 'ChaCha20-Poly1305', strength: 'ok', reuse: 'stream' },
};

const KEY_ENCRYPTION: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'RSA PKCS#1 v1.5',
  '1.2.840.113549.1.1.7': 'RSAES-OAEP',
  '1.2.840.113549.1.9.16.3.6': '3DES key wrap',
  '2.16.840.1.101.3.4.1.5': 'AES-128 key wrap',
  '2.16.840.1.101.3.4.1.25': 'AES-192 key wrap',
  '2.16.840.1.101.3.4.1.45': 'AES-256 key wrap',
};
const RSA_PKCS1 = '1.2.840.113549.1.1.1';
const TRIPLE_DES_WRAP = '1.2.840.113549.1.9.16.3.6';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PBKDF2_MINIMUM = 1_000;
const PBKDF2_GUIDANCE = 600_000;

/** The DER prefix of the PKCS#7 content-type OIDs: cheap to check before handing bytes to a BER parser. */
const PKCS7_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01);

function looksLikeCms(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const head = Buffer.from(bytes.subarray(0, 24));
  return head.indexOf(PKCS7_OID) >= 0 && head.indexOf(PKCS7_OID) <= 6;
}

/** CMS / PKCS#7 through asn1js + pkijs (BER indefinite lengths included; never hand-parsed). */
export function parseCms(bytes: Uint8Array): Container | undefined {
  if (!looksLikeCms(bytes)) return undefined;
  let contentInfo: pkijs.ContentInfo;
  try {
    // asn1js recurses per nesting level: hostile nesting ends here as "not CMS", not as a crash.
    const parsed = asn1js.fromBER(bytes);
    if (parsed.offset === -1) return undefined;
    contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  } catch {
    return undefined;
  }
  const type = CONTENT_TYPES[contentInfo.contentType];
  if (!type) return undefined;
  if (type === 'data' || type === 'signedData') {
    const container = emptyContainer(`CMS ${type}`, false);
    const detail = type === 'data' ? 'a CMS data content: plain bytes in a wrapper' : 'a CMS signedData: signed, the content is readable';
    container.details.push(detail);
    container.observations.push(observe('fmt.not-encrypted', { FORMAT, DETAIL: detail }, type));
    return container;
  }
  const container = emptyContainer(`CMS ${type}`, true);
  try {
    if (type === 'envelopedData') {
      const enveloped = new pkijs.EnvelopedData({ schema: contentInfo.content });
      enveloped.recipientInfos.forEach((info, index) => addRecipient(container, info, index));
      addContent(container, enveloped.encryptedContentInfo, 'per-message-key');
    } else if (type === 'authEnvelopedData') {
      readAuthEnveloped(container, contentInfo.content as asn1js.Sequence);
    } else {
      const encrypted = new pkijs.EncryptedData({ schema: contentInfo.content });
      container.details.push('no recipients: the content key is managed outside the message');
      addContent(container, encrypted.encryptedContentInfo, 'key-fixed');
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 60) : 'does not match its schema';
    container.observations.push(observe('fmt.malformed', { FORMAT, REASON: reason }, reason));
  }
  if (container.recipients.length > 0) container.details.unshift(countOf(container.recipients.length, 'recipient'));
  return container;
}

/** AuthEnvelopedData (RFC 5083) is not in pkijs: its parts are, so read the sequence and reuse them. */
function readAuthEnveloped(container: Container, sequence: asn1js.Sequence): void {
  const parts = sequence.valueBlock.value;
  const recipientSet = parts.find((part): part is asn1js.Set => part instanceof asn1js.Set);
  const contentInfo = parts.find((part, index) => index > 0 && part instanceof asn1js.Sequence);
  if (!recipientSet || !contentInfo) throw new Error('authEnvelopedData without recipients or content');
  recipientSet.valueBlock.value.forEach((element, index) => addRecipient(container, new pkijs.RecipientInfo({ schema: element }), index));
  addContent(container, new pkijs.EncryptedContentInfo({ schema: contentInfo }), 'per-message-key');
}

function addRecipient(container: Container, info: pkijs.RecipientInfo, index: number): void {
  const value = info.value;
  if (value instanceof pkijs.KeyTransRecipientInfo) {
    const { label, ids } = describeRid(value.rid);
    container.recipients.push({ family: 'cms', label, ids, hidden: false });
    addKeyEncryption(container, value.keyEncryptionAlgorithm.algorithmId, label);
    if (value.keyEncryptionAlgorithm.algorithmId.startsWith('1.2.840.113549.1.1.')) {
      container.observations.push(...rsaObservations(FORMAT, label, value.encryptedKey.valueBlock.valueHexView.length * 8));
    }
  } else if (value instanceof pkijs.KeyAgreeRecipientInfo) {
    for (const encryptedKey of value.recipientEncryptedKeys.encryptedKeys) {
      const rid = encryptedKey.rid;
      const described =
        rid.variant === 1
          ? describeRid(rid.value as pkijs.IssuerAndSerialNumber)
          : describeRid((rid.value as pkijs.RecipientKeyIdentifier).subjectKeyIdentifier);
      container.recipients.push({ family: 'cms', label: described.label, ids: described.ids, hidden: false });
    }
    addKeyEncryption(container, value.keyEncryptionAlgorithm.algorithmId, 'key agreement');
  } else if (value instanceof pkijs.KEKRecipientInfo) {
    const kek = `KEK id ${Buffer.from(value.kekid.keyIdentifier.valueBlock.valueHexView).toString('hex').slice(0, 16) || 'empty'}`;
    container.secrets.push(`pre-shared ${kek}`);
    container.observations.push(observe('escrow.kek-recipient', { KEK: kek }, kek));
    addKeyEncryption(container, value.keyEncryptionAlgorithm.algorithmId, kek);
  } else if (value instanceof pkijs.PasswordRecipientinfo) {
    container.secrets.push('password (pwri)');
    addPasswordKdf(container, value.keyDerivationAlgorithm);
  } else {
    container.recipients.push({ family: 'cms', label: `CMS recipient #${index + 1} (other type)`, ids: [], hidden: false });
  }
}

function describeRid(rid: pkijs.IssuerAndSerialNumber | asn1js.OctetString): { label: string; ids: string[] } {
  if (rid instanceof pkijs.IssuerAndSerialNumber) {
    return { label: `CMS recipient ${describeName(rid.issuer)} serial ${serialHex(rid.serialNumber).slice(0, 16)}`, ids: [issuerSerialId(rid.issuer, rid.serialNumber)] };
  }
  const identifier = new Uint8Array(rid.valueBlock.valueHexView);
  return { label: `CMS recipient key id ${Buffer.from(identifier).toString('hex').slice(0, 16)}`, ids: [subjectKeyId(identifier)] };
}

function addKeyEncryption(container: Container, algorithmId: string, label: string): void {
  const name = KEY_ENCRYPTION[algorithmId] ?? algorithmId;
  if (!container.details.includes(name)) container.details.push(name);
  if (algorithmId === RSA_PKCS1) container.observations.push(observe('cms.rsa-pkcs1v15', { RECIPIENT: label }, label));
  if (algorithmId === TRIPLE_DES_WRAP) container.observations.push(...cipherObservations(FORMAT, name, 'legacy', 'key wrap'));
}

function addPasswordKdf(container: Container, algorithm: pkijs.AlgorithmIdentifier | undefined): void {
  if (algorithm?.algorithmId !== PBKDF2 || !algorithm.algorithmParams) return;
  const params = new pkijs.PBKDF2Params({ schema: algorithm.algorithmParams });
  const kdf = `PBKDF2, ${params.iterationCount} iterations`;
  container.details.push(`password: ${kdf}`);
  if (params.iterationCount < PBKDF2_MINIMUM) container.observations.push(kdfObservation(FORMAT, kdf, 'no-stretching'));
  else if (params.iterationCount < PBKDF2_GUIDANCE) container.observations.push(kdfObservation(FORMAT, kdf, 'below-guidance', '>= 600,000 iterations'));
}

/**
 * The content cipher and its IV. `key-fixed` (EncryptedData) means the content key is reused across
 * messages, so a repeated IV reuses a keystream or a CBC IV.
 */
function addContent(container: Container, content: pkijs.EncryptedContentInfo, keying: 'per-message-key' | 'key-fixed'): void {
  const algorithm = content.contentEncryptionAlgorithm;
  const cipher = CONTENT_CIPHERS[algorithm.algorithmId];
  let name = cipher?.name ?? algorithm.algorithmId;
  let strength = cipher?.strength ?? 'ok';
  const iv = contentIv(algorithm);
  if (algorithm.algorithmId === '1.2.840.113549.3.2') {
    const bits = rc2EffectiveBits(algorithm);
    name = `RC2-CBC (${bits ?? '?'}-bit key)`;
    if (bits !== undefined && bits <= 64) strength = 'broken';
  }
  container.details.push(`content ${name}`);
  container.observations.push(...cipherObservations(FORMAT, name, strength, 'content encryption'));
  if (iv && iv.length > 0) {
    const reuse: ReuseClass = keying === 'per-message-key' ? 'per-message-key' : (cipher?.reuse ?? 'block');
    container.randomFields.push({ field: `${name} IV`, bytes: iv, reuse, mode: name, keyContext: `cms-${keying}` });
  }
  if (content.encryptedContent) container.body = new Uint8Array(content.getEncryptedContent());
}

/** CBC ciphers carry the IV as an OCTET STRING; GCM/CCM as the first field of a SEQUENCE; RC2 as the last. */
function contentIv(algorithm: pkijs.AlgorithmIdentifier): Uint8Array | undefined {
  const params = algorithm.algorithmParams as asn1js.AsnType | undefined;
  if (params instanceof asn1js.OctetString) return new Uint8Array(params.valueBlock.valueHexView);
  if (params instanceof asn1js.Sequence) {
    const octets = params.valueBlock.value.find((part): part is asn1js.OctetString => part instanceof asn1js.OctetString);
    return octets ? new Uint8Array(octets.valueBlock.valueHexView) : undefined;
  }
  return undefined;
}

/** RFC 8018 §B.2.3: version 160 means 40 bits, 120 means 64, 58 means 128; 256 and above are the bits. */
function rc2EffectiveBits(algorithm: pkijs.AlgorithmIdentifier): number | undefined {
  const params = algorithm.algorithmParams as asn1js.AsnType | undefined;
  if (!(params instanceof asn1js.Sequence)) return undefined;
  const version = params.valueBlock.value.find((part): part is asn1js.Integer => part instanceof asn1js.Integer);
  if (!version) return 32;
  const value = version.valueBlock.valueDec;
  const table: Readonly<Record<number, number>> = { 160: 40, 120: 64, 58: 128 };
  return table[value] ?? (value >= 256 ? value : undefined);
}
