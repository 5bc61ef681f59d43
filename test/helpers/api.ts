import type { App } from '../../src/app.js';
import { ADMIN_TOKEN } from './service.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A tiny JSON client over `app.inject`, authenticated with `token` (null: no header). */
export function apiClient(app: App, token: string | null = ADMIN_TOKEN) {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<ApiResponse> => {
    const response = await app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return { status: response.statusCode, body: isJson ? response.json() : response.body, headers: response.headers };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown = {}) => call('POST', url, body),
    patch: (url: string, body: unknown) => call('PATCH', url, body),
    put: (url: string, body: unknown) => call('PUT', url, body),
    delete: (url: string) => call('DELETE', url),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

let phoneCounter = 0;
/** A distinct, well-formed test phone number (555 exchange numbers are reserved for fiction). */
export function nextPhone(): string {
  phoneCounter += 1;
  return `+1555${String(2000000 + phoneCounter).padStart(7, '0')}`;
}

export const practiceBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Riverside Family Medicine',
  timezone: 'America/Chicago',
  phoneNumber: nextPhone(),
  ...overrides,
});

export const patientBody = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Maria',
  lastName: 'Gonzalez',
  phone: nextPhone(),
  dateOfBirth: '1948-03-21',
  language: 'en',
  preferredChannel: 'sms',
  conditions: ['hypertension', 'type 2 diabetes'],
  consent: { status: 'granted', method: 'verbal', recordedAt: '2026-11-02T15:04:00Z', recordedBy: 'Jane Doe, RN' },
  ...overrides,
});

/** Creates a practice with the admin token; returns its id and number. */
export async function createPractice(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/v1/practices', practiceBody(overrides));
  if (response.status !== 201) throw new Error(`practice not created: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; phoneNumber: string; name: string };
}

export async function createPatient(client: ApiClient, practiceId: string, overrides: Record<string, unknown> = {}) {
  const response = await client.post(`/api/v1/practices/${practiceId}/patients`, patientBody(overrides));
  if (response.status !== 201) throw new Error(`patient not created: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; phone: string; firstName: string; practiceId: string };
}

export async function createApiKey(client: ApiClient, practiceId: string, role: 'admin' | 'coordinator') {
  const response = await client.post(`/api/v1/practices/${practiceId}/api-keys`, { name: `${role} key`, role });
  if (response.status !== 201) throw new Error(`key not created: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; token: string };
}

/**
 * The cadence before the article's sequence became the default (three text
 * check-ins, the 1st-3rd Tuesday at 10:00), by each patient's own channel:
 * for tests of the cadence's mechanics, whose texts and times it fixes. The
 * article's sequence and the learned channel have tests of their own
 * (test/bot/sequence.test.ts).
 */
export const THREE_TEXTS_FIXED = {
  cadence: {
    time: '10:00',
    slots: [
      { week: 1, weekday: 'tuesday', flow: 'wellness' },
      { week: 2, weekday: 'tuesday', flow: 'symptoms' },
      { week: 3, weekday: 'tuesday', flow: 'wellness' },
    ],
  },
  channelChoice: 'fixed',
} as const;
