import picomatch from 'picomatch';
import type { ToolWarning } from '../../report/finding.js';
import type { AnalysedSample } from '../analyse-sample.js';
import { locate, plural } from '../cross/located.js';
import type { LocatedObservation } from '../findings.js';
import { observe, type Recipient, type RecipientFamily } from '../types.js';
import type { AuthorizedEntry } from './authorized-entry.js';
import type { AuthorizedPolicy } from './authorized-file.js';

export interface AuditResult {
  located: LocatedObservation[];
  warnings: ToolWarning[];
}

interface Governance {
  group: string;
  entries: readonly AuthorizedEntry[];
}

/**
 * The headline check: every recipient the headers name is compared with the authorized list that
 * governs the sample; what cannot be named is counted; hidden recipients, password side channels and
 * recipient sets that change within a group are reported with or without a list.
 */
export function auditRecipients(samples: readonly AnalysedSample[], policy: AuthorizedPolicy | undefined): AuditResult {
  const located: LocatedObservation[] = [];
  const used = new Set<AuthorizedEntry>();
  const unknown = new Map<string, { recipient: Recipient; samples: AnalysedSample[] }>();
  const inventory = new Map<string, { recipient: Recipient; status: string; samples: AnalysedSample[] }>();
  const governanceOf = governor(policy);
  const drift = new Map<string, AnalysedSample[]>();
  for (const analysed of samples) {
    const { container } = analysed;
    if (container.recipients.length === 0 && container.secrets.length === 0) continue;
    const governance = governanceOf(analysed);
    const driftKey = `${governance.group}\0${container.format}`;
    drift.set(driftKey, [...(drift.get(driftKey) ?? []), analysed]);
    located.push(...perSampleChecks(analysed));
    for (const recipient of container.recipients) {
      if (recipient.ids.length === 0) continue;
      const matches = policy ? governance.entries.filter((entry) => recipient.ids.some((id) => entry.ids.has(id))) : [];
      matches.forEach((entry) => used.add(entry));
      const key = recipient.ids.join('\0');
      if (policy && matches.length === 0) {
        const group = unknown.get(key) ?? { recipient, samples: [] };
        group.samples.push(analysed);
        unknown.set(key, group);
      } else {
        const status = matches[0] ? `authorized: ${matches[0].label}` : 'no authorized list given';
        const group = inventory.get(key) ?? { recipient, status, samples: [] };
        group.samples.push(analysed);
        inventory.set(key, group);
      }
    }
    if (policy) located.push(...countCheck(analysed, governance, used));
  }
  for (const { recipient, samples: group } of unknown.values()) {
    located.push(locate(observe('escrow.unknown-recipient', { RECIPIENT: recipient.label, SAMPLES: plural(group.length, 'sample') }, recipient.ids.join(',')), group));
  }
  for (const [key, { recipient, status, samples: group }] of inventory) {
    located.push(locate(observe('escrow.recipient-inventory', { RECIPIENT: recipient.label, SAMPLES: plural(group.length, 'sample'), STATUS: status }, key), group));
  }
  for (const [key, group] of drift) located.push(...driftCheck(key.split('\0')[0]!, group));
  return { located, warnings: policy ? unusedEntries(policy, used, samples) : [] };
}

function governor(policy: AuthorizedPolicy | undefined): (analysed: AnalysedSample) => Governance {
  if (!policy) return () => ({ group: 'all samples', entries: [] });
  const matchers = policy.groups.map((group) => ({ group, matches: picomatch(group.samples, { dot: true }) }));
  return (analysed) => {
    const governing = matchers.filter(({ matches }) => matches(analysed.sample.source.file)).map(({ group }) => group);
    if (governing.length === 0) return { group: policy.groups.length > 0 ? 'ungrouped samples' : 'all samples', entries: policy.recipients };
    return { group: `group ${governing.map((group) => group.name).join('+')}`, entries: governing.flatMap((group) => group.recipients) };
  };
}

