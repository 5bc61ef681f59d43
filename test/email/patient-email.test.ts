/**
 * A patient's email address and choice, set through the one action the API,
 * the CSV import and the app share: checked and lower-cased; the whole
 * summary by email only with the patient's recorded acceptance of plain
 * email; every change in the access log; shown on the patient's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_PRIVACY_NOTICE_VERSION, EMAIL_PRIVACY_NOTICES } from '../../src/actions/patients/email.js';
import { patientBody } from '../helpers/api.js';
import { ADMIN_TOKEN, TEST_START } from '../helpers/service.js';
import { signInAs } from '../web/signed-in.js';
import { startEmailTest, type EmailTest } from './support.js';

let e: EmailTest;
beforeAll(async () => {
  e = await startEmailTest({ smtp: false });
});
afterAll(() => e?.close());

const enrol = (body: Record<string, unknown>) => e.admin.post(`/api/v1/practices/${e.practice.id}/patients`, patientBody(body));

describe("a patient's email", () => {
  it('is checked and kept lower-cased; given with no choice, emails say a summary is ready and link to it', async () => {
    const created = await enrol({ email: '  Ruth.Alvarez@Example.COM ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ruth.alvarez@example.com', emailConsent: 'link', emailFullConsent: null, emailOptedOutAt: null, emailBouncedAt: null });
    expect((await enrol({})).body).toMatchObject({ email: null, emailConsent: 'none' });
    const bad = await enrol({ email: 'ruth at example' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('email');
  });

  it('the whole summary by email needs the patient to have accepted plain email: when, how, who and which text are recorded', async () => {
    const patient = await e.newPatient();
    const refused = await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailConsent: 'full' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('not private');
    expect((await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailFullConsent: { how: 'verbal' } })).status).toBe(400);

    const full = await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailConsent: 'full', emailFullConsent: { how: 'verbal' } });
    expect(full.status).toBe(200);
    expect(full.body.emailFullConsent).toEqual({ at: TEST_START.replace('Z', '.000Z'), how: 'verbal', recordedBy: 'admin token', textVersion: EMAIL_PRIVACY_NOTICE_VERSION });
    expect(EMAIL_PRIVACY_NOTICES[EMAIL_PRIVACY_NOTICE_VERSION].en).toContain('not private');
    expect(await e.events(patient.id, 'email_full_consent')).toEqual([full.body.emailFullConsent]);

    // Back to link only: the acceptance no longer applies (the timeline keeps it).
    const link = await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailConsent: 'link' });
    expect(link.body).toMatchObject({ emailConsent: 'link', emailFullConsent: null });
    expect(await e.events(patient.id, 'email_full_consent')).toHaveLength(1);

    const log = await e.admin.get(`/api/v1/patients/${patient.id}/access-log`);
    expect(log.body.data.filter((row: { action: string }) => row.action === 'patient.update')).toHaveLength(2);
  });

  it('at enrolment too, and refused without the acceptance', async () => {
    expect((await enrol({ email: 'a@example.org', emailConsent: 'full' })).status).toBe(400);
    const created = await enrol({ email: 'b@example.org', emailConsent: 'full', emailFullConsent: { how: 'portal' } });
    expect(created.status).toBe(201);
    expect(created.body.emailFullConsent).toMatchObject({ how: 'portal', recordedBy: 'admin token' });
  });

  it('a new address clears a bounce; stopping and restarting emails by staff is recorded', async () => {
    const patient = await e.newPatient();
    await e.t.db.pool.query('UPDATE patients SET email_bounced_at = $2 WHERE id = $1', [patient.id, TEST_START]);
    const same = await e.admin.patch(`/api/v1/patients/${patient.id}`, { email: patient.email.toUpperCase() });
    expect(same.body.emailBouncedAt).not.toBeNull();
    const changed = await e.admin.patch(`/api/v1/patients/${patient.id}`, { email: 'new.address@example.org' });
    expect(changed.body).toMatchObject({ email: 'new.address@example.org', emailBouncedAt: null });

    expect((await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailOptedOut: true })).body.emailOptedOutAt).not.toBeNull();
    expect((await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailOptedOut: false })).body.emailOptedOutAt).toBeNull();
    expect(await e.events(patient.id, 'email_opted_out')).toEqual([expect.objectContaining({ source: 'staff' })]);
    expect(await e.events(patient.id, 'email_opted_in')).toEqual([{ source: 'staff' }]);
  });

  it('comes in from a CSV file: Email and Email Consent columns (link or none)', async () => {
    const csv = [
      'First Name,Last Name,Phone,Consent,Consent Method,Consent Date,Consented By,Email,Email Consent',
      'Ana,Lopez,(555) 610-0001,yes,verbal,2026-11-02,"Jane Doe, RN",Ana.Lopez@Example.org,',
      'Ben,Ortiz,(555) 610-0002,yes,verbal,2026-11-02,"Jane Doe, RN",ben@example.org,none',
      'Cy,Park,(555) 610-0003,yes,verbal,2026-11-02,"Jane Doe, RN",not-an-address,link',
      'Di,Ross,(555) 610-0004,yes,verbal,2026-11-02,"Jane Doe, RN",di@example.org,full',
      '',
    ].join('\n');
    const response = await e.t.service.app.inject({
      method: 'POST',
      url: `/api/v1/practices/${e.practice.id}/patients/import`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(200);
    const rows = response.json().rows as Array<{ status: string; patientId?: string; errors?: Array<{ field: string }> }>;
    expect(rows.map((r) => r.status)).toEqual(['imported', 'imported', 'failed', 'failed']);
    expect(rows[2]!.errors![0]!.field).toBe('email');
    expect(rows[3]!.errors![0]!.field).toBe('emailFullConsent');
    expect((await e.admin.get(`/api/v1/patients/${rows[0]!.patientId}`)).body).toMatchObject({ email: 'ana.lopez@example.org', emailConsent: 'link' });
    expect((await e.admin.get(`/api/v1/patients/${rows[1]!.patientId}`)).body).toMatchObject({ email: 'ben@example.org', emailConsent: 'none' });
  });

  it("shows on the patient's page in the app: the address, the choice, and that emails stopped", async () => {
    const patient = await e.newPatient({ emailConsent: 'full', emailFullConsent: { how: 'written' } });
    await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailOptedOut: true });
    const password = 'correct horse battery staple';
    const login = await e.admin.post(`/api/v1/practices/${e.practice.id}/users`, { name: 'Ada Admin', email: 'ada@riverside.example', role: 'admin', password });
    expect(login.status).toBe(201);
    const browser = await signInAs(e.t.service.app, 'ada@riverside.example', password);
    const page = await browser.get(`/app/patients/${patient.id}`);
    expect(page.status).toBe(200);
    const email = /<dd data-email>([\s\S]*?)<\/dd>/.exec(page.body)![1]!;
    expect(email).toContain(patient.email);
    expect(email).toContain('The whole summary by email');
    expect(email).toContain('written');
    expect(email).toContain('Stopped emails');
  });
});
