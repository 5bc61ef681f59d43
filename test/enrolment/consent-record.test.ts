/**
 * Recording CCM consent without the page: a coordinator takes it by phone
 * (verbal, the same text and elements), and what is missing is named; a no
 * told to a person; the patient's revocation, effective the last day of that
 * month in the practice's timezone, which disenrols them; the consent text's
 * versions; and each consent as an R4 Consent in the patient's month export,
 * checked against the official schema.
 */
import { createHash } from 'node:crypto';
import type { Bundle, Consent } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_WORDING } from '../../prompts/consent.js';
import {
  consentShown,
  currentConsentText,
  declineInvitation,
  publishConsentText,
  recordConsent,
  revokeConsent,
  type ConsentElement,
  type RecordConsentInput,
} from '../../src/enrolment/consent.js';
import { DomainError } from '../../src/errors.js';
import { findCandidate, type Candidate } from '../../src/store/candidates.js';
import { findPatient } from '../../src/store/patients.js';
import { withTransaction } from '../../src/store/sql.js';
import { fhirValidator } from '../helpers/fhir-schema.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { ALL_ELEMENTS, addCandidate, addPractitioner, practiceOf } from './consent-support.js';

let s: Scenario;
let doctor: { id: string; name: string };

beforeAll(async () => {
  s = await startScenario({}, { start: '2026-12-01T16:00:00Z' });
  doctor = await addPractitioner(s);
});
afterAll(async () => {
  await s.close();
});

const inTx = <T>(work: (tx: Parameters<Parameters<typeof withTransaction>[1]>[0]) => Promise<T>) => withTransaction(s.t.db.pool, work);

/** A verbal consent by Nora Nurse to the practice's current text, with these changes. */
async function verbal(candidate: Candidate, changes: Partial<RecordConsentInput> = {}) {
  const practice = await practiceOf(s);
  return inTx(async (tx) => {
    const text = await currentConsentText(tx, practice, candidate.language, s.clock.now());
    return recordConsent(tx, s.t.service.runtime, {
      practice,
      candidate,
      method: 'verbal',
      consentTextId: text.id,
      elements: [...ALL_ELEMENTS],
      signatureName: null,
      obtainedBy: { name: 'Nora Nurse, RN', staffId: s.coordinator.id },
      at: s.clock.now(),
      ...changes,
    });
  });
}

