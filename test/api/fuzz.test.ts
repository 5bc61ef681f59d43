import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPatient, createPractice, nextPhone, patientBody, practiceBody } from '../helpers/api.js';
import { seededRandom } from '../helpers/random.js';

const STRINGS = ['', 'x', '\u0000', '😀', 'a'.repeat(5000), '2026-13-45', '25:99', 'en', 'es', 'sms', 'voice', 'granted', '+15555550123', '(555) 123-4567', 'America/Chicago', 'Mars/Base'];

function randomValue(random: () => number, depth = 0): unknown {
  const r = random();
  if (r < 0.2) return STRINGS[Math.floor(random() * STRINGS.length)];
  if (r < 0.3) return Math.floor(random() * 2 ** 40) - 2 ** 39;
  if (r < 0.35) return random() < 0.5;
  if (r < 0.4) return null;
  if (r < 0.55 && depth < 3) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  if (depth < 3) {
    const keys = ['name', 'timezone', 'phoneNumber', 'phone', 'firstName', 'lastName', 'language', 'preferredChannel', 'conditions', 'consent', 'status', 'method', 'recordedAt', 'recordedBy', 'times', 'dose', 'flow', 'role', 'quietHours', 'start', 'end', 'dateOfBirth', 'coordinatorId'];
    return Object.fromEntries(Array.from({ length: Math.floor(random() * 6) }, () => [keys[Math.floor(random() * keys.length)]!, randomValue(random, depth + 1)]));
  }
  return 'deep';
}

/** Values at the edges of what PostgreSQL and JavaScript hold: numbers beyond int4, dates beyond any calendar. */
const EDGES: unknown[] = [
  2 ** 31, -(2 ** 31) - 1, 3_000_000_000, 2 ** 53 + 1, 1e308, -0, 0.5, -1, 0,
  '0000-01-01', '0000-01-01T00:00:00Z', '9999-12-31', '10000-01-01', '2026-02-30', '2026-11-02T15:04:00+24:00',
  '2026-11-02T15:04:00-15:59', '2026-11-02T25:00:00Z', '3/21/0000', '13/45/1948', '1e9', '-1', '', ' ', '\u0000',
  'a'.repeat(5000), [], {}, null, true, ['08:00', '08:00'], ['24:00'], { start: '21:00', end: '21:00' },
];

/** A valid body for each write route, so one bad field at a time reaches as deep as it can. */
function validBodies(practiceId: string, patientId: string): Array<{ method: 'POST' | 'PATCH'; url: string; body: () => Record<string, unknown> }> {
  return [
    { method: 'POST', url: '/api/v1/practices', body: () => practiceBody({ quietHours: { start: '21:00', end: '08:00' }, contactPhone: '(555) 123-4567' }) },
    { method: 'PATCH', url: `/api/v1/practices/${practiceId}`, body: () => ({ name: 'Renamed', quietHours: { start: '20:00', end: '07:30' } }) },
    { method: 'POST', url: `/api/v1/practices/${practiceId}/coordinators`, body: () => ({ name: 'Nora', phone: nextPhone(), role: 'nurse', onCallOrder: 2, email: 'nora@example.com' }) },
    { method: 'POST', url: `/api/v1/practices/${practiceId}/api-keys`, body: () => ({ name: 'integration', role: 'coordinator' }) },
    { method: 'POST', url: `/api/v1/practices/${practiceId}/patients`, body: () => patientBody() },
    { method: 'PATCH', url: `/api/v1/patients/${patientId}`, body: () => ({ firstName: 'Ana', dateOfBirth: '1950-01-01', timezone: 'America/Denver' }) },
    { method: 'POST', url: `/api/v1/patients/${patientId}/medications`, body: () => ({ name: 'metformin', dose: '500 mg', times: ['08:00', '20:00'], refillDueOn: '2026-12-15' }) },
    { method: 'POST', url: `/api/v1/patients/${patientId}/check-ins`, body: () => ({ flow: 'wellness' }) },
  ];
}

/** Every path to a value in `body` (nested objects and arrays included). */
function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => leafPaths(item, [...prefix, i]))];
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]))];
  return [prefix];
}

function replaced(body: Record<string, unknown>, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path.at(-1)!] = value;
  return copy;
}

let t: TestService;
let routes: Array<{ method: 'POST' | 'PATCH'; url: string }>;
let ids: { practiceId: string; patientId: string };

beforeAll(async () => {
  t = await startTestService({ LOG_LEVEL: 'error' });
  const admin = apiClient(t.service.app);
  const practice = await createPractice(admin);
  const patient = await createPatient(admin, practice.id);
  ids = { practiceId: practice.id, patientId: patient.id };
  routes = [
    { method: 'POST', url: '/api/v1/practices' },
    { method: 'PATCH', url: `/api/v1/practices/${practice.id}` },
    { method: 'POST', url: `/api/v1/practices/${practice.id}/coordinators` },
    { method: 'POST', url: `/api/v1/practices/${practice.id}/api-keys` },
    { method: 'POST', url: `/api/v1/practices/${practice.id}/patients` },
    { method: 'PATCH', url: `/api/v1/patients/${patient.id}` },
    { method: 'POST', url: `/api/v1/patients/${patient.id}/medications` },
    { method: 'POST', url: `/api/v1/patients/${patient.id}/check-ins` },
  ];
});
afterAll(() => t.close());

describe('fuzzing the API', () => {
  it('answers random JSON on every write route with a 2xx or a 4xx, never a 5xx', async () => {
    const random = seededRandom(42);
    for (let i = 0; i < 800; i += 1) {
      const route = routes[i % routes.length]!;
      const response = await t.service.app.inject({
        method: route.method,
        url: route.url,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        payload: JSON.stringify(randomValue(random)),
      });
      if (response.statusCode >= 500) throw new Error(`${route.method} ${route.url} -> ${response.statusCode}: ${response.body}\n${t.logs.text.slice(-2000)}`);
      expect(response.json()).toBeTypeOf('object');
    }
  }, 300_000);

  it('answers valid bodies with one field set to an edge value with a 2xx or a 4xx, never a 5xx', async () => {
    const random = seededRandom(7);
    const statuses = new Map<number, number>();
    const routesWithBodies = validBodies(ids.practiceId, ids.patientId);
    for (let i = 0; i < 1200; i += 1) {
      const route = routesWithBodies[i % routesWithBodies.length]!;
      const body = route.body();
      const paths = leafPaths(body);
      const path = paths[Math.floor(random() * paths.length)]!;
      const payload = replaced(body, path, EDGES[Math.floor(random() * EDGES.length)]);
      const response = await t.service.app.inject({
        method: route.method,
        url: route.url,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) {
        throw new Error(`${route.method} ${route.url} ${JSON.stringify(payload).slice(0, 500)} -> ${response.statusCode}: ${response.body}`);
      }
    }
    // Both outcomes happened: edge values that are fine were accepted, the others refused.
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
  }, 300_000);
});
