import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createApiKey, createPractice, practiceBody, type ApiClient } from '../helpers/api.js';

let t: TestService;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestService();
  admin = apiClient(t.service.app);
});
afterAll(() => t.close());

describe('practices', () => {
  it('creates a practice with its number in E.164 and default quiet hours, and reads it back', async () => {
    const created = await admin.post('/api/v1/practices', practiceBody({ phoneNumber: '(555) 867-5310' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Riverside Family Medicine',
      timezone: 'America/Chicago',
      phoneNumber: '+15558675310',
      contactPhone: '+15558675310',
      quietHours: { start: '21:00', end: '08:00' },
    });
    const read = await admin.get(`/api/v1/practices/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('rejects a bad timezone, phone and quiet hours with a 400 naming each field', async () => {
    const response = await admin.post('/api/v1/practices', {
      name: 'X',
      timezone: 'Mars/Olympus',
      phoneNumber: '12345',
      quietHours: { start: '25:00', end: '08:00' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.message).toContain('body.timezone');
    expect(response.body.error.message).toContain('body.phoneNumber: is not a valid phone number');
    expect(response.body.error.message).toContain('body.quietHours.start');
  });

  it('answers 409 when another practice already owns the number', async () => {
    const first = await createPractice(admin);
    const second = await admin.post('/api/v1/practices', practiceBody({ phoneNumber: first.phoneNumber }));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
  });

  it('changes quiet hours with PATCH', async () => {
    const practice = await createPractice(admin);
    const response = await admin.patch(`/api/v1/practices/${practice.id}`, { quietHours: { start: '20:00', end: '09:00' } });
    expect(response.status).toBe(200);
    expect(response.body.quietHours).toEqual({ start: '20:00', end: '09:00' });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await t.service.app.inject({
      method: 'POST',
      url: '/api/v1/practices',
      headers: { authorization: `Bearer ${'test-admin-token-0123456789'}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });
});

describe('authentication and API keys', () => {
  it('answers 401 without a token and with an unknown one', async () => {
    const none = await apiClient(t.service.app, null).get('/api/v1/practices/00000000-0000-4000-8000-000000000000');
    expect(none.status).toBe(401);
    expect(none.body.error.message).toContain('Authorization: Bearer');
    const wrong = await apiClient(t.service.app, 'ccm_not-a-real-key').get('/api/v1/practices/00000000-0000-4000-8000-000000000000');
    expect(wrong.status).toBe(401);
  });

  it('shows a new key once, stores it hashed, and honours its role', async () => {
    const practice = await createPractice(admin);
    const key = await createApiKey(admin, practice.id, 'coordinator');
    expect(key.token).toMatch(/^ccm_[\w-]{40,}$/);
    const stored = await t.db.pool.query('SELECT token_hash FROM api_keys WHERE id = $1', [key.id]);
    expect(stored.rows[0].token_hash).not.toContain(key.token);

    const coordinator = apiClient(t.service.app, key.token);
    expect((await coordinator.get(`/api/v1/practices/${practice.id}`)).status).toBe(200);
    const forbidden = await coordinator.post(`/api/v1/practices/${practice.id}/api-keys`, { name: 'x', role: 'admin' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect((await coordinator.post('/api/v1/practices', practiceBody())).status).toBe(403);

    const listed = await admin.get(`/api/v1/practices/${practice.id}/api-keys`);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).not.toHaveProperty('token');
  });

  it("hides another practice's resources behind 404", async () => {
    const mine = await createPractice(admin);
    const theirs = await createPractice(admin);
    const key = await createApiKey(admin, mine.id, 'admin');
    const client = apiClient(t.service.app, key.token);
    const response = await client.get(`/api/v1/practices/${theirs.id}`);
    expect(response.status).toBe(404);
    expect((await client.post(`/api/v1/practices/${theirs.id}/api-keys`, { name: 'x', role: 'admin' })).status).toBe(404);
  });

  it('lets a practice admin key create keys, and a revoked key stops working at once', async () => {
    const practice = await createPractice(admin);
    const practiceAdmin = apiClient(t.service.app, (await createApiKey(admin, practice.id, 'admin')).token);
    const created = await practiceAdmin.post(`/api/v1/practices/${practice.id}/api-keys`, { name: 'front desk', role: 'coordinator' });
    expect(created.status).toBe(201);
    const coordinator = apiClient(t.service.app, created.body.token);
    expect((await coordinator.get(`/api/v1/practices/${practice.id}`)).status).toBe(200);

    const revoked = await practiceAdmin.delete(`/api/v1/practices/${practice.id}/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await coordinator.get(`/api/v1/practices/${practice.id}`)).status).toBe(401);
  });
});

describe('health', () => {
  it('answers ok while the database answers', async () => {
    const response = await t.service.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI description at /docs', async () => {
    const response = await t.service.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/practices', '/api/v1/practices/{id}/patients', '/api/v1/patients/{id}']));
  });
});
