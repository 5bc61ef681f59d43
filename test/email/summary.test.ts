/**
 * The week-4 summary end to end: a cadence slot with flow 'summary' makes
 * each patient's summary (care plan, medicines, appointments, the month in
 * plain words) and emails it through a real SMTP server: by default a note
 * that it is ready with a link (the link opens the summary as sent, for 30
 * days, then it says it has expired and whom to call for a copy, in the
 * patient's language), the whole summary only for a patient who accepted
 * plain email; no email for a patient without an address; one click on the
 * unsubscribe stops next month's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../helpers/twilio.js';
import { startEmailTest, type EmailTest } from './support.js';

const DAY = 24 * 60 * 60 * 1000;
/** The 4th Tuesday of December 2026, 10:00 in Chicago. */
const SENT_AT = '2026-12-22T16:00:00.000Z';

let e: EmailTest;
let linkOnly: { id: string; email: string; phone: string };
let full: { id: string; email: string; phone: string };
let noAddress: { id: string; email: string; phone: string };
let spanish: { id: string; email: string; phone: string };
let stoppedTexts: { id: string; email: string; phone: string };
let paused: { id: string; email: string; phone: string };

const linkIn = (text: string) => /https:\/\/hooks\.example\.com(\/s\/[\w-]{43})/.exec(text)?.[1] ?? null;
const unsubscribeIn = (text: string) => /https:\/\/hooks\.example\.com(\/e\/unsubscribe\/[\w-]{43})/.exec(text)?.[1] ?? null;

beforeAll(async () => {
  e = await startEmailTest({ start: '2026-12-21T18:00:00Z' });
  const cadence = { time: '10:00', slots: [{ week: 4, weekday: 'tuesday', flow: 'summary' }] };
  expect((await e.admin.patch(`/api/v1/practices/${e.practice.id}`, { outreach: { cadence } })).status).toBe(200);
  linkOnly = await e.newPatient({ firstName: 'Ana' });
  full = await e.newPatient({ firstName: 'Ben', emailConsent: 'full', emailFullConsent: { how: 'verbal' } });
  noAddress = await e.newPatient({ firstName: 'Cy', email: undefined });
  spanish = await e.newPatient({ firstName: 'Dora', language: 'es' });
  // STOP is about texts: the summary's consent is its own. A pause (a hospital stay) stops email too.
  stoppedTexts = await e.newPatient({ firstName: 'Eve' });
  await text(e.t.service.app, stoppedTexts.phone, e.practice.phoneNumber, 'STOP');
  paused = await e.newPatient({ firstName: 'Fay' });
  expect((await e.admin.post(`/api/v1/patients/${paused.id}/pause`, {})).status).toBe(200);
  for (const patient of [linkOnly, full]) {
    const plan = { status: 'active', problems: [{ condition: 'Type 2 diabetes' }], goals: ['A1c under 7.5 by March'], interventions: ['Check sugar every morning'] };
    expect((await e.admin.put(`/api/v1/patients/${patient.id}/care-plan`, plan)).status).toBe(200);
    expect((await e.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'Metformin', dose: '500 mg', times: ['08:00'], reminders: false })).status).toBe(201);
    const visit = { startsAt: '2027-01-08T09:30', withWhom: 'Dr. Patel', location: 'Riverside Family Medicine, 2nd floor' };
    expect((await e.admin.post(`/api/v1/patients/${patient.id}/appointments`, visit)).status).toBe(201);
  }
  await e.t.runDue();
  await e.t.advanceTo(SENT_AT);
  await e.t.runDue();
});
afterAll(async () => {
  await e?.close();
});