function perSampleChecks(analysed: AnalysedSample): LocatedObservation[] {
  const { container } = analysed;
  const found: LocatedObservation[] = [];
  for (const recipient of container.recipients.filter((candidate) => candidate.hidden)) {
    found.push(locate(observe('escrow.anonymous-recipient', { FORMAT: container.format, RECIPIENT: recipient.label }, recipient.label), [analysed]));
  }
  if (container.recipients.length > 0 && container.secrets.length > 0) {
    const secret = container.secrets.join(', ');
    found.push(locate(observe('escrow.symmetric-side-channel', { FORMAT: container.format, SECRET: secret }, secret), [analysed]));
  }
  return found;
}

/**
 * Recipients a format does not name (age X25519, JWE without kid) can only be counted against the
 * authorized entries that could stand for them.
 */
function countCheck(analysed: AnalysedSample, governance: Governance, used: Set<AuthorizedEntry>): LocatedObservation[] {
  const found: LocatedObservation[] = [];
  const families = new Set(analysed.container.recipients.map((recipient) => recipient.family));
  for (const family of families) {
    const recipients = analysed.container.recipients.filter((recipient) => recipient.family === family);
    const unnamed = recipients.filter((recipient) => recipient.ids.length === 0).length;
    const candidates = governance.entries.filter((entry) => entry.families.includes(family));
    if (unnamed > 0) countBasedEntries(candidates, family).forEach((entry) => used.add(entry));
    if (unnamed === 0 || recipients.length <= candidates.length) continue;
    const values = {
      FORMAT: analysed.container.format,
      COUNT: String(recipients.length),
      AUTHORIZED: String(candidates.length),
      EXTRA: String(recipients.length - candidates.length),
    };
    found.push(locate(observe('escrow.extra-recipient-count', values, family), [analysed]));
  }
  return found;
}

function countBasedEntries(entries: readonly AuthorizedEntry[], family: RecipientFamily): AuthorizedEntry[] {
  return entries.filter((entry) => entry.families.includes(family) && (entry.kind === 'age' || family === 'jwe'));
}

/** Samples of one group and format should address the same parties; list who comes and goes. */
function driftCheck(group: string, samples: readonly AnalysedSample[]): LocatedObservation[] {
  const parties = (analysed: AnalysedSample) => [...analysed.container.recipients.map((recipient) => recipient.label), ...analysed.container.secrets];
  const signatures = new Set(samples.map((analysed) => parties(analysed).sort().join('\n')));
  if (signatures.size < 2) return [];
  const counts = new Map<string, number>();
  for (const analysed of samples) for (const party of new Set(parties(analysed))) counts.set(party, (counts.get(party) ?? 0) + 1);
  const changing = [...counts].filter(([, count]) => count < samples.length).sort(([a], [b]) => (a < b ? -1 : 1));
  const difference = changing.length > 0 ? changing.map(([party, count]) => `${party} in ${count} of ${samples.length}`).join('; ') : 'recipient counts differ';
  const format = samples[0]!.container.format;
  const values = { COUNT: String(samples.length), FORMAT: format, GROUP: group, DIFFERENCE: difference };
  return [locate(observe('escrow.recipient-drift', values, [...signatures].sort().join('|')), samples)];
}

function unusedEntries(policy: AuthorizedPolicy, used: ReadonlySet<AuthorizedEntry>, samples: readonly AnalysedSample[]): ToolWarning[] {
  const openPgpSamples = samples.some((analysed) => analysed.container.recipients.some((recipient) => recipient.family === 'openpgp'));
  const entries = [...policy.recipients, ...policy.groups.flatMap((group) => group.recipients)];
  return entries
    .filter((entry) => !used.has(entry))
    .map((entry) => {
      const hint =
        entry.kind === 'openpgp-id' && openPgpSamples
          ? '; OpenPGP messages name the encryption subkey, so a primary-key fingerprint or key id cannot match them: list the armoured public key instead'
          : '';
      return { file: policy.file, line: entry.line, message: `authorized recipient ${entry.label} matched no sample${hint}`, kind: 'unused-authorized-recipient' };
    });
}
