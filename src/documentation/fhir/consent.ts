/**
 * Each CCM consent as an R4 `Consent`: scope treatment, category LOINC
 * 59284-0 (patient consent), the patient as the grantor and the practice as
 * the organization, when it was given, the exact text shown as the source
 * attachment (its words, language, version and SHA-1, which R4 asks of
 * Attachment.hash), the opt-in rule (R4 wants a policy or a rule), the
 * patient's own confirmation as its verification, and the period it holds:
 * from when it was given to the last day of the month a revocation was asked
 * in. The billing practitioner is the provision's actor, by NPI where the
 * practice recorded one. Pure.
 */
import { createHash } from 'node:crypto';
import type { Consent, Practitioner, Reference } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import type { MonthConsent } from '../types.js';
import { nonEmpty, type BuildContext, type Keyed } from './context.js';
import { concept, SYSTEM } from './terminology.js';

const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
const LANGUAGE_NAME = { en: 'English', es: 'Spanish' } as const;

/** "signed electronically by Maria Gonzalez", "given verbally to Linda Park, RN". */
const how = (c: MonthConsent): string =>
  c.method === 'electronic_signature' ? `signed electronically by ${c.signatureName ?? 'the patient'}` : `given verbally to ${c.obtainedBy.name}`;

/** Active until the end of the revocation's effective day in the practice's timezone, as of the export. */
function status(c: MonthConsent, generatedAt: string, timezone: string): Consent['status'] {
  if (!c.revocationEffectiveOn) return 'active';
  const today = DateTime.fromISO(generatedAt, { zone: timezone }).toISODate()!;
  return today > c.revocationEffectiveOn ? 'inactive' : 'active';
}

function practitionerReference(c: MonthConsent): Reference<Practitioner> {
  const p = c.billingPractitioner;
  const display = p.credential ? `${p.name}, ${p.credential}` : p.name;
  return p.npi ? { identifier: { system: SYSTEM.npi, value: p.npi }, display } : { display };
}

function consentResource(ctx: BuildContext, c: MonthConsent, generatedAt: string): Consent {
  const data = Buffer.from(c.text.shown, 'utf8');
  return {
    resourceType: 'Consent',
    identifier: nonEmpty([ctx.identifier('ccm-consents', c.id)]),
    status: status(c, generatedAt, ctx.record.practice.timezone),
    scope: concept(CONSENT_SCOPE, 'treatment', 'Treatment', 'Chronic Care Management'),
    category: [concept(SYSTEM.loinc, '59284-0', 'Patient Consent', 'Consent to Chronic Care Management')],
    patient: ctx.patient,
    dateTime: c.obtainedAt,
    performer: [ctx.patient],
    organization: [ctx.organization],
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      language: c.text.language,
      data: data.toString('base64'),
      size: data.length,
      hash: createHash('sha1').update(data).digest('base64'),
      title: `CCM consent text, version ${c.text.version} (${LANGUAGE_NAME[c.text.language]}), ${how(c)}`,
    },
    policyRule: concept(ACT_CODE, 'OPTIN', 'opt-in'),
    verification: [{ verified: true, verifiedWith: ctx.patient, verificationDate: c.obtainedAt }],
    provision: {
      type: 'permit',
      period: { start: c.obtainedAt, ...(c.revocationEffectiveOn ? { end: c.revocationEffectiveOn } : {}) },
      actor: [{ role: concept(PARTICIPATION_TYPE, 'PPRF', 'primary performer', 'Billing practitioner'), reference: practitionerReference(c) }],
    },
  };
}

/** A Consent per CCM consent the record holds (none for months approved before consents were kept). */
export function consents(ctx: BuildContext, generatedAt: string): Keyed<Consent>[] {
  return (ctx.record.ccmConsents ?? []).map((c) => ({ key: `patient/${ctx.record.patient.id}/ccm-consent/${c.id}`, resource: consentResource(ctx, c, generatedAt) }));
}
