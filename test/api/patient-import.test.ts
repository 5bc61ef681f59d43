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

  it('rejects a JSON body with 415', async () => {
    const practice = await createPractice(admin);
    const response = await admin.post(`/api/v1/practices/${practice.id}/patients/import`, { rows: [] });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
  });
});
