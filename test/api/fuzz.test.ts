import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPatient, createPractice } from '../helpers/api.js';
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

let t: TestService;
let routes: Array<{ method: 'POST' | 'PATCH'; url: string }>;

beforeAll(async () => {
  t = await startTestService({ LOG_LEVEL: 'error' });
  const admin = apiClient(t.service.app);
  const practice = await createPractice(admin);
  const patient = await createPatient(admin, practice.id);
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
});
