import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPractice, type ApiClient } from '../helpers/api.js';

let t: TestService;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestService();
  admin = apiClient(t.service.app);
});
afterAll(() => t.close());

const CSV = [
  'First Name,Last Name,Phone,DOB,Language,Channel,Conditions,Consent Status,Consent Method,Consent Date,Consent Recorded By,Notes',
  'Maria,Gonzalez,(555) 410-0001,3/21/1948,Spanish,text,hypertension;diabetes,granted,verbal,2026-11-02,"Jane Doe, RN",likes mornings',
  'John,Smith,555-410-0002,1951-07-04,English,call,COPD;CHF,granted,written,2026-11-02T15:00:00Z,"Jane Doe, RN",',
  'Bad,Phone,12345,1950-01-01,en,sms,asthma,granted,verbal,2026-11-02,"Jane Doe, RN",',
  'No,Consent,555-410-0004,1950-01-01,en,sms,asthma,,verbal,2026-11-02,"Jane Doe, RN",',
  'Twin,Row,(555) 410-0001,1950-01-01,en,sms,asthma,granted,verbal,2026-11-02,"Jane Doe, RN",',
  '',
].join('\n');

const postCsv = (practiceId: string, body: string) =>
  t.service.app.inject({
    method: 'POST',
    // The Notes column is not the service's: left out on purpose.
    url: `/api/v1/practices/${practiceId}/patients/import?ignore=Notes`,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
    payload: body,
  });