async function refused(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('verbal consent, taken by a coordinator with the script', () => {
  it('names what is missing and records nothing: an element, who obtained it, the signature, a text of another language', async () => {
    const hal = await addCandidate(s, doctor.id, { firstName: 'Hal' });
    const elements = await refused(verbal(hal, { elements: ['offered', 'one_practitioner'] as ConsentElement[] }));
    expect(elements).toMatchObject({ status: 400, field: 'elements' });
    expect(elements.message).toBe('elements: each required element must be acknowledged; not acknowledged: cost_sharing, stop_any_time');
    expect(await refused(verbal(hal, { obtainedBy: { name: 'Nora Nurse, RN', staffId: null } }))).toMatchObject({ status: 400, field: 'obtainedBy.staffId' });
    expect(await refused(verbal(hal, { method: 'electronic_signature', signatureName: ' ' }))).toMatchObject({ status: 400, field: 'signatureName' });
    const practice = await practiceOf(s);
    const spanish = await inTx((tx) => currentConsentText(tx, practice, 'es', s.clock.now()));
    expect(await refused(verbal(hal, { consentTextId: spanish.id }))).toMatchObject({ status: 400, field: 'consentTextId' });
    expect((await findCandidate(s.t.db.pool, hal.id))!.state).toBe('interested');
    expect((await s.t.db.pool.query('SELECT 1 FROM ccm_consents WHERE candidate_id = $1', [hal.id])).rows).toEqual([]);
  });

  it('records who obtained it and the text read, and enrols the patient with consent "verbal"', async () => {
    const ida = await addCandidate(s, doctor.id, { firstName: 'Ida', language: 'es', timezone: 'America/Los_Angeles' });
    const { patient, consent } = await verbal(ida);
    expect(patient).toMatchObject({ firstName: 'Ida', language: 'es', timezone: 'America/Los_Angeles', status: 'enrolled' });
    expect(patient.consent).toEqual({ status: 'granted', method: 'verbal', recordedAt: s.clock.now().toISOString(), recordedBy: 'Nora Nurse, RN' });
    expect(consent).toMatchObject({
      method: 'verbal',
      obtainedBy: 'Nora Nurse, RN',
      obtainedByStaffId: s.coordinator.id,
      billingPractitionerId: doctor.id,
      signatureName: null,
      elementsAcknowledged: [...ALL_ELEMENTS],
    });
    const text = (await s.t.db.pool.query('SELECT * FROM consent_texts WHERE id = $1', [consent.consentTextId])).rows[0];
    expect(text.language).toBe('es');
    expect(consent.textSha256).toBe(createHash('sha256').update(consentShown(text, 'Alan Grant, MD')).digest('hex'));
    expect((await findCandidate(s.t.db.pool, ida.id))).toMatchObject({ state: 'consented', patientId: patient.id });
    // Once is enough: a second consent for the same candidate is a conflict naming the patient.
    const again = await refused(verbal(ida));
    expect(again.status).toBe(409);
    expect(again.message).toContain(patient.id);
  });

  it('a candidate who said no before may still consent when they ask to join', async () => {
    const jo = await addCandidate(s, doctor.id, { firstName: 'Jo' });
    await inTx((tx) => declineInvitation(tx, { candidate: jo, how: 'told Nora Nurse by phone', at: s.clock.now() }));
    expect(await findCandidate(s.t.db.pool, jo.id)).toMatchObject({ state: 'declined', declinedHow: 'told Nora Nurse by phone' });
    const { patient } = await verbal(jo);
    expect((await findCandidate(s.t.db.pool, jo.id))).toMatchObject({ state: 'consented', patientId: patient.id });
    // A no after a consent is a revocation, not a decline.
    expect((await refused(inTx((tx) => declineInvitation(tx, { candidate: jo, how: 'by phone', at: s.clock.now() })))).status).toBe(409);
  });
});

describe('the consent text', () => {
  it('is versioned: a new wording or a new practice name is a new row, and the earlier rows stay as they were', async () => {
    const practice = await practiceOf(s);
    const first = await inTx((tx) => currentConsentText(tx, practice, 'en', s.clock.now()));
    expect(first.body.startsWith(CONSENT_WORDING.en.title)).toBe(true);
    expect(first.body).toContain('Riverside Family Medicine offers you Chronic Care Management');
    expect(first.body).toContain('{practitioner}');
    const bad = await refused(inTx((tx) => publishConsentText(tx, practice, { language: 'en', elements: { ...CONSENT_WORDING.en.elements, offered: 'Ask {doctor}' }, createdBy: 'x', at: s.clock.now() })));
    expect(bad).toMatchObject({ status: 400, field: 'elements.offered' });
    const { stop_any_time: _left, ...three } = CONSENT_WORDING.en.elements;
    expect(await refused(inTx((tx) => publishConsentText(tx, practice, { language: 'en', elements: three as never, createdBy: 'x', at: s.clock.now() })))).toMatchObject({ field: 'elements.stop_any_time' });

    const renamed = await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { name: 'Riverside Family Health' });
    expect(renamed.status).toBe(200);
    const after = await practiceOf(s);
    const now = await inTx((tx) => currentConsentText(tx, after, 'en', s.clock.now()));
    expect(now.version).toBe(first.version + 1);
    expect(now.elements).toEqual(first.elements);
    expect(now.body).toContain('Riverside Family Health offers you');
    const kept = (await s.t.db.pool.query('SELECT body, sha256 FROM consent_texts WHERE id = $1', [first.id])).rows[0];
    expect(kept).toEqual({ body: first.body, sha256: first.sha256 });
    await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { name: 'Riverside Family Medicine' });
  });
});

