/**
 * Emails through a real SMTP server on loopback (STARTTLS on), parsed as a
 * mail client would: both parts, a subject with nothing about health, the
 * unsubscribe headers and links; a hard bounce stops email to the address
 * and puts the patient on the call list; a deferral is retried; a job run
 * twice sends once; nothing in the log names the patient's address or says
 * what the email said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverEmail, emailBlock } from '../../src/messaging/index.js';
import { listPendingJobs } from '../../src/store/job-queue.js';
import { findPatient } from '../../src/store/patients.js';
import { hashToken, unsubscribeLinkShown } from '../../src/messaging/index.js';
import type { CareSummary } from '../../src/records/care-summary.js';
import { findSummaryByToken, insertSummary, setSummaryEmail } from '../../src/store/summaries.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { startEmailTest, SUBJECT, type EmailTest } from './support.js';

/** Words a subject line must never carry: it is read by anyone who sees the inbox. */
const HEALTH_WORDS = /blood|pressure|diabet|heart|medic|health|care plan|diagnos|symptom|lab|prescri|condition|glucose|copd|hypertens/i;

let e: EmailTest;
beforeAll(async () => {
  e = await startEmailTest();
});
afterAll(() => e?.close());

describe('an email sent through SMTP', () => {
  it('arrives over STARTTLS with a text and an HTML part, a subject with nothing about health, and one-click unsubscribe headers', async () => {
    const patient = await e.newPatient({ email: 'Maria.Gonzalez@Example.ORG' });
    expect(patient.email).toBe('maria.gonzalez@example.org');
    const id = await e.queue(patient.id);
    await e.t.runDue();

    const [got] = e.smtp.to('maria.gonzalez@example.org');
    expect(got).toBeDefined();
    expect(got!.secure).toBe(true);
    const mail = got!.mail;
    expect(mail.subject).toBe(SUBJECT);
    // The practice's own name aside ("Family Medicine"), nothing about health.
    expect(mail.subject!.replace('Riverside Family Medicine', '')).not.toMatch(HEALTH_WORDS);
    expect(mail.text).toContain('Your monthly summary is ready.');
    expect(mail.html).toContain('<p>Your monthly summary is ready.</p>');
    // MAIL_FROM is a bare address: the practice's name is shown with it.
    expect(mail.from?.value).toEqual([{ name: 'Riverside Family Medicine', address: 'care@riverside.example' }]);

    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ').replace(/^[^:]+:\s*/, '');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const listUnsubscribe = /^<(https:\/\/hooks\.example\.com\/e\/unsubscribe\/([\w-]{43}))>$/.exec(header('list-unsubscribe') ?? '');
    expect(listUnsubscribe).not.toBeNull();
    const [, url, token] = listUnsubscribe!;
    // The same link, visible, in both parts.
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);

    const row = await e.email(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, to_address: 'maria.gonzalez@example.org', error: null });
    expect(row.smtp_message_id).toMatch(/^<.+@.+>$/);
    expect(row.smtp_response).toContain('250');
    expect(row.sent_at.toISOString()).toBe(e.t.clock.now().toISOString());
    // Stored: the mark, never the token; the token only as its hash.
    expect(row.text_body).toContain(`${PUBLIC_URL}/e/unsubscribe/[link]`);
    expect(`${row.text_body}${row.html_body}`).not.toContain(token);
    const stored = await e.t.db.pool.query('SELECT token_hash FROM email_unsubscribe_tokens WHERE email_id = $1', [id]);
    expect(stored.rows[0].token_hash).toEqual(hashToken(token!));
    // The log says an email went, not to whom, not what it said, not its link.
    expect(e.t.logs.text).toContain('email sent');
    expect(e.t.logs.text).not.toMatch(/maria\.gonzalez|Maria,|monthly summary|unsubscribe\/[\w-]{43}/i);
  });

  it('sends once when its job runs twice, at the same time or after', async () => {
    const patient = await e.newPatient();
    const id = await e.queue(patient.id);
    await Promise.all([deliverEmail(e.t.service.runtime, id), deliverEmail(e.t.service.runtime, id)]);
    await deliverEmail(e.t.service.runtime, id);
    await e.t.runDue();
    expect(e.smtp.to(patient.email)).toHaveLength(1);
    expect(await e.email(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a 451 deferral with backoff, and then it goes', async () => {
    const patient = await e.newPatient();
    e.smtp.refuse(patient.email, 451, 'Try again later', 1);
    const id = await e.queue(patient.id);
    await e.t.runDue();
    expect(await e.email(id)).toMatchObject({ status: 'pending', attempts: 1, error: expect.stringContaining('451') });
    expect(e.smtp.to(patient.email)).toHaveLength(0);
    const [retry] = (await listPendingJobs(e.t.db.pool, 'email.send')).filter((j) => (j.data as { emailId: string }).emailId === id);
    // The first retry waits SEND_RETRY_BASE_SECONDS (30 s by default).
    expect(Date.parse(retry!.nextRunAt!) - e.t.clock.now().getTime()).toBe(30_000);

    await e.t.advance(30_000);
    expect(await e.email(id)).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(e.smtp.to(patient.email)).toHaveLength(1);
    expect((await findPatient(e.t.db.pool, patient.id))!.emailBouncedAt).toBeNull();
  });

  it('gives up after a few deferrals: the email fails, the address is not blamed', async () => {
    const patient = await e.newPatient();
    e.smtp.refuse(patient.email, 421, 'Service not available, closing channel');
    const id = await e.queue(patient.id);
    await e.t.advance(6 * 60 * 60 * 1000);
    expect(await e.email(id)).toMatchObject({ status: 'failed', attempts: 6 });
    expect((await findPatient(e.t.db.pool, patient.id))!.emailBouncedAt).toBeNull();
  });

  it('a 550 on RCPT TO bounces at once: no retry, the address marked, the next email cancelled, the patient on the call list', async () => {
    const patient = await e.newPatient();
    e.smtp.refuse(patient.email, 550, '5.1.1 User unknown');
    const first = await e.queue(patient.id);
    const second = await e.queue(patient.id);
    const refusedBefore = e.smtp.refusals;
    await e.t.runDue();

    expect(e.smtp.refusals - refusedBefore).toBe(1);
    expect(await e.email(first)).toMatchObject({ status: 'bounced', attempts: 1, error: expect.stringContaining('550') });
    expect(await e.email(second)).toMatchObject({ status: 'cancelled', attempts: 0, error: 'email_bounced' });
    const pending = (await listPendingJobs(e.t.db.pool, 'email.send')).filter((j) => [first, second].includes((j.data as { emailId: string }).emailId));
    expect(pending).toEqual([]);

    const after = (await e.admin.get(`/api/v1/patients/${patient.id}`)).body;
    expect(after.emailBouncedAt).toBe(e.t.clock.now().toISOString());
    expect(emailBlock((await findPatient(e.t.db.pool, patient.id))!)).toBe('bounced');
    expect(await e.events(patient.id, 'email_bounced')).toEqual([{ emailId: first, code: 550, cancelledEmails: 1 }]);

    const calls = (await e.admin.get(`/api/v1/practices/${e.practice.id}/call-list`)).body.data as Array<{ patient: { id: string }; reasons: Array<{ code: string; detail: string }> }>;
    expect(calls.find((c) => c.patient.id === patient.id)?.reasons).toContainEqual(
      expect.objectContaining({ code: 'email_invalid', detail: 'the email address bounced: check it' }),
    );
    expect(e.t.logs.text).not.toContain(patient.email);

    // Staff correct the address: the bounce is cleared, the patient leaves the call list, email goes again.
    const fixed = await e.admin.patch(`/api/v1/patients/${patient.id}`, { email: 'maria.new@example.org' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.emailBouncedAt).toBeNull();
    const callsAfter = (await e.admin.get(`/api/v1/practices/${e.practice.id}/call-list`)).body.data as Array<{ patient: { id: string }; reasons: Array<{ code: string }> }>;
    expect(callsAfter.find((c) => c.patient.id === patient.id)?.reasons ?? []).not.toContainEqual(expect.objectContaining({ code: 'email_invalid' }));
    const third = await e.queue(patient.id);
    await e.t.runDue();
    expect(await e.email(third)).toMatchObject({ status: 'sent', to_address: 'maria.new@example.org' });
  });

  it('cancels an email the patient may no longer get when its job runs: no consent now, or the whole summary after going back to link only', async () => {
    const patient = await e.newPatient({ emailConsent: 'full', emailFullConsent: { how: 'written' } });
    const full = await e.queue(patient.id);
    expect((await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailConsent: 'link' })).status).toBe(200);
    await e.t.runDue();
    const link = await e.queue(patient.id);
    expect((await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailConsent: 'none' })).status).toBe(200);
    await e.t.runDue();
    expect(await e.email(full)).toMatchObject({ status: 'cancelled', full_content: true, error: 'no_full_consent' });
    expect(await e.email(link)).toMatchObject({ status: 'cancelled', full_content: false, error: 'no_consent' });
    expect(e.smtp.to(patient.email)).toHaveLength(0);
  });
});

