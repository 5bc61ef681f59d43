/**
 * Every staff write, through the API and through the web app, leaves exactly
 * one access-log row for what it did; and when that row cannot be written,
 * the write is not kept either: the change and its row commit together or
 * not at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario } from '../helpers/scenario.js';
import { signInAs } from '../web/signed-in.js';
import { NOT_STAFF_WRITES, STAFF_WRITES, type World } from './staff-writes.js';

const PASSWORD = 'correct horse battery staple';
let w: World;

beforeAll(async () => {
  const s = await startScenario();
  const login = await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, {
    name: 'Ada Admin',
    email: 'ada@riverside.example',
    role: 'admin',
    password: PASSWORD,
    staffId: s.coordinator.id,
  });
  expect(login.status).toBe(201);
  w = { s, api: s.admin, web: await signInAs(s.t.service.app, 'ada@riverside.example', PASSWORD) };
  // The access log refuses the actions listed in audit_refused: a store that cannot take the row.
  await s.t.db.pool.query(`CREATE TABLE audit_refused (action text PRIMARY KEY);
    CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM audit_refused WHERE action = NEW.action) THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
        RETURN NEW;
      END $$;
    CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
});
afterAll(() => w.s.close());

/**
 * The app's routes for `method`, from Fastify's route tree: each line is
 * "├── segment (METHOD)", indented four characters per level under its parent.
 */
function routesFor(method: string): string[] {
  const tree = w.s.t.service.app.printRoutes({ commonPrefix: false, method: method as 'POST' });
  const parents: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = (at - 1) / 4;
    const path = (parents[depth - 1] ?? '') + line.slice(at + 3).replace(/ \(.*\)$/, '');
    parents[depth] = path;
    routes.push(`${method} ${path}`);
  }
  return routes;
}

const query = async (sql: string, params: unknown[] = []) => (await w.s.t.db.pool.query(sql, params)).rows;
const lastAuditId = async (): Promise<number> => (await query('SELECT coalesce(max(id), 0)::int AS id FROM audit_log'))[0].id;
const rowsSince = async (id: number, action: string): Promise<number> =>
  (await query('SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND action = $2', [id, action]))[0].n;

describe('staff writes and their access-log rows', () => {
  it('covers every route of both front ends that changes something', () => {
    const changing = ['POST', 'PUT', 'PATCH', 'DELETE']
      .flatMap(routesFor)
      .filter((route) => / \/(api\/v1|app)\//.test(route) && !NOT_STAFF_WRITES.includes(route));
    const covered = new Set(STAFF_WRITES.map((write) => write.route));
    expect(changing.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !changing.includes(route))).toEqual([]);
  });

  it.each(STAFF_WRITES.map((write) => [`${write.via}: ${write.what}`, write] as const))('%s', async (_name, write) => {
    const subject = await write.prepare(w);
    const before = await write.state(w, subject);
    const start = await lastAuditId();

    await query('INSERT INTO audit_refused (action) VALUES ($1)', [write.action]);
    try {
      expect(await write.run(w, subject), 'the write fails with its row').toBe(500);
    } finally {
      await query('DELETE FROM audit_refused');
    }
    expect(await write.state(w, subject), 'nothing was kept').toEqual(before);
    expect(await rowsSince(start, write.action)).toBe(0);

    const status = await write.run(w, subject);
    expect(status, 'the write goes through').toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(400);
    expect(await write.state(w, subject), 'the write changed something').not.toEqual(before);
    expect(await rowsSince(start, write.action), `one "${write.action}" row`).toBe(1);
  });
});
