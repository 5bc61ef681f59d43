/**
 * Smaller things a practice met (issue 20), each through the API as the
 * practice met it: a body sent as form data or plain text, a care plan
 * revised on its first write, a 07:00 dose, a credential typed into a name,
 * and a care plan written with an API key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { text } from '../helpers/twilio.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const PLAN = { status: 'active', problems: [{ condition: 'hypertension' }, { condition: 'type 2 diabetes' }], goals: ['BP under 140/90'] };
const carePlan = (patientId: string) => `/api/v1/patients/${patientId}/care-plan`;

describe('a body that is not JSON', () => {
  const send = (contentType: string | null, payload: string) =>
    s.t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${s.practice.id}/coordinators`,
      headers: { authorization: `Bearer ${s.t.service.config.adminToken}`, ...(contentType ? { 'content-type': contentType } : {}) },
      payload,
    });
  const json = JSON.stringify({ name: 'Ann Lee', phone: '(555) 300-0042' });

  it('is a 415 naming the header, whether sent without a Content-Type, as form data (curl -d) or as text/plain', async () => {
    for (const contentType of [null, 'application/x-www-form-urlencoded', 'text/plain', 'text/plain; charset=utf-8']) {
      const response = await send(contentType, json);
      expect(response.statusCode, String(contentType)).toBe(415);
      expect(response.json().error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('Content-Type: application/json') });
      // Not the schema's complaints about the wrong shape.
      expect(response.json().error.message).not.toMatch(/expected (string|object)/);
    }
    expect((await send('application/x-www-form-urlencoded', json)).json().error.message).toContain('curl -d');
    const coordinators = (await s.admin.get(`/api/v1/practices/${s.practice.id}/coordinators`)).body.data;
    expect(coordinators.map((c: { name: string }) => c.name)).not.toContain('Ann Lee');
  });

  it('JSON with a charset works, and a POST with no body is read as {}', async () => {
    expect((await send('application/json; charset=utf-8', json)).statusCode).toBe(201);
    const patient = await s.newPatient();
    const bodiless = await s.t.service.app.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.id}/pause`,
      headers: { authorization: `Bearer ${s.t.service.config.adminToken}` },
    });
    expect(bodiless.statusCode).toBe(200);
  });

  it("leaves Twilio's form-encoded webhooks alone", async () => {
    const patient = await s.newPatient();
    const { replies } = await text(s.t.service.app, patient.phone, s.practice.phoneNumber, 'HELP');
    expect(replies.join(' ')).toContain('Riverside Family Medicine');
  });
});

describe('a substantial revision of the care plan', () => {
  it('is taken on an established plan, and on the write that makes the plan active, which establishes it', async () => {
    const patient = await s.newPatient();
    const first = await s.admin.put(carePlan(patient.id), { ...PLAN, substantialRevision: true });
    expect(first.status).toBe(200);
    // Establishing counts for complex CCM by itself; it is not also a revision.
    expect(first.body).toMatchObject({ status: 'active', establishedOn: '2026-11-24', revisedOn: null });

    await s.advance(3 * 24 * 60 * 60 * 1000);
    const revised = await s.admin.put(carePlan(patient.id), { ...PLAN, goals: ['BP under 130/80'], substantialRevision: true });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'active', establishedOn: '2026-11-24', revisedOn: '2026-11-27' });
  });

  it('is refused on a draft, saying how to establish it', async () => {
    const patient = await s.newPatient();
    const draft = await s.admin.put(carePlan(patient.id), { ...PLAN, status: 'draft', substantialRevision: true });
    expect(draft.status).toBe(400);
    expect(draft.body.error.message).toContain('a draft plan is not established yet');
    expect(draft.body.error.message).toContain('send status "active"');
  });
});

describe('a dose time in quiet hours', () => {
  const medications = (patientId: string) => `/api/v1/patients/${patientId}/medications`;
  const metformin = { name: 'metformin', dose: '500 mg', times: ['07:00'] };

  it('is refused with reminders, saying that reminders: false keeps the time', async () => {
    const patient = await s.newPatient();
    const refused = await s.admin.post(medications(patient.id), metformin);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("07:00 falls in the practice's quiet hours (21:00-08:00)");
    expect(refused.body.error.message).toContain('reminders: false');
    const kept = await s.admin.post(medications(patient.id), { ...metformin, reminders: false });
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({ times: ['07:00'], reminders: false });
  });

  it('a medication without reminders may move to 06:30; turning its reminders on is refused while its time is quiet', async () => {
    const patient = await s.newPatient();
    const medication = (await s.admin.post(medications(patient.id), { ...metformin, times: ['09:00'], reminders: false })).body;
    const moved = await s.admin.patch(`${medications(patient.id)}/${medication.id}`, { times: ['06:30'] });
    expect(moved.status).toBe(200);
    const on = await s.admin.patch(`${medications(patient.id)}/${medication.id}`, { reminders: true });
    expect(on.status).toBe(400);
    expect(on.body.error.message).toContain('06:30 falls in');
    expect((await s.admin.patch(`${medications(patient.id)}/${medication.id}`, { reminders: true, times: ['08:30'] })).status).toBe(200);
  });
});

describe('who the record names', () => {
  let linda: { id: string };
  beforeAll(async () => {
    // The practice typed the credential into the name; the nurse role implies RN as well.
    linda = (await s.admin.post(`/api/v1/practices/${s.practice.id}/coordinators`, { name: 'Linda Park, RN', phone: '(555) 300-0077', role: 'nurse' })).body;
  });

  it('names "Linda Park, RN" once in time entries, the approval and the FHIR attester', async () => {
    const patient = await s.newPatient();
    expect((await s.admin.put(carePlan(patient.id), PLAN)).status).toBe(200);
    const month = `/api/v1/patients/${patient.id}/months/2026-11`;
    const entry = await s.admin.post(`/api/v1/patients/${patient.id}/time-entries`, { staffId: linda.id, activity: 'call', start: '2026-11-10T09:00', minutes: 22 });
    expect(entry.status).toBe(201);
    const record = (await s.admin.get(month)).body;
    expect(record.interactions.map((i: { summary: string }) => i.summary)).toContain('Linda Park, RN: calls with the patient or caregiver, 22 min');
    const approved = await s.admin.post(`${month}/approve`, { staffId: linda.id });
    expect(approved.status).toBe(200);
    expect(approved.body.approval.approvedBy).toBe('Linda Park, RN');
    const fhir = (await s.admin.get(`${month}/export?format=fhir`)).body;
    const note = fhir.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Composition').resource;
    expect(note.attester[0].party.display).toBe('Linda Park, RN');
    const transcript = JSON.stringify((await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body);
    expect(`${JSON.stringify(record)}${JSON.stringify(fhir)}${transcript}`).not.toContain('RN, RN');
  });

  it("names a care plan's author by the API key's coordinator, or by the key's name, never by its id", async () => {
    const patient = await s.newPatient();
    const key = async (body: Record<string, unknown>) => (await s.admin.post(`/api/v1/practices/${s.practice.id}/api-keys`, body)).body as { id: string; token: string };
    const shared = await key({ name: 'EHR sync', role: 'coordinator' });
    const byShared = await apiClient(s.t.service.app, shared.token).put(carePlan(patient.id), PLAN);
    expect(byShared.body.updatedBy).toBe('API key "EHR sync"');
    const lindas = await key({ name: "Linda's tablet", role: 'coordinator', coordinatorId: linda.id });
    const byLinda = await apiClient(s.t.service.app, lindas.token).put(carePlan(patient.id), PLAN);
    expect(byLinda.body.updatedBy).toBe('Linda Park, RN');
    expect(JSON.stringify((await s.admin.get(carePlan(patient.id))).body)).not.toContain(lindas.id);
  });
});
