/**
 * The web app's doors: nothing without a session, nothing changed without
 * the CSRF token, no patient of another practice, cookies that scripts and
 * other sites cannot use, passwords worth having, sign-ins slowed to a stop
 * after failures, and the automatic logoff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { createPatient, createPractice } from '../helpers/api.js';
import { browserFor, signInAs } from './signed-in.js';

const PASSWORD = 'correct horse battery staple';
let s: Scenario;
let patient: { id: string; phone: string };
let strangerPatient: { id: string };

beforeAll(async () => {
  s = await startScenario();
  await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Nora Nurse', email: 'nora@riverside.example', role: 'coordinator', password: PASSWORD, staffId: s.coordinator.id });
  patient = await s.newPatient();
  const elsewhere = await createPractice(s.admin, { name: 'Hillside Clinic' });
  strangerPatient = await createPatient(s.admin, elsewhere.id);
});
afterAll(() => s.close());

const app = () => s.t.service.app;

describe('without a session', () => {
  it('every page sends you to sign in, and every action is refused', async () => {
    const anonymous = browserFor(app());
    for (const url of ['/app', '/app/patients', `/app/patients/${patient.id}`, '/app/months', '/app/admin', '/app/alerts/00000000-0000-4000-8000-000000000000', `/app/patients/${patient.id}/months/2026-11`]) {
      const response = await anonymous.get(url);
      expect(response.status, url).toBe(303);
      expect(response.headers.location, url).toBe(`/app/login?next=${encodeURIComponent(url)}`);
    }
    expect((await anonymous.get('/app/events')).status).toBe(401);
    for (const url of ['/app/keepalive', `/app/patients/${patient.id}/pause`, '/app/alerts/00000000-0000-4000-8000-000000000000/acknowledge']) {
      expect((await anonymous.post(url, {}, { csrf: 'x' })).status, url).toBe(401);
    }
    // The sign-in page and the stylesheet are the only open doors.
    expect((await anonymous.get('/app/login')).status).toBe(200);
    expect((await anonymous.get('/app/assets/app.css')).status).toBe(200);
  });

  it('sends you back only to our own pages after signing in', async () => {
    const browser = browserFor(app());
    const response = await browser.post('/app/login', { email: 'nora@riverside.example', password: PASSWORD, next: 'https://evil.example/app' }, { csrf: null });
    expect(response.headers.location).toBe('/app');
  });
});

describe('signing in', () => {
  it('sets a cookie scripts cannot read and other sites cannot send, and keeps no password', async () => {
    const response = await browserFor(app()).post('/app/login', { email: 'NORA@riverside.example', password: PASSWORD }, { csrf: null });
    expect(response.status).toBe(303);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^ccm_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/app');
    expect(cookie).toContain('Secure');
    const { rows } = await s.t.db.pool.query("SELECT password_hash FROM users WHERE email = 'nora@riverside.example'");
    expect(rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0].password_hash).not.toContain(PASSWORD);
  });

  it('refuses weak passwords when a login is made', async () => {
    const weak = async (password: string) => {
      const response = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Ann', email: 'ann.lee@riverside.example', role: 'coordinator', password });
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      return response.body.error.message as string;
    };
    expect(await weak('short1')).toContain('at least 12 characters');
    expect(await weak('password12345')).toContain('common password');
    expect(await weak('my name is ann.lee!')).toContain('email');
    const twice = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Nora', email: 'Nora@Riverside.example', role: 'coordinator', password: PASSWORD });
    expect(twice.status).toBe(409);
  });

  it('locks an address after five failures, known or not, with the same answer', async () => {
    for (const email of ['nora@riverside.example', 'nobody@riverside.example']) {
      const browser = browserFor(app());
      for (let i = 0; i < 5; i += 1) {
        const failed = await browser.post('/app/login', { email, password: 'wrong password here' }, { csrf: null });
        expect(failed.status).toBe(401);
        expect(failed.body).toContain('The email or password is not right');
      }
      const locked = await browser.post('/app/login', { email, password: PASSWORD }, { csrf: null });
      expect(locked.status, email).toBe(429);
      expect(locked.body).toContain('Too many failed sign-ins');
    }
    await s.advance(16 * 60_000);
    expect((await browserFor(app()).post('/app/login', { email: 'nora@riverside.example', password: PASSWORD }, { csrf: null })).status).toBe(303);
  });

  it('counts guesses sent in parallel one by one: fifty at once get five tries, and the right password then waits', async () => {
    const email = 'paula.parallel@riverside.example';
    await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Paula', email, role: 'coordinator', password: PASSWORD });
    const guesses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => browserFor(app()).post('/app/login', { email, password: `wrong guess number ${i}` }, { csrf: null })),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(45);
    expect((await browserFor(app()).post('/app/login', { email, password: PASSWORD }, { csrf: null })).status).toBe(429);
    await s.advance(16 * 60_000);
  });

  it('judges a password against the address\'s name only when the name is a word', async () => {
    const created = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'N', email: 'n@riverside.example', role: 'coordinator', password: 'another ninety nine lanterns' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
});

describe('signed in', () => {
  it('needs the page\'s CSRF token for every change', async () => {
    const browser = await signInAs(app(), 'nora@riverside.example', PASSWORD);
    for (const csrf of [null, 'forged-token']) {
      const refused = await browser.post('/app/keepalive', {}, { csrf });
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('did not come from this app');
    }
    expect((await browser.post('/app/keepalive', {})).status).toBe(200);
  });

  it('never shows another practice\'s patient', async () => {
    const browser = await signInAs(app(), 'nora@riverside.example', PASSWORD);
    expect((await browser.get(`/app/patients/${strangerPatient.id}`)).status).toBe(404);
    expect((await browser.get(`/app/patients/${strangerPatient.id}/months/2026-11`)).status).toBe(404);
  });

  it('writes every page that shows patients to the access log, as the user', async () => {
    await s.say(patient, 'I have chest pain');
    const browser = await signInAs(app(), 'nora@riverside.example', PASSWORD);
    const today = await browser.get('/app');
    expect(today.body).toContain('chest pain');
    const { rows } = await s.t.db.pool.query("SELECT actor_kind, action FROM audit_log WHERE patient_id = $1 AND action = 'web.today'", [patient.id]);
    expect(rows[0]).toEqual({ actor_kind: 'user', action: 'web.today' });
    expect(String(today.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(today.headers['cache-control']).toBe('no-store');
  });

  it('ends the session after 15 minutes without activity, and on sign-out', async () => {
    const browser = await signInAs(app(), 'nora@riverside.example', PASSWORD);
    await s.advance(14 * 60_000);
    expect((await browser.get('/app')).status).toBe(200); // activity: the clock starts again
    await s.advance(15 * 60_000);
    const after = await browser.get('/app');
    expect(after.status).toBe(303);
    expect(after.headers.location).toContain('timeout=1');
    expect((await browser.get(String(after.headers.location))).body).toContain('signed out after 15 minutes without activity');

    const again = await signInAs(app(), 'nora@riverside.example', PASSWORD);
    const cookie = again.cookie;
    await again.post('/app/sign-out', {});
    const reused = await app().inject({ method: 'GET', url: '/app', headers: { cookie: cookie! } });
    expect(reused.statusCode).toBe(303);
  });
});