describe('the week-4 summary by email', () => {
  it('goes to a patient who stopped texts (their email consent stands), not to one whose outreach is paused', async () => {
    expect(e.smtp.to(stoppedTexts.email)).toHaveLength(1);
    expect(e.smtp.to(paused.email)).toHaveLength(0);
    const schedule = (await e.admin.get(`/api/v1/patients/${stoppedTexts.id}/schedule`)).body;
    expect(schedule.reason).toBe('opted_out');
  });

  it('by default says it is ready and links to it: no health word in the subject, nothing clinical in the email', async () => {
    const [received] = e.smtp.to(linkOnly.email);
    expect(received).toBeDefined();
    expect(received!.secure).toBe(true);
    const { subject, text, html } = received!.mail;
    expect(subject).toBe('Your monthly summary from Riverside Family Medicine');
    expect(text).toContain('Your monthly summary from Riverside Family Medicine is ready');
    expect(text).not.toContain('Metformin');
    expect(html).not.toContain('Metformin');
    expect(linkIn(text!)).not.toBeNull();
    expect(html).toContain(linkIn(text!)!);
    // Neither token is kept in the clear.
    const stored = await e.t.db.pool.query<{ text_body: string }>('SELECT text_body FROM emails WHERE patient_id = $1', [linkOnly.id]);
    expect(stored.rows[0]!.text_body).toContain('/s/[summary]');
    expect(stored.rows[0]!.text_body).not.toContain(linkIn(text!)!.slice(3));
  });

  it('the link opens the summary as sent: care plan, medicines with times, the next appointment, who to call', async () => {
    const text = e.smtp.to(linkOnly.email)[0]!.mail.text!;
    const page = await e.t.service.app.inject({ method: 'GET', url: linkIn(text)! });
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    for (const words of ['Type 2 diabetes', 'A1c under 7.5 by March', 'Check sugar every morning', 'Metformin 500 mg, at 08:00', 'Dr. Patel', 'Friday, January 8, 9:30 AM', '(555) 123-4567', '911']) {
      expect(page.body).toContain(words);
    }
    const opened = await e.t.db.pool.query("SELECT 1 FROM patient_events WHERE patient_id = $1 AND type = 'summary_opened'", [linkOnly.id]);
    expect(opened.rows).toHaveLength(1);
  });

  it('holds the whole summary only for a patient who accepted plain email', async () => {
    const { text, html } = e.smtp.to(full.email)[0]!.mail;
    expect(text).toContain('Plain email is not private');
    expect(text).toContain('Metformin 500 mg');
    expect(html).toContain('Dr. Patel');
  });

  it('goes to nobody without an address: the contact says why', async () => {
    const { rows } = await e.t.db.pool.query("SELECT status, reason FROM outreach WHERE patient_id = $1 AND kind = 'summary' AND due_at <= $2", [noAddress.id, SENT_AT]);
    expect(rows).toEqual([{ status: 'skipped', reason: 'no_address' }]);
    expect(e.smtp.received.filter((m) => m.envelope.to.length === 0)).toHaveLength(0);
  });

  it("a forged link opens nothing; after 30 days the link has run out; one click on unsubscribe stops next month's", async () => {
    expect((await e.t.service.app.inject({ method: 'GET', url: `/s/${'B'.repeat(43)}` })).statusCode).toBe(404);
    const text = e.smtp.to(linkOnly.email)[0]!.mail.text!;
    const oneClick = await e.t.service.app.inject({
      method: 'POST',
      url: unsubscribeIn(text)!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    await e.t.advance(31 * DAY);
    const late = await e.t.service.app.inject({ method: 'GET', url: linkIn(text)! });
    // The summary's own words, not the questionnaire's: expired, hidden for privacy, whom to call for a copy.
    expect(late.body).toContain('<h1>This link has expired</h1>');
    expect(late.body).toContain('To keep your health information private, your summary is no longer shown here.');
    expect(late.body).toContain('For a copy of your summary, call Riverside Family Medicine at <a class="phone" href="tel:+15551234567">(555) 123-4567</a>.');
    expect(late.body).not.toContain('Metformin');
    const tarde = await e.t.service.app.inject({ method: 'GET', url: linkIn(e.smtp.to(spanish.email)[0]!.mail.text!)! });
    expect(tarde.body).toContain('<html lang="es">');
    expect(tarde.body).toContain('<h1>Este enlace ya venció</h1>');
    expect(tarde.body).toContain('Para proteger la privacidad de su información de salud, su resumen ya no se muestra aquí.');
    expect(tarde.body).toContain('Para pedir una copia de su resumen, llame a Riverside Family Medicine al <a class="phone" href="tel:+15551234567">(555) 123-4567</a>.');
    const forged = await e.t.service.app.inject({ method: 'GET', url: `/s/${'C'.repeat(43)}` });
    expect(forged.body).toContain('For a copy of your summary, call your doctor&#39;s office.');
    expect(forged.body).not.toContain('Riverside');
    for (const body of [late.body, tarde.body, forged.body]) expect(body).not.toMatch(/answer the questions|contestar las preguntas/i);
    // January's 4th Tuesday: Ben gets his, Ana (unsubscribed) does not.
    await e.t.advanceTo('2027-01-26T16:30:00.000Z');
    expect(e.smtp.to(full.email)).toHaveLength(2);
    expect(e.smtp.to(linkOnly.email)).toHaveLength(1);
    const { rows } = await e.t.db.pool.query("SELECT reason FROM outreach WHERE patient_id = $1 AND kind = 'summary' AND status <> 'planned' ORDER BY due_at", [linkOnly.id]);
    expect(rows.map((r: { reason: string | null }) => r.reason)).toEqual([null, 'opted_out']);
  });
});
