/**
 * The API description at /docs is enough to learn the API from: every route
 * says what it does, shows an example of its body, and names its responses;
 * Twilio's webhooks are described as Twilio calls them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';

let t: TestService;
let doc: { paths: Record<string, Record<string, Operation>> };
interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: { example?: unknown }; example?: unknown }> };
  responses: Record<string, { description?: string }>;
}

beforeAll(async () => {
  t = await startTestService();
  doc = (await t.service.app.inject({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, path, op })));

describe('the API description', () => {
  it('has every practice route, each with a summary and a tag', () => {
    const api = operations().filter((o) => o.path.startsWith('/api/v1'));
    expect(api.length).toBeGreaterThan(35);
    for (const { route, op } of operations()) {
      expect(op.summary, route).toMatch(/^\S.{9,}/); // a sentence, not a placeholder
      expect(op.tags?.length, route).toBeGreaterThan(0);
    }
  });

  it('shows an example of every request body', () => {
    for (const { route, op } of operations()) {
      if (!op.requestBody) continue;
      const examples = Object.values(op.requestBody.content).map((c) => c.example ?? c.schema?.example);
      expect(examples.some((e) => e !== undefined), route).toBe(true);
    }
  });

  it('names every response: no "Default Response", and the errors each API route can give', () => {
    for (const { route, path, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${route} ${status}`).toMatch(/^[A-Z]\w+/); // "OK", "Not found: ..."
        expect(response.description, `${route} ${status}`).not.toBe('Default Response');
      }
      if (path.startsWith('/api/v1')) expect(Object.keys(op.responses), route).toEqual(expect.arrayContaining(['400', '401', '403', '404']));
    }
    // 409 only where a conflict can happen.
    expect(doc.paths['/api/v1/patients/{id}/check-ins']!.post!.responses['409']).toBeDefined();
    expect(doc.paths['/api/v1/patients/{id}/transcript']!.get!.responses['409']).toBeUndefined();
  });

  it('describes the webhooks as Twilio sends them: form data, signed, no bearer token', () => {
    for (const { route, path, op } of operations().filter((o) => o.path.startsWith('/webhooks'))) {
      expect(Object.keys(op.requestBody!.content), route).toEqual(['application/x-www-form-urlencoded']);
      expect(op.security, route).toEqual([]);
      expect(path).toMatch(/^\/webhooks\/twilio\//);
    }
  });

  it('describes the CSV import body as a file', () => {
    const body = doc.paths['/api/v1/practices/{id}/patients/import']!.post!.requestBody!;
    expect(Object.keys(body.content).sort()).toEqual(['multipart/form-data', 'text/csv']);
  });
});
