/**
 * Approved months written back to the practice's EHR, end to end: approval
 * through the API, the ehr.writeback job run on the test clock, a real FHIR
 * server on loopback (Medplum's router) behind a SMART token endpoint.
 */
import type { DocumentReference, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteIdentifier, writeBackBundle } from '../../src/ehr/index.js';
import type { MonthRecord } from '../../src/documentation/types.js';
import { enqueueJob } from '../../src/store/job-queue.js';
import { apiClient, createApiKey } from '../helpers/api.js';
import { connectEhr, type ConnectedEhr } from '../helpers/ehr.js';
import { fhirValidator } from '../helpers/fhir-schema.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
let ehr: ConnectedEhr;
let system: string;
beforeAll(async () => {
  s = await startScenario();
  ehr = await connectEhr(s.admin, s.practice.id, () => s.clock.now());
  system = (await s.admin.get(`/api/v1/practices/${s.practice.id}/ehr/connection`)).body.identifierSystem;
});
afterAll(async () => {
  await ehr?.close();
  await s?.close();
});

const MONTH = '2026-11';
const monthUrl = (patientId: string) => `/api/v1/patients/${patientId}/months/${MONTH}`;
const writeBacks = async (status?: string) =>
  (await s.admin.get(`/api/v1/practices/${s.practice.id}/ehr/write-backs${status ? `?status=${status}` : ''}`)).body.data as Array<Record<string, any>>;
const writeBackOf = async (patientId: string, kind = 'month') => (await writeBacks()).find((w) => w.patientId === patientId && w.kind === kind)!;
const notesOf = (patientId: string) =>
  ehr.fhir.findByIdentifier<DocumentReference>('DocumentReference', `${system}/month-notes|${patientId}-${MONTH}`);
const transactionStatuses = () => ehr.fhir.fhirRequests.filter((r) => r.method === 'POST' && r.url === '').map((r) => r.status);

/** A patient with a reading and staff time this month, the month approved (its write-back queued, not yet run). */
async function approvedMonth(): Promise<{ patient: { id: string; phone: string }; record: MonthRecord }> {
  const patient = await s.newPatient({ conditions: ['hypertension', 'Type 2 diabetes'] });
  await s.say(patient, 'hello, my BP was 150/95 today');
  await s.admin.post(`/api/v1/patients/${patient.id}/time-entries`, { staffId: s.coordinator.id, activity: 'call', start: '2026-11-13T09:00', minutes: 22 });
  await s.admin.patch(monthUrl(patient.id), { note: 'Reviewed the home blood pressure log with the patient.' });
  const approved = await s.admin.post(`${monthUrl(patient.id)}/approve`, { staffId: s.coordinator.id });
  expect(approved.status).toBe(200);
  return { patient, record: approved.body as MonthRecord };
}

