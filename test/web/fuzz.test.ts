/**
 * The web app at its edges, signed in and not: names that are JavaScript's
 * own (constructor, __proto__), cookies that are not ours, bodies that are
 * not forms, NULs, ids that are not ids. Every answer is a page or a redirect
 * with a 2xx, 3xx or 4xx status: never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { seededRandom } from '../helpers/random.js';
import { signInAs, type Browser } from './signed-in.js';

const PASSWORD = 'correct horse battery staple';
let s: Scenario;
let nora: Browser;
let patientId: string;

beforeAll(async () => {
  s = await startScenario();
  await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { name: 'Nora Nurse', email: 'nora@riverside.example', role: 'coordinator', password: PASSWORD, staffId: s.coordinator.id });
  patientId = (await s.newPatient()).id;
  nora = await signInAs(s.t.service.app, 'nora@riverside.example', PASSWORD);
});
afterAll(() => s.close());

const OWN_NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'prototype', 'isPrototypeOf'];
const ODD = ['%', '%E0%A4%A', '%00', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(3000), '😀', '-1', '0', 'null', 'undefined', '2026-13', '00000000-0000-4000-8000-000000000000'];

const inject = (request: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string }) => s.t.service.app.inject(request);

describe('the web app at its edges', () => {
  it('answers a missing file for names that are JavaScript\'s own', async () => {
    for (const name of OWN_NAMES) {
      const response = await inject({ method: 'GET', url: `/app/assets/${name}` });
      expect(response.statusCode, name).toBe(404);
    }
  });

  it('treats a cookie that is not ours as no session', async () => {
    for (const cookie of ['ccm_session=%', 'ccm_session=%E0%A4%A', 'ccm_session=', 'ccm_session', `ccm_session=${'x'.repeat(5000)}`, '=%; ccm_session=%zz']) {
      const page = await inject({ method: 'GET', url: '/app', headers: { cookie } });
      expect(page.statusCode, cookie).toBe(303);
      const action = await inject({ method: 'POST', url: '/app/keepalive', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      expect(action.statusCode, cookie).toBe(401);
    }
  });

  it('answers the sign-in form\'s strange bodies with a 4xx, never a 500', async () => {
    const bodies: Array<[string, string]> = [
      ['application/json', '{'],
      ['application/json', '{"email":"nora@riverside.example","password":["x"]}'],
      ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--xyz--'],
      ['multipart/form-data', 'garbage'],
      ['application/x-www-form-urlencoded', 'email=a%00b&password=correct%20horse%20battery%20staple'],
      ['application/x-www-form-urlencoded', 'email=nora%40riverside.example&password=%00'],
      ['application/x-www-form-urlencoded', '%'],
      ['text/plain', 'hello'],
      ['application/xml', '<a/>'],
    ];
    for (const [type, payload] of bodies) {
      const response = await inject({ method: 'POST', url: '/app/login', headers: { 'content-type': type }, payload });
      expect(response.statusCode, `${type} ${payload}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${type} ${payload}`).toBeLessThan(500);
    }
  });

  it('never answers 5xx to random requests, signed in or not', async () => {
    const random = seededRandom(27);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const id = () => pick([patientId, ...ODD, ...OWN_NAMES]);
    const paths = () =>
      pick([
        '/app',
        '/app/login',
        '/app/patients',
        `/app/patients/${id()}`,
        `/app/patients/${id()}/months/${pick(['2026-11', ...ODD])}`,
        `/app/patients/${id()}/months/${pick(['2026-11', ...ODD])}/print`,
        `/app/patients/${id()}/pause`,
        `/app/patients/${id()}/time-entries`,
        `/app/patients/${id()}/medications/${id()}`,
        `/app/alerts/${id()}`,
        `/app/alerts/${id()}/acknowledge`,
        `/app/cases/${id()}`,
        `/app/cases/${id()}/${pick(['acknowledge', 'resolve'])}`,
        `/app/unknown-senders/${id()}${pick(['', '/link', '/resolve', `?q=${pick(ODD)}`])}`,
        `/app/unknown-senders?status=${pick(['all', ...ODD])}&after=${pick(ODD)}`,
        `/app/outbound?to=${pick(['coordinator', ...ODD])}&before=${pick(ODD)}`,
        `/app/admin/${pick(['cadence', 'coordinators', 'quiet-hours', 'triage-rules', 'users', 'patients', 'import', ...OWN_NAMES])}`,
        `/app/assets/${pick([...OWN_NAMES, ...ODD, 'app.css'])}`,
        `/app/${pick([...OWN_NAMES, ...ODD])}`,
        `/app/patients?q=${pick(ODD)}`,
      ]);
    const forms = () =>
      pick([
        '',
        '%',
        `_csrf=${nora.csrf}&minutes=${pick(ODD)}&note=${pick(ODD)}`,
        `_csrf=${nora.csrf}&start=${pick(ODD)}&end=${pick(ODD)}&until=${pick(ODD)}`,
        `_csrf=${nora.csrf}&${pick(OWN_NAMES)}=${pick(ODD)}`,
        `_csrf=${nora.csrf}&patientId=${pick([patientId, ...ODD])}`,
        `_csrf=${nora.csrf}&email=a%00b&password=%00&name=${pick(ODD)}`,
      ]);
    const statuses: Array<{ status: number; what: string }> = [];
    for (let i = 0; i < 400; i += 1) {
      const method = random() < 0.5 ? 'GET' : 'POST';
      const url = paths();
      const cookie = pick([nora.cookie ?? '', 'ccm_session=%', '', `ccm_session=${pick(ODD)}`]);
      const type = pick(['application/x-www-form-urlencoded', 'application/json', 'multipart/form-data', 'text/plain']);
      const payload = type === 'application/json' ? pick(['{', '[]', '{"_csrf":1}', 'null']) : forms();
      const response = await inject(
        method === 'GET' ? { method, url, headers: { cookie } } : { method, url, headers: { cookie, 'content-type': type }, payload },
      );
      statuses.push({ status: response.statusCode, what: `${method} ${url.slice(0, 120)} ${type}` });
    }
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
    // Some reached a page: the run went past the door.
    expect(statuses.some((s) => s.status === 200)).toBe(true);
  });
});