describe('CSV import', () => {
  it('imports the valid rows and reports each bad row by line and field', async () => {
    const practice = await createPractice(admin);
    const response = await postCsv(practice.id, CSV);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ imported: 2, existing: 0, failed: 3 });
    expect(result.rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [2, 'imported'],
      [3, 'imported'],
      [4, 'failed'],
      [5, 'failed'],
      [6, 'failed'],
    ]);
    expect(result.rows[2].errors).toEqual([{ field: 'phone', message: expect.stringContaining('not a valid phone number') }]);
    expect(result.rows[3].errors[0].field).toBe('consent.status');
    expect(result.rows[4].errors).toEqual([{ field: 'phone', message: 'same phone as line 2' }]);

    const patients = (await admin.get(`/api/v1/practices/${practice.id}/patients`)).body.data;
    expect(patients).toHaveLength(2);
    expect(patients[0]).toMatchObject({
      firstName: 'Maria',
      phone: '+15554100001',
      dateOfBirth: '1948-03-21',
      language: 'es',
      preferredChannel: 'sms',
      conditions: ['hypertension', 'diabetes'],
      consent: { recordedAt: '2026-11-02T12:00:00.000Z', recordedBy: 'Jane Doe, RN' },
    });
    expect(patients[1]).toMatchObject({ firstName: 'John', language: 'en', preferredChannel: 'voice' });
  });

  it('can import the same file again without duplicating anyone', async () => {
    const practice = await createPractice(admin);
    await postCsv(practice.id, CSV);
    const again = (await postCsv(practice.id, CSV)).json();
    expect(again).toMatchObject({ imported: 0, existing: 2, failed: 3 });
    expect((await admin.get(`/api/v1/practices/${practice.id}/patients`)).body.data).toHaveLength(2);
  });

  it('accepts the file as a multipart upload', async () => {
    const practice = await createPractice(admin);
    const boundary = '----ccmboundary';
    const payload = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="patients.csv"',
      'Content-Type: text/csv',
      '',
      CSV,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const response = await t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${practice.id}/patients/import?ignore=Notes`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 2, failed: 3 });
  });

  it('rejects a file without the required columns, naming them', async () => {
    const practice = await createPractice(admin);
    const response = await postCsv(practice.id, 'phone,Consent\n555-410-0009,yes\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('"First Name", "Last Name"');
  });

  it('splits a "Patient Name" column written "Last, First" or "First Last", and names a row it cannot split', async () => {
    const practice = await createPractice(admin);
    const csv = [
      'Patient Name,Phone,Consent,Consent Method,Consent Date,Consented By',
      '"Alvarez, Ruth",555-411-0001,Yes,verbal,2026-11-02,Jane Doe RN',
      'Tom Baker,555-411-0002,Yes,verbal,2026-11-02,Jane Doe RN',
      '"Gonzalez Perez, Maria Elena",555-411-0003,Yes,verbal,2026-11-02,Jane Doe RN',
      'Madonna,555-411-0004,Yes,verbal,2026-11-02,Jane Doe RN',
    ].join('\n');
    const result = (await postCsv(practice.id, csv)).json();
    expect(result).toMatchObject({ imported: 3, failed: 1 });
    expect(result.rows[3].errors).toEqual([{ field: 'lastName', message: expect.stringContaining('"Last, First" (Alvarez, Ruth) or "First Last"') }]);
    const patients = (await admin.get(`/api/v1/practices/${practice.id}/patients`)).body.data;
    expect(patients.map((p: { firstName: string; lastName: string }) => [p.firstName, p.lastName])).toEqual([
      ['Ruth', 'Alvarez'],
      ['Tom', 'Baker'],
      ['Maria Elena', 'Gonzalez Perez'],
    ]);
  });

  it('rejects a JSON body with 415', async () => {
    const practice = await createPractice(admin);
    const response = await admin.post(`/api/v1/practices/${practice.id}/patients/import`, { rows: [] });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
  });
});

describe('a file without consent columns', () => {
  const NO_CONSENT = ['Patient Name,Phone,Conditions', '"Alvarez, Ruth",555-412-0001,hypertension;CHF', 'Tom Baker,555-412-0002,COPD', ''].join('\n');
  const WHOLE_FILE = { consentMethod: 'verbal', consentRecordedAt: '11/02/2026', consentRecordedBy: 'Jane Doe, RN' };
  const importWith = (practiceId: string, csv: string, fields: Record<string, string>) =>
    t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${practiceId}/patients/import?${new URLSearchParams(fields)}`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });
  const enrolled = async (practiceId: string) => (await admin.get(`/api/v1/practices/${practiceId}/patients`)).body.data;

  it('is refused once, saying to give consent for the whole file or add the columns', async () => {
    const practice = await createPractice(admin);
    const response = await importWith(practice.id, NO_CONSENT, {});
    expect(response.statusCode).toBe(400);
    const message: string = response.json().error.message;
    expect(message).toMatch(/^This file has no consent columns: give consent for the whole file \(how, when and who recorded it: consentMethod, consentRecordedAt, consentRecordedBy/);
    expect(message).toContain('or add the columns Consent (Yes/No), Consent Method (verbal/written), Consent Date and Consented By');
    expect(await enrolled(practice.id)).toEqual([]);
  });

  it('takes consent once for the whole file, beside the file or in the upload form, and records it for each patient', async () => {
    const practice = await createPractice(admin);
    const response = await importWith(practice.id, NO_CONSENT, WHOLE_FILE);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 2, failed: 0 });
    for (const patient of await enrolled(practice.id)) {
      expect(patient.consent).toEqual({ status: 'granted', method: 'verbal', recordedAt: '2026-11-02T12:00:00.000Z', recordedBy: 'Jane Doe, RN' });
    }

    const other = await createPractice(admin);
    const boundary = '----ccmconsent';
    const part = (name: string, value: string, file = false) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="patients.csv"\r\nContent-Type: text/csv' : ''}\r\n\r\n${value}\r\n`;
    // Fields before and after the file are both read.
    const upload = await t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${other.id}/patients/import`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${part('consentMethod', 'written')}${part('file', NO_CONSENT, true)}${part('consentRecordedAt', '2026-11-03')}${part('consentRecordedBy', 'Sam Ortiz, MA')}--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.json()).toMatchObject({ imported: 2 });
    expect((await enrolled(other.id))[0].consent).toMatchObject({ status: 'granted', method: 'written', recordedBy: 'Sam Ortiz, MA' });
  });

  it('needs how, when and who, each valid, and never a part given twice', async () => {
    const practice = await createPractice(admin);
    const partial = await importWith(practice.id, NO_CONSENT, { consentMethod: 'verbal' });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.message).toContain('also give when (consentRecordedAt), who recorded it (consentRecordedBy)');
    const texted = await importWith(practice.id, NO_CONSENT, { ...WHOLE_FILE, consentMethod: 'text' });
    expect(texted.statusCode).toBe(400);
    expect(texted.json().error.message).toBe('consentMethod: must be verbal or written');
    const badDate = await importWith(practice.id, NO_CONSENT, { ...WHOLE_FILE, consentRecordedAt: 'last week' });
    expect(badDate.json().error.message).toMatch(/^consentRecordedAt: must be an ISO date-time/);
    const withColumn = ['Patient Name,Phone,Consent Method', 'Tom Baker,555-412-0003,verbal'].join('\n');
    const twice = await importWith(practice.id, withColumn, WHOLE_FILE);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toBe('The file has a "Consent Method (verbal/written)" column and the request gives consentMethod too: leave one of them out');
    expect(await enrolled(practice.id)).toEqual([]);
  });

  it("keeps each row's Yes/No when the file has only that column", async () => {
    const practice = await createPractice(admin);
    const csv = ['Patient Name,Phone,Consent', 'Tom Baker,555-412-0010,Yes', 'Ann Cole,555-412-0011,No'].join('\n');
    expect((await importWith(practice.id, csv, {})).json().error.message).toBe(
      'The header row lacks required columns: "Consent Method (verbal/written)", "Consent Date", "Consented By"',
    );
    expect((await importWith(practice.id, csv, WHOLE_FILE)).json()).toMatchObject({ imported: 2 });
    const statuses = (await enrolled(practice.id)).map((p: { consent: { status: string } }) => p.consent.status);
    expect(statuses).toEqual(['granted', 'declined']);
  });
});