describe("a summary's email", () => {
  /** A summary kept for the patient's first planned contact, expiring at `expiresAt`, and its email queued. */
  async function summaryEmail(patientId: string, expiresAt: Date) {
    const outreach = await e.t.db.pool.query('SELECT id FROM outreach WHERE patient_id = $1 LIMIT 1', [patientId]);
    const now = e.t.clock.now();
    const summary = (await insertSummary(e.t.db.pool, {
      practiceId: e.practice.id,
      patientId,
      outreachId: outreach.rows[0].id,
      month: '2026-11',
      content: {} as CareSummary,
      createdAt: now,
      expiresAt,
    }))!;
    const link = `${PUBLIC_URL}/s/[summary]`;
    const id = await e.queue(patientId, {
      text: `Your summary is ready: ${link}\nStop these emails: ${unsubscribeLinkShown(PUBLIC_URL)}`,
      html: `<p><a href="${link}">See your summary</a></p><p><a href="${unsubscribeLinkShown(PUBLIC_URL)}">Stop these emails</a></p>`,
    });
    await setSummaryEmail(e.t.db.pool, summary.id, id);
    return { id, summary };
  }

  it('carries a new token for the summary, made as it is sent and kept only as its hash', async () => {
    const patient = await e.newPatient();
    const { id, summary } = await summaryEmail(patient.id, new Date(e.t.clock.now().getTime() + 86_400_000));
    await e.t.runDue();
    const mail = e.smtp.to(patient.email).at(-1)!.mail;
    const token = /\/s\/([\w-]{43})/.exec(mail.text!)![1]!;
    expect(mail.html).toContain(`${PUBLIC_URL}/s/${token}`);
    expect((await findSummaryByToken(e.t.db.pool, hashToken(token)))?.id).toBe(summary.id);
    expect((await e.email(id)).text_body).toContain('/s/[summary]');
  });

  it('is not sent once its summary has run out', async () => {
    const patient = await e.newPatient();
    const { id } = await summaryEmail(patient.id, e.t.clock.now());
    await e.t.runDue();
    expect(await e.email(id)).toMatchObject({ status: 'cancelled', error: 'link_expired' });
    expect(e.smtp.to(patient.email)).toHaveLength(0);
  });
});
