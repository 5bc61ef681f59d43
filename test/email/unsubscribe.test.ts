/**
 * The unsubscribe link of an email that really went out: opening it only
 * asks (a mail scanner following links changes nothing); the page's button
 * or a mail client's one-click POST (RFC 8058) stops emails, and the email
 * queued next is cancelled; a link that matches nothing says so and no more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailTest, type EmailTest } from './support.js';

let e: EmailTest;
beforeAll(async () => {
  e = await startEmailTest();
});
afterAll(() => e?.close());

/** Sends the patient an email and returns its unsubscribe path, from the List-Unsubscribe header as a mail client reads it. */
async function sendAndGetLink(patient: { id: string; email: string }): Promise<string> {
  await e.queue(patient.id);
  await e.t.runDue();
  const mail = e.smtp.to(patient.email).at(-1)!.mail;
  const list = mail.headers.get('list') as { unsubscribe?: { url?: string } } | undefined;
  const url = new URL(list!.unsubscribe!.url!);
  // The link in the email's text is the same.
  expect(mail.text).toContain(url.href);
  return url.pathname;
}

const page = (path: string) => e.t.service.app.inject({ method: 'GET', url: path });

describe('the unsubscribe link', () => {
  it('opens a plain page with a button and no script, never cached, sending no referrer; opening it stops nothing', async () => {
    const patient = await e.newPatient();
    const path = await sendAndGetLink(patient);
    const response = await page(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.body).toContain(`<form method="post" action="${path}">`);
    expect(response.body).toContain('<button type="submit">Stop these emails</button>');
    expect(response.body).toContain('Riverside Family Medicine');
    expect(response.body).not.toContain('<script');
    expect((await e.admin.get(`/api/v1/patients/${patient.id}`)).body.emailOptedOutAt).toBeNull();
  });

  it('the page in Spanish for a patient who reads Spanish', async () => {
    const patient = await e.newPatient({ language: 'es' });
    const response = await page(await sendAndGetLink(patient));
    expect(response.body).toContain('<html lang="es">');
    expect(response.body).toContain('Dejar de recibir estos correos');
  });

  it("a mail client's one-click POST stops emails at once: the email queued next is cancelled and nothing more goes", async () => {
    const patient = await e.newPatient();
    const path = await sendAndGetLink(patient);
    const next = await e.queue(patient.id);

    const response = await e.t.service.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('You will get no more emails from Riverside Family Medicine.');

    await e.t.runDue();
    expect(await e.email(next)).toMatchObject({ status: 'cancelled', error: 'email_opted_out' });
    expect(e.smtp.to(patient.email)).toHaveLength(1);
    const after = (await e.admin.get(`/api/v1/patients/${patient.id}`)).body;
    expect(after.emailOptedOutAt).toBe(e.t.clock.now().toISOString());
    expect(await e.events(patient.id, 'email_opted_out')).toEqual([expect.objectContaining({ source: 'one_click', cancelledEmails: 1 })]);
    await expect(e.queue(patient.id)).rejects.toThrow(/opted_out/);

    // Again (a client retrying, the page's button after the client): the same answer, recorded once.
    expect((await e.t.service.app.inject({ method: 'POST', url: path })).statusCode).toBe(200);
    expect((await page(path)).body).toContain('You will get no more emails from Riverside Family Medicine.');
    expect(await e.events(patient.id, 'email_opted_out')).toHaveLength(1);
    // The token never reaches the log.
    expect(e.t.logs.text).not.toContain(path);
    expect(e.t.logs.text).toContain('/e/unsubscribe/[token]');
  });

  it('takes the one-click POST as multipart form data too (RFC 8058 prefers it)', async () => {
    const patient = await e.newPatient();
    const path = await sendAndGetLink(patient);
    const boundary = '----OneClickBoundary';
    const response = await e.t.service.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(200);
    expect(await e.events(patient.id, 'email_opted_out')).toEqual([expect.objectContaining({ source: 'one_click' })]);
  });

  it("the page's button stops emails; staff can record that the patient wants them again", async () => {
    const patient = await e.newPatient();
    const path = await sendAndGetLink(patient);
    const response = await e.t.service.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(response.statusCode).toBe(200);
    expect(await e.events(patient.id, 'email_opted_out')).toEqual([expect.objectContaining({ source: 'unsubscribe_page' })]);

    const back = await e.admin.patch(`/api/v1/patients/${patient.id}`, { emailOptedOut: false });
    expect(back.status).toBe(200);
    expect(back.body.emailOptedOutAt).toBeNull();
    expect(await e.events(patient.id, 'email_opted_in')).toEqual([{ source: 'staff' }]);
    await sendAndGetLink(patient);
    expect(e.smtp.to(patient.email)).toHaveLength(2);
  });

  it('a link that matches nothing says it does not work (404), and nothing else', async () => {
    for (const token of ['A'.repeat(43), 'nonsense', '%3Cscript%3E']) {
      const response = await page(`/e/unsubscribe/${token}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('This link does not work');
      expect(response.body).not.toContain('Riverside');
      expect(response.body).not.toContain('<form');
      const post = await e.t.service.app.inject({ method: 'POST', url: `/e/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      expect(post.statusCode).toBe(404);
    }
  });
});
