/**
 * The admin page's CSV import with a file that has no consent columns: the
 * form takes consent once for the whole file, through the same action as the
 * API, and without it says once what is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInAs, type Browser } from './signed-in.js';

const PASSWORD = 'correct horse battery staple';

let s: Scenario;
let ada: Browser;
beforeAll(async () => {
  s = await startScenario();
  const users = `/api/v1/practices/${s.practice.id}/users`;
  expect((await s.admin.post(users, { name: 'Ada Admin', email: 'ada@riverside.example', role: 'admin', password: PASSWORD })).status).toBe(201);
  ada = await signInAs(s.t.service.app, 'ada@riverside.example', PASSWORD);
});
afterAll(() => s.close());

const text = (body: string) => body.slice(body.indexOf('<main')).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

function upload(fields: Record<string, string>, csv: string) {
  const boundary = '----ccmimport';
  const part = (name: string, value: string, file = false) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="patients.csv"\r\nContent-Type: text/csv' : ''}\r\n\r\n${value}\r\n`;
  const parts = Object.entries({ _csrf: ada.csrf!, ...fields }).map(([name, value]) => part(name, value));
  return s.t.service.app.inject({
    method: 'POST',
    url: '/app/admin/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: ada.cookie! },
    payload: `${parts.join('')}${part('file', csv, true)}--${boundary}--\r\n`,
  });
}

describe('importing a file without consent columns in the web app', () => {
  const csv = ['Patient Name,Phone', '"Alvarez, Ruth",(555) 413-0001', ''].join('\n');

  it('offers consent for the whole file on the form', async () => {
    const page = await ada.get('/app/admin');
    expect(page.body).toContain('name="consentMethod"');
    expect(page.body).toContain('name="consentRecordedAt"');
    expect(page.body).toContain('name="consentRecordedBy"');
  });

  it('says once what is missing when it is not given, keeping what was typed', async () => {
    const refused = await upload({ consentRecordedBy: 'Jane Doe, RN' }, csv);
    expect(refused.statusCode).toBe(400);
    expect(text(refused.body)).toContain('Consent for the whole file needs how it was given, when and who recorded it: also give how it was given (consentMethod), when (consentRecordedAt)');
    expect(refused.body).toContain('value="Jane Doe, RN"');
    const none = await upload({ consentMethod: '' }, csv);
    expect(text(none.body)).toContain('This file has no consent columns');
  });

  it('enrols with the consent given, recorded for each patient', async () => {
    const report = await upload({ consentMethod: 'written', consentRecordedAt: '2026-11-02', consentRecordedBy: 'Jane Doe, RN' }, csv);
    expect(report.statusCode).toBe(200);
    expect(text(report.body)).toContain('1 enrolled, 0 already enrolled, 0 with errors');
    const patients = (await s.admin.get(`/api/v1/practices/${s.practice.id}/patients`)).body.data;
    expect(patients.find((p: { phone: string }) => p.phone === '+15554130001')).toMatchObject({
      firstName: 'Ruth',
      lastName: 'Alvarez',
      consent: { status: 'granted', method: 'written', recordedAt: '2026-11-02T12:00:00.000Z', recordedBy: 'Jane Doe, RN' },
    });
  });
});