describe('revocation', () => {
  it('stops CCM at the end of the month it was asked in (the practice\'s timezone) and disenrols the patient at once', async () => {
    const kim = await addCandidate(s, doctor.id, { firstName: 'Kim' });
    const { patient } = await verbal(kim);
    const planned = async () => (await s.t.db.pool.query("SELECT count(*)::int AS n FROM outreach WHERE patient_id = $1 AND status = 'planned'", [patient.id])).rows[0].n;
    expect(await planned()).toBeGreaterThan(0);
    // 23:30 on December 31st in Chicago is already January in UTC: still December's end.
    await s.advanceTo('2027-01-01T05:30:00Z');
    const revoked = await inTx((tx) => revokeConsent(tx, s.t.service.runtime, { patient, how: 'told Nora Nurse by phone', recordedBy: 'Nora Nurse', at: s.clock.now() }));
    expect(revoked).toMatchObject({ revokedAt: '2027-01-01T05:30:00.000Z', revocationEffectiveOn: '2026-12-31', revokedHow: 'told Nora Nurse by phone', revokedRecordedBy: 'Nora Nurse' });
    expect((await findPatient(s.t.db.pool, patient.id))!.status).toBe('disenrolled');
    expect(await planned()).toBe(0);
    const events = await s.t.db.pool.query("SELECT type, detail FROM patient_events WHERE patient_id = $1 AND type = 'ccm_consent.revoked'", [patient.id]);
    expect(events.rows).toEqual([{ type: 'ccm_consent.revoked', detail: { consentId: revoked.id, effectiveOn: '2026-12-31' } }]);
    // Nothing left to revoke.
    expect((await refused(inTx((tx) => revokeConsent(tx, s.t.service.runtime, { patient, how: 'again', recordedBy: 'Nora Nurse', at: s.clock.now() })))).status).toBe(409);
    expect((await refused(inTx((tx) => revokeConsent(tx, s.t.service.runtime, { patient, how: ' ', recordedBy: 'Nora Nurse', at: s.clock.now() })))).field).toBe('how');
  });
});

describe('the month export', () => {
  const validate = fhirValidator();
  const consentsIn = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Consent => r?.resourceType === 'Consent');

  it('carries each consent as an R4 Consent that validates against the official schema, with the exact text and its SHA-1', async () => {
    // A consent stands until revoked: the month's record carries every consent given by the month's end.
    const lee = await addCandidate(s, doctor.id, { firstName: 'Lee' });
    const { patient, consent } = await verbal(lee);
    const response = await s.admin.get(`/api/v1/patients/${patient.id}/months/2027-01/export?format=fhir`);
    expect(response.status).toBe(200);
    const bundle = response.body as Bundle;
    expect(validate(bundle)).toEqual([]);
    const [resource, ...others] = consentsIn(bundle);
    expect(others).toEqual([]);
    const patientUrl = bundle.entry!.find((e) => e.resource?.resourceType === 'Patient')!.fullUrl;
    const organizationUrl = bundle.entry!.find((e) => e.resource?.resourceType === 'Organization')!.fullUrl;
    expect(resource).toMatchObject({
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: patientUrl },
      dateTime: consent.obtainedAt,
      performer: [{ reference: patientUrl }],
      organization: [{ reference: organizationUrl }],
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
      verification: [{ verified: true, verifiedWith: { reference: patientUrl }, verificationDate: consent.obtainedAt }],
      provision: { type: 'permit', period: { start: consent.obtainedAt }, actor: [{ reference: { display: 'Alan Grant, MD' } }] },
    });
    const attachment = resource!.sourceAttachment!;
    const data = Buffer.from(attachment.data!, 'base64');
    expect(attachment).toMatchObject({ contentType: 'text/plain; charset=utf-8', language: 'en', size: data.length });
    expect(attachment.title).toMatch(/^CCM consent text, version \d+ \(English\), given verbally to Nora Nurse, RN$/);
    expect(createHash('sha256').update(data).digest('hex')).toBe(consent.textSha256);
    expect(attachment.hash).toBe(createHash('sha1').update(data).digest('base64'));
    expect(data.toString('utf8')).toContain('with Alan Grant, MD as your CCM practitioner');

    // The schema check is real: a Consent without its scope fails it.
    const broken = structuredClone(bundle);
    delete (consentsIn(broken)[0] as Partial<Consent>).scope;
    expect(validate(broken).join('\n')).toMatch(/resource\(Consent\) must have required property 'scope'/);
  });

  it('after a revocation: the period ends on its effective day; active through that day, inactive once it is past', async () => {
    const kim = (await s.t.db.pool.query<{ patient_id: string }>("SELECT patient_id FROM candidates WHERE first_name = 'Kim'")).rows[0]!.patient_id;
    const exported = async () => {
      const bundle = (await s.admin.get(`/api/v1/patients/${kim}/months/2026-12/export?format=fhir`)).body as Bundle;
      expect(validate(bundle)).toEqual([]);
      return consentsIn(bundle)[0]!;
    };
    // Still December 31st in Chicago.
    expect(await exported()).toMatchObject({ status: 'active', provision: { period: { end: '2026-12-31' } } });
    await s.advanceTo('2027-01-01T06:00:00Z');
    expect(await exported()).toMatchObject({ status: 'inactive', provision: { period: { end: '2026-12-31' } } });
  });
});