describe('write-back of an approved month', () => {
  it('puts the note and the observations on the EHR, found by their identifiers, as the official R4 schema allows', async () => {
    const { patient, record } = await approvedMonth();
    // Queued in the approval's transaction; nothing left yet.
    expect(await writeBackOf(patient.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await notesOf(patient.id)).toEqual([]);
    await s.runDue();

    const [note, ...more] = await notesOf(patient.id);
    expect(more).toEqual([]);
    expect(note).toMatchObject({
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
      category: [{ coding: [{ code: 'clinical-note' }] }],
      context: { period: record.period },
      identifier: [noteIdentifier(system, record)],
    });
    const text = note!.content.find((c) => c.attachment.contentType?.startsWith('text/plain'))!;
    expect(Buffer.from(text.attachment.data!, 'base64').toString('utf8')).toBe(record.note.text);
    // The subject is the patient as the EHR stored them.
    const patientRef = note!.subject!.reference!;
    expect(patientRef).toMatch(/^Patient\/[\w-]+$/);
    const stored = await ehr.fhir.repo.readReference<Patient>({ reference: patientRef });
    expect(stored.identifier).toContainEqual({ system: `${system}/patients`, value: patient.id });

    const observations = await ehr.fhir.repo.searchResources<Observation>({ resourceType: 'Observation', filters: [{ code: 'subject', operator: 'eq' as never, value: patientRef }] });
    const bp = observations.find((o) => o.code.coding?.[0]?.code === '85354-9');
    expect(bp?.component?.map((c) => c.valueQuantity?.value)).toEqual([150, 95]);
    const byIdentifier = await ehr.fhir.findByIdentifier<Observation>('Observation', `${bp!.identifier!.at(-1)!.system}|${bp!.identifier!.at(-1)!.value}`);
    expect(byIdentifier.map((o) => o.id)).toEqual([bp!.id]);

    expect(await writeBackOf(patient.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null, documentReference: expect.stringContaining(`DocumentReference/${note!.id}`) });
    const problems = fhirValidator()(writeBackBundle({ record, identifierSystem: system }));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('sent twice (a lost answer, a job run again), the EHR still holds one of each', async () => {
    const { patient } = await approvedMonth();
    await s.runDue();
    const row = await writeBackOf(patient.id);
    const before = (await ehr.fhir.repo.searchResources({ resourceType: 'Observation' })).length;
    await s.t.db.pool.query("UPDATE ehr_writebacks SET status = 'pending' WHERE id = $1", [row.id]);
    await enqueueJob(s.t.db.pool, 'ehr.writeback', { writeBackId: row.id }, { runAt: s.clock.now() });
    await s.runDue();
    expect(await notesOf(patient.id)).toHaveLength(1);
    expect(await ehr.fhir.findByIdentifier('Patient', `${system}/patients|${patient.id}`)).toHaveLength(1);
    expect((await ehr.fhir.repo.searchResources({ resourceType: 'Observation' })).length).toBe(before);
    expect(await writeBackOf(patient.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries after a 500 and sends once', async () => {
    const { patient } = await approvedMonth();
    const sentBefore = transactionStatuses().length;
    ehr.fhir.failNext(500);
    await s.runDue();
    expect(await writeBackOf(patient.id)).toMatchObject({ status: 'pending', attempts: 1, lastHttpStatus: 500 });
    expect(await notesOf(patient.id)).toEqual([]);
    // The backoff's first step (SEND_RETRY_BASE_SECONDS, 30 s by default).
    await s.advance(30_000);
    expect(transactionStatuses().slice(sentBefore)).toEqual([500, 200]);
    expect(await notesOf(patient.id)).toHaveLength(1);
    expect(await writeBackOf(patient.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('keeps its token between sends; a 401 gets a new token and the send goes', async () => {
    await approvedMonth();
    const tokensBefore = ehr.fhir.tokenAttempts.filter((a) => a.status === 200).length;
    await s.runDue();
    // The token from earlier sends is still good: none asked for.
    expect(ehr.fhir.tokenAttempts.filter((a) => a.status === 200).length).toBe(tokensBefore);

    const { patient } = await approvedMonth();
    ehr.fhir.revokeTokens();
    const sentBefore = transactionStatuses().length;
    await s.runDue();
    expect(transactionStatuses().slice(sentBefore)).toEqual([401, 200]);
    expect(ehr.fhir.tokenAttempts.filter((a) => a.status === 200).length).toBe(tokensBefore + 1);
    expect(await notesOf(patient.id)).toHaveLength(1);
    expect(await writeBackOf(patient.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a 400 is raised for the practice admin with the EHR\'s answer, and nothing is lost: sent again once fixed', async () => {
    const { patient } = await approvedMonth();
    ehr.fhir.failNext(400, 1, 'DocumentReference.type: code not allowed here');
    await s.runDue();
    const failed = (await writeBacks('failed')).filter((w) => w.patientId === patient.id);
    expect(failed).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, lastHttpStatus: 400, lastError: expect.stringContaining('code not allowed here') }),
    ]);
    // No retry is scheduled for a refusal: it waits for a person.
    await s.advance(60 * 60_000);
    expect(await notesOf(patient.id)).toEqual([]);
    // The key and the EHR's words stay out of the log; ids are there.
    expect(s.t.logs.text).toContain(failed[0]!.id);
    expect(s.t.logs.text).not.toContain('code not allowed here');
    expect(s.t.logs.text).not.toContain(ehr.privateKeyPem.split('\n')[1]!);

    const coordinatorKey = await createApiKey(s.admin, s.practice.id, 'coordinator');
    const asCoordinator = await apiClient(s.t.service.app, coordinatorKey.token).get(`/api/v1/practices/${s.practice.id}/ehr/write-backs?status=failed`);
    expect(asCoordinator.status).toBe(403);

    const retried = await s.admin.post(`/api/v1/practices/${s.practice.id}/ehr/write-backs/${failed[0]!.id}/retry`, {});
    expect(retried.status).toBe(202);
    await s.runDue();
    expect(await notesOf(patient.id)).toHaveLength(1);
    expect(await writeBackOf(patient.id)).toMatchObject({ status: 'sent' });
    expect((await s.admin.post(`/api/v1/practices/${s.practice.id}/ehr/write-backs/${failed[0]!.id}/retry`, {})).status).toBe(404);
  });

  it('sends an addendum as a new document that appends to the first', async () => {
    const { patient, record } = await approvedMonth();
    await s.runDue();
    const [first] = await notesOf(patient.id);
    const added = await s.admin.post(`${monthUrl(patient.id)}/addenda`, { text: 'Spoke with the cardiologist on Nov 20.' });
    expect(added.status).toBe(201);
    await s.runDue();

    const addenda = await ehr.fhir.findByIdentifier<DocumentReference>('DocumentReference', `${system}/month-notes|${patient.id}-${MONTH}-addendum-1`);
    expect(addenda).toHaveLength(1);
    expect(addenda[0]!.relatesTo).toEqual([{ code: 'appends', target: { reference: `DocumentReference/${first!.id}` } }]);
    expect(addenda[0]!.context?.period).toEqual(record.period);
    const text = Buffer.from(addenda[0]!.content[0]!.attachment.data!, 'base64').toString('utf8');
    expect(text).toContain('Spoke with the cardiologist on Nov 20.');
    // The note it appends to is not sent twice.
    expect(await notesOf(patient.id)).toHaveLength(1);
    expect(await writeBackOf(patient.id, 'addendum')).toMatchObject({ status: 'sent' });

    const approved = (await s.admin.get(monthUrl(patient.id))).body as MonthRecord;
    const bundle = writeBackBundle({ record: approved, identifierSystem: system, addendum: { ...approved.addenda[0]!, number: 1 } });
    const problems = fhirValidator()(bundle);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the EHR connection', () => {
  it('keeps where the key is, never the key, and refuses a key it cannot read', async () => {
    const row = (await s.t.db.pool.query('SELECT * FROM ehr_connections WHERE practice_id = $1', [s.practice.id])).rows[0];
    expect(JSON.stringify(row)).not.toContain('PRIVATE KEY');
    expect(row.private_key_env).toBe(ehr.keyEnv);
    const missing = await s.admin.put(`/api/v1/practices/${s.practice.id}/ehr/connection`, { ...ehr.settings, privateKey: { env: 'CCM_NO_SUCH_VARIABLE' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('CCM_NO_SUCH_VARIABLE');
    const pasted = await s.admin.put(`/api/v1/practices/${s.practice.id}/ehr/connection`, { ...ehr.settings, privateKey: { env: ehr.privateKeyPem } });
    expect(pasted.status).toBe(400);
    expect(JSON.stringify(pasted.body)).not.toContain(ehr.privateKeyPem.split('\n')[1]!);
  });
});
