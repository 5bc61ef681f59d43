/**
 * What a newcomer meets first: listing practices, cancelling a check-in,
 * the errors of a first try, dates as people write them, a CSV with the
 * columns a practice really has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { apiClient } from '../helpers/api.js';
import { loadConfig } from '../../src/config.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('finding your way', () => {
  it('lists the practices a token may see: all for the admin token, its own for a key', async () => {
    const all = (await s.admin.get('/api/v1/practices')).body.data.map((p: { id: string }) => p.id);
    expect(all).toContain(s.practice.id);
    const key = (await s.admin.post(`/api/v1/practices/${s.practice.id}/api-keys`, { name: 'Desk', role: 'coordinator' })).body.token;
    const own = await apiClient(s.t.service.app, key).get('/api/v1/practices');
    expect(own.body.data.map((p: { id: string }) => p.id)).toEqual([s.practice.id]);
  });

  it('builds PUBLIC_URL from the port when it is not set', () => {
    expect(loadConfig({ PORT: '3917' }).publicUrl).toBe('http://localhost:3917');
    expect(loadConfig({ PORT: '3917', HOST: 'ccm.internal' }).publicUrl).toBe('http://ccm.internal:3917');
    expect(loadConfig({ PORT: '3917', PUBLIC_URL: 'https://ccm.example.org/' }).publicUrl).toBe('https://ccm.example.org');
  });
});

describe('cancelling a check-in', () => {
  it('ends it at once, drops its held first text, records who and when; a second cancel is a 409', async () => {
    await s.advanceTo(new Date(Date.UTC(2026, 10, 25, 4, 0))); // 22:00 in Chicago: the first text waits
    const patient = await s.newPatient();
    const started = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
    const cancelled = await s.admin.post(`/api/v1/conversations/${started.body.conversationId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await s.advance(12 * 60 * 60 * 1000);
    expect(s.sentTo(patient.phone)).toEqual([]);
    const event = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data.find((e: { kind: string }) => e.kind === 'check_in.cancelled_by_staff');
    expect(event).toMatchObject({ detail: { by: { kind: 'admin_token' }, unsentTexts: 1 } });
    const again = await s.admin.post(`/api/v1/conversations/${started.body.conversationId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already ended (cancelled)');
    // A new one can start at once.
    expect((await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' })).status).toBe(202);
  });
});

describe('the errors of a first try', () => {
  it('a JSON body without Content-Type is a 415 that says to send it', async () => {
    const response = await s.t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${s.practice.id}/coordinators`,
      headers: { authorization: `Bearer ${s.t.service.config.adminToken}` },
      payload: JSON.stringify({ name: 'Ann', phone: '(555) 300-0002' }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain('Content-Type: application/json');
  });

  it('takes a birth date as 1948-03-21 or 3/21/1948, and names an impossible one', async () => {
    const us = await s.admin.post(`/api/v1/practices/${s.practice.id}/patients`, patientBody({ dateOfBirth: '3/21/1948' }));
    expect(us.status).toBe(201);
    expect(us.body.dateOfBirth).toBe('1948-03-21');
    const impossible = await s.admin.post(`/api/v1/practices/${s.practice.id}/patients`, patientBody({ dateOfBirth: '2/30/1945' }));
    expect(impossible.status).toBe(400);
    expect(impossible.body.error.message).toContain('2/30/1945 is not a real date: February 1945 has 28 days');
    const garbled = await s.admin.post(`/api/v1/practices/${s.practice.id}/patients`, patientBody({ dateOfBirth: 'March 21' }));
    expect(garbled.body.error.message).toContain('must be a date like 1948-03-21 or 3/21/1948');
  });
});

let counter = 0;
function patientBody(extra: Record<string, unknown>) {
  counter += 1;
  return {
    firstName: 'Ana',
    lastName: 'Diaz',
    phone: `+1555401${String(counter).padStart(4, '0')}`,
    conditions: ['hypertension'],
    consent: { status: 'granted', method: 'verbal', recordedAt: '2026-11-02', recordedBy: 'Jane Doe, RN' },
    ...extra,
  };
}

describe('a CSV with the columns a practice has', () => {
  const importCsv = (csv: string, query = '') =>
    s.t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${s.practice.id}/patients/import${query}`,
      headers: { authorization: `Bearer ${s.t.service.config.adminToken}`, 'content-type': 'text/csv' },
      payload: csv,
    });

  it('reads Lang, Consent Yes/No and Consented By; refuses an unknown column by name unless told to leave it out', async () => {
    const csv = [
      'First Name,Last Name,Phone,DOB,Lang,Consent,Consent Method,Consent Date,Consented By,Notes',
      'Rosa,Perez,(555) 402-0001,3/21/1948,Spanish,Yes,verbal,11/02/2026,Jane Doe RN,prefers mornings',
    ].join('\n');
    const refused = await importCsv(csv);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/^Unknown column: "Notes"\..*\?ignore=Notes/);
    const imported = await importCsv(csv, '?ignore=Notes');
    expect(imported.json()).toMatchObject({ imported: 1, failed: 0 });
    const patient = (await s.admin.get(`/api/v1/patients/${imported.json().rows[0].patientId}`)).body;
    expect(patient).toMatchObject({ language: 'es', dateOfBirth: '1948-03-21', consent: { status: 'granted', recordedBy: 'Jane Doe RN' } });
  });

  it('says which column is missing, by the header it expects', async () => {
    const response = await importCsv('First Name,Last Name,Phone,Consent,Consent Method,Consent Date\nA,B,(555) 402-0009,Yes,verbal,2026-11-02\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('The header row lacks required columns: "Consented By"');
  });
});
