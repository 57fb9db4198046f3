import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCms } from '../../src/crypto/formats/cms.js';
import { contentInfo, envelopedData, pem, selfSignedCertificate, type TestCertificate } from './cms-vectors.js';
import { findingsOf, inspectFiles, ruleIds, summaryOf, yamlBlock } from './support.js';

let alice: TestCertificate;
let escrow: TestCertificate;

beforeAll(async () => {
  [alice, escrow] = await Promise.all([selfSignedCertificate('Alice', 1001), selfSignedCertificate('Key Recovery Service', 2002)]);
});

const authorizedAlice = () => `recipients:\n  - |\n${yamlBlock(alice.pem)}\n`;

describe('CMS EnvelopedData (pkijs)', () => {
  it('names each KeyTransRecipientInfo by issuer and serial and audits them against certificates', async () => {
    const der = await envelopedData([alice.certificate, escrow.certificate]);
    expect(Buffer.from(der.subarray(0, 4)).toString('hex')).toBe('30800609');
    const container = parseCms(der)!;
    expect(container.recipients.map((recipient) => recipient.label)).toEqual(['CMS recipient CN=Alice serial 03e9', 'CMS recipient CN=Key Recovery Service serial 07d2']);
    expect(container.details).toContain('content AES-256-CBC');
    expect(container.details).toContain('RSAES-OAEP');
    const smime = `MIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data;\r\n name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(der).toString('base64').replace(/(.{76})/g, '$1\r\n')}\r\n`;
    const report = await inspectFiles({ 'mail.p7m': der, 'mail.pem': pem('CMS', der), 'mail.eml': smime }, { authorized: authorizedAlice() });
    const unknown = findingsOf(report, 'escrow.unknown-recipient');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.message).toBe('Encrypted to CMS recipient CN=Key Recovery Service serial 07d2, who is not in the authorized list (3 samples)');
    expect(report.warnings).toEqual([]);
    expect(summaryOf(report, 'samples/mail.pem')).toContain('decoding armour(CMS)');
    expect(summaryOf(report, 'samples/mail.eml')).toContain('decoding smime');
  });

  it('matches a recipient named by subject key identifier', async () => {
    const der = await envelopedData([alice.certificate], (enveloped) => {
      // RFC 5280 §4.2.1.2 method 1: the key identifier is SHA-1 of the subjectPublicKey bits.
      const info = enveloped.recipientInfos[0]!.value as pkijs.KeyTransRecipientInfo;
      const keyBits = alice.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
      info.version = 2;
      info.rid = new asn1js.OctetString({ valueHex: createHash('sha1').update(keyBits).digest() });
    });
    expect(parseCms(der)!.recipients[0]!.label).toMatch(/^CMS recipient key id [0-9a-f]{16}$/);
    expect(ruleIds(await inspectFiles({ 'ski.p7m': der }, { authorized: authorizedAlice() }))).toEqual([]);
  });

  it('flags a password or KEK recipient beside the certificate recipients', async () => {
    const withKek = await envelopedData([alice.certificate], (enveloped) => {
      enveloped.addRecipientByPreDefinedData(randomBytes(32).buffer as ArrayBuffer, { keyIdentifier: new TextEncoder().encode('ops-kek').buffer as ArrayBuffer } as never, 1);
    });
    const withPassword = await envelopedData([alice.certificate], (enveloped) => {
      enveloped.addRecipientByPreDefinedData(new TextEncoder().encode('backdoor').buffer as ArrayBuffer, { iterationCount: 2048 }, 2);
    });
    const report = await inspectFiles({ 'kek.p7m': withKek, 'password.p7m': withPassword });
    expect(findingsOf(report, 'escrow.symmetric-side-channel').map((finding) => finding.file)).toEqual(['samples/kek.p7m', 'samples/password.p7m']);
    expect(findingsOf(report, 'escrow.kek-recipient').map((finding) => finding.message)).toEqual([expect.stringContaining('KEK id 6f70732d6b656b')]);
    expect(findingsOf(report, 'kdf.password-below-guidance')[0]!.message).toContain('PBKDF2, 2048 iterations');
  });

  it('flags 3DES content encryption and PKCS#1 v1.5 key transport (OIDs set by hand: WebCrypto cannot make them)', async () => {
    const der = await envelopedData([alice.certificate], () => {});
    const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result });
    const enveloped = new pkijs.EnvelopedData({ schema: info.content });
    const iv = randomBytes(8);
    const cipher = createCipheriv('des-ede3-cbc', randomBytes(24), iv);
    enveloped.encryptedContentInfo.contentEncryptionAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.3.7', algorithmParams: new asn1js.OctetString({ valueHex: iv }) });
    enveloped.encryptedContentInfo.encryptedContent = new asn1js.OctetString({ valueHex: Buffer.concat([cipher.update('legacy'), cipher.final()]) });
    (enveloped.recipientInfos[0]!.value as pkijs.KeyTransRecipientInfo).keyEncryptionAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.1', algorithmParams: new asn1js.Null() });
    const report = await inspectFiles({ 'legacy.p7m': contentInfo(pkijs.ContentInfo.ENVELOPED_DATA, enveloped.toSchema()) });
    expect(ruleIds(report)).toEqual(['cms.rsa-pkcs1v15', 'weak.cipher']);
    expect(findingsOf(report, 'weak.cipher')[0]!.message).toBe('CMS uses DES-EDE3-CBC, a legacy 64-bit-block cipher (content encryption)');
  });

  it('reports data and signedData as not encrypted', async () => {
    const data = contentInfo(pkijs.ContentInfo.DATA, new asn1js.OctetString({ valueHex: new TextEncoder().encode('plain') }));
    const report = await inspectFiles({ 'data.p7': data });
    expect(findingsOf(report, 'fmt.not-encrypted').map((finding) => finding.severity)).toEqual(['critical']);
  });
});

