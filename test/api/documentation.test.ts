/**
 * CCM documentation end to end through the API: staff, care plan, time
 * entries (overlap refused, corrections kept), time the service captured,
 * the monthly record with codes, approval and addenda, exports, the
 * practice's billing list, and the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { fhirValidator } from '../helpers/fhir-schema.js';
import { acknowledgeLocked } from '../../src/escalation/index.js';
import { lockAlert } from '../../src/store/alerts.js';
import { withTransaction } from '../../src/store/sql.js';

let s: Scenario;
let doctor: { id: string };
beforeAll(async () => {
  s = await startScenario();
  doctor = (await s.admin.post(`/api/v1/practices/${s.practice.id}/staff`, { name: 'Alan Grant', role: 'practitioner', credential: 'MD' })).body;
});
afterAll(() => s.close());

const entries = (patientId: string) => `/api/v1/patients/${patientId}/time-entries`;
const month = (patientId: string, m = '2026-11') => `/api/v1/patients/${patientId}/months/${m}`;

async function enrolledWithPlan() {
  const patient = await s.newPatient();
  const plan = await s.admin.put(`/api/v1/patients/${patient.id}/care-plan`, {
    status: 'active',
    problems: [{ condition: 'hypertension' }, { condition: 'Type 2 diabetes' }],
    goals: ['BP under 140/90'],
    interventions: ['Home BP log'],
  });
  expect(plan.status).toBe(200);
  return patient;
}

describe('staff and care plans', () => {
  it('lists coordinators as clinical staff beside the practitioners', async () => {
    const staff = (await s.admin.get(`/api/v1/practices/${s.practice.id}/staff`)).body.data;
    expect(staff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: s.coordinator.id, role: 'clinical_staff', credential: 'RN', coordinator: true }),
        expect.objectContaining({ id: doctor.id, role: 'practitioner', credential: 'MD', coordinator: false, phone: null }),
      ]),
    );
    // A practitioner without a phone is never among the coordinators who get calls and texts.
    const coordinators = (await s.admin.get(`/api/v1/practices/${s.practice.id}/coordinators`)).body.data;
    expect(coordinators.map((c: { id: string }) => c.id)).not.toContain(doctor.id);
  });

  it('keeps ICD-10 codes and the date the plan was established', async () => {
    const patient = await enrolledWithPlan();
    const plan = (await s.admin.get(`/api/v1/patients/${patient.id}/care-plan`)).body;
    expect(plan.problems).toEqual([
      { condition: 'hypertension', icd10: 'I10' },
      { condition: 'Type 2 diabetes', icd10: 'E11.9' },
    ]);
    expect(plan.establishedOn).toBe('2026-11-24');
    const bad = await s.admin.put(`/api/v1/patients/${patient.id}/care-plan`, { status: 'active', problems: [{ condition: 'x', icd10: 'hello' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('problems.0.icd10');
  });
});

describe('time entries', () => {
  it('refuses a minute counted twice, naming the entry it overlaps, and checks what it is given', async () => {
    const [a, b] = [await enrolledWithPlan(), await enrolledWithPlan()];
    const first = await s.admin.post(entries(a.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-03T10:00', minutes: 18 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ seconds: 1080, start: '2026-11-03T16:00:00.000Z', source: 'manual', staffRole: 'clinical_staff' });
    const overlap = await s.admin.post(entries(b.id), { staffId: s.coordinator.id, activity: 'data_review', start: '2026-11-03T10:10', minutes: 5 });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toContain(first.body.id);
    // Another staff member at the same time is fine.
    expect((await s.admin.post(entries(b.id), { staffId: doctor.id, activity: 'data_review', start: '2026-11-03T10:10', minutes: 5 })).status).toBe(201);

    const both = await s.admin.post(entries(a.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-04T10:00', end: '2026-11-04T10:20', minutes: 20 });
    expect(both.status).toBe(400);
    const future = await s.admin.post(entries(a.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-24T09:50', minutes: 30 });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('future');
    const stranger = await s.admin.post(entries(a.id), { staffId: '00000000-0000-4000-8000-000000000000', activity: 'call', start: '2026-11-04T10:00', minutes: 5 });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toContain('staffId');
    const impossible = await s.admin.post(entries(a.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-02-30T10:00', minutes: 5 });
    expect(impossible.status).toBe(400);
  });

  it('corrections and withdrawals keep the original on record', async () => {
    const patient = await enrolledWithPlan();
    const original = (await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-05T10:00', minutes: 10 })).body;
    const corrected = await s.admin.patch(`${entries(patient.id)}/${original.id}`, { minutes: 25, reason: 'the call ran longer' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ seconds: 1500, correctsId: original.id });
    const again = await s.admin.patch(`${entries(patient.id)}/${original.id}`, { minutes: 30, reason: 'twice' });
    expect(again.status).toBe(409);
    const withdrawn = await s.admin.post(`${entries(patient.id)}/${corrected.body.id}/withdraw`, { reason: 'wrong patient' });
    expect(withdrawn.body).toMatchObject({ withdrawnReason: 'wrong patient' });
    const listed = (await s.admin.get(entries(patient.id))).body.data;
    expect(listed).toHaveLength(2);
    expect(listed.every((e: { supersededAt: string | null }) => e.supersededAt !== null)).toBe(true);
    expect((await s.admin.get(month(patient.id))).body.time.clinicalStaffSeconds).toBe(0);
  });
});

describe('the monthly record', () => {
  it('suggests codes from staff time only, never from the bot, and explains them', async () => {
    const patient = await enrolledWithPlan();
    await s.checkIn(patient, 'wellness');
    await s.say(patient, '1');
    const bare = (await s.admin.get(month(patient.id))).body;
    expect(bare.botActivity.textsSent).toBeGreaterThan(0);
    expect(bare.time.clinicalStaffSeconds).toBe(0);
    expect(bare.codes).toEqual([]);
    expect(bare.interactions.some((i: { actor: string; summary: string }) => i.actor === 'patient' && i.summary === '1')).toBe(true);

    await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-10T09:00', minutes: 15 });
    await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'data_review', start: '2026-11-12T09:00', end: '2026-11-12T09:06:30' });
    const record = (await s.admin.get(month(patient.id))).body;
    expect(record.time.clinicalStaffSeconds).toBe(21 * 60 + 30);
    expect(record.codes).toEqual([expect.objectContaining({ code: '99490', units: 1 })]);
    expect(record.codes[0].reason).toContain('21 min 30 s');
    expect(record.conditions.filter((c: { underCarePlan: boolean }) => c.underCarePlan)).toHaveLength(2);
    expect(record.needsReview).toBe(false);
    expect(record.note.text).toContain('99490');
    expect(record.status).toBe('draft');

    const log = (await s.admin.get(`/api/v1/patients/${patient.id}/access-log`)).body.data;
    expect(log.filter((r: { action: string }) => r.action === 'care_month.read').length).toBeGreaterThanOrEqual(2);
  });

  it('warns when consent or conditions are missing, and names the month wrongly asked for', async () => {
    const patient = await s.newPatient({ conditions: ['hypertension'] });
    await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-10T11:00', minutes: 25 });
    const record = (await s.admin.get(month(patient.id))).body;
    expect(record.codes).toEqual([]);
    expect(record.warnings.map((w: { code: string }) => w.code)).toContain('too_few_conditions');
    expect((await s.admin.get(month(patient.id, '2026-13'))).status).toBe(400);
  });

  it('approval locks the month; later time and notes are addenda; exports carry the codes', async () => {
    const patient = await enrolledWithPlan();
    await s.say(patient, 'hello, my BP was 150/95 today');
    await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-13T09:00', minutes: 41 });
    await s.admin.patch(month(patient.id), { note: 'Reviewed BP log with the patient.' });
    const noStaff = await s.admin.post(`${month(patient.id)}/approve`, {});
    expect(noStaff.status).toBe(400);
    const approved = await s.admin.post(`${month(patient.id)}/approve`, { staffId: s.coordinator.id });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approval: { approvedBy: 'Nora Nurse, RN' }, note: { text: 'Reviewed BP log with the patient.', edited: true } });
    expect(approved.body.codes.map((c: { code: string; units: number }) => `${c.code}x${c.units}`)).toEqual(['99490x1', '99439x1']);

    expect((await s.admin.patch(month(patient.id), { complex: true })).status).toBe(409);
    expect((await s.admin.post(`${month(patient.id)}/approve`, { staffId: s.coordinator.id })).status).toBe(409);
    const late = await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'care_coordination', start: '2026-11-20T09:00', minutes: 20 });
    expect(late.status).toBe(201);
    await s.admin.post(`${month(patient.id)}/addenda`, { text: 'Spoke with the cardiologist on Nov 20.' });
    const locked = (await s.admin.get(month(patient.id))).body;
    expect(locked.time.clinicalStaffSeconds).toBe(41 * 60);
    expect(locked.addenda.map((a: { text: string }) => a.text)).toEqual([expect.stringContaining('Time added after approval'), 'Spoke with the cardiologist on Nov 20.']);

    const fhir = await s.admin.get(`${month(patient.id)}/export?format=fhir`);
    expect(fhir.status).toBe(200);
    expect(String(fhir.headers['content-type'])).toContain('application/fhir+json');
    const charges = fhir.body.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'ChargeItem');
    expect(charges.map((c: { resource: { code: { coding: { code: string }[] } } }) => c.resource.code.coding[0]!.code).sort()).toEqual(['99439', '99490']);
    const problems = fhirValidator()(fhir.body);
    expect(problems, problems.join('\n')).toEqual([]);
    const html = await s.admin.get(`${month(patient.id)}/export?format=html`);
    expect(String(html.headers['content-type'])).toContain('text/html');
    expect(html.body).toContain('Approved by Nora Nurse, RN');

    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/months/2026-11?status=approved`)).body.data;
    expect(list).toEqual([expect.objectContaining({ patientId: patient.id, status: 'approved', clinicalStaffSeconds: 41 * 60 })]);
    const drafts = (await s.admin.get(`/api/v1/practices/${s.practice.id}/months/2026-11?status=draft`)).body.data;
    expect(drafts.map((r: { patientId: string }) => r.patientId)).not.toContain(patient.id);
    const actions = (await s.admin.get(`/api/v1/patients/${patient.id}/access-log`)).body.data.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['care_month.approve', 'care_month.export_fhir', 'care_month.export_html', 'care_month.list']));
  });
});

describe('time the service captured', () => {
  it('counts acknowledging to resolving an alert in one sitting (30 minutes at most) as the coordinator\'s time', async () => {
    const patient = await enrolledWithPlan();
    await s.say(patient, 'I have chest pain');
    const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts`)).body.data.find((a: { patient: { id: string } }) => a.patient.id === patient.id);
    await s.admin.post(`/api/v1/alerts/${alert.id}/acknowledge`, { coordinatorId: s.coordinator.id });
    await s.advance(12 * 60_000);
    await s.admin.post(`/api/v1/alerts/${alert.id}/resolve`, { coordinatorId: s.coordinator.id, note: 'Called; patient went to the ED' });
    const captured = (await s.admin.get(entries(patient.id))).body.data;
    expect(captured).toEqual([
      expect.objectContaining({ source: 'captured', activity: 'data_review', seconds: 12 * 60, staffId: s.coordinator.id, capturedFrom: `alert:${alert.id}` }),
    ]);
    const record = (await s.admin.get(month(patient.id))).body;
    expect(record.alerts[0]).toMatchObject({ resolvedBy: 'Nora Nurse', resolutionNote: 'Called; patient went to the ED' });
  });

  it('counts nothing from a key pressed on the ring: taking the alert on the phone is no sitting at the desk', async () => {
    const patient = await enrolledWithPlan();
    await s.say(patient, 'I have chest pain');
    const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts`)).body.data.find((a: { patient: { id: string } }) => a.patient.id === patient.id);
    // As the escalation call does when she presses 2 (src/channels/voice/escalation-call.ts).
    await withTransaction(s.t.db.pool, async (tx) => {
      const locked = await lockAlert(tx, alert.id);
      await acknowledgeLocked(tx, locked!, { alertId: alert.id, coordinatorId: s.coordinator.id, via: 'keypress' }, s.clock.now());
    });
    await s.advance(20 * 60_000);
    await s.admin.post(`/api/v1/alerts/${alert.id}/resolve`, { coordinatorId: s.coordinator.id, note: 'Called back after the visit in front of me' });
    expect((await s.admin.get(entries(patient.id))).body.data).toEqual([]);
  });

  it('counts nothing for an alert acknowledged one day and resolved the next: nobody knows how long was worked', async () => {
    const patient = await enrolledWithPlan();
    await s.say(patient, 'I have chest pain');
    const alert = (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts`)).body.data.find((a: { patient: { id: string } }) => a.patient.id === patient.id);
    await s.admin.post(`/api/v1/alerts/${alert.id}/acknowledge`, { coordinatorId: s.coordinator.id });
    await s.advance(26 * 60 * 60_000);
    await s.admin.post(`/api/v1/alerts/${alert.id}/resolve`, { coordinatorId: s.coordinator.id, note: 'Seen in clinic' });
    expect((await s.admin.get(entries(patient.id))).body.data).toEqual([]);
  });
});

describe('months in the practice\'s timezone and its billing settings', () => {
  it('splits an entry at local midnight between two months', async () => {
    const patient = await s.newPatient({ consent: { status: 'granted', method: 'written', recordedAt: '2026-09-01T15:00:00Z', recordedBy: 'Jane Doe, RN' } });
    await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'care_coordination', start: '2026-10-31T23:50', end: '2026-11-01T00:20' });
    const october = (await s.admin.get(month(patient.id, '2026-10'))).body;
    const november = (await s.admin.get(month(patient.id, '2026-11'))).body;
    expect([october.time.clinicalStaffSeconds, november.time.clinicalStaffSeconds]).toEqual([600, 1200]);
  });

  it('never suggests a code the practice switched off, and an APCM practice gets its G code instead of CCM codes', async () => {
    const patient = await enrolledWithPlan();
    await s.admin.post(entries(patient.id), { staffId: s.coordinator.id, activity: 'call', start: '2026-11-16T09:00', minutes: 45 });
    const settings = `/api/v1/practices/${s.practice.id}`;
    const codes = async () => (await s.admin.get(month(patient.id))).body;
    expect((await s.admin.patch(settings, { billing: { disabledCodes: ['99439'] } })).body.billing).toEqual({ model: 'ccm', apcmCode: 'G0556', disabledCodes: ['99439'] });
    const withoutAddOn = await codes();
    expect(withoutAddOn.codes.map((c: { code: string }) => c.code)).toEqual(['99490']);
    expect(withoutAddOn.warnings.map((w: { code: string }) => w.code)).toContain('code_disabled');

    await s.admin.patch(settings, { billing: { model: 'apcm', apcmCode: 'G0557' } });
    expect((await codes()).codes.map((c: { code: string }) => c.code)).toEqual(['G0557']);
    const wrong = await s.admin.patch(settings, { billing: { model: 'fee-for-service' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('billing.model');
    await s.admin.patch(settings, { billing: { model: 'ccm', disabledCodes: [] } });
  });
});
