/**
 * Upgrading a database that has alerts but no cases (migration 011): each
 * patient's unresolved alerts become their one case, by the rules the
 * service keeps cases by afterwards; resolved alerts stay without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, migrateBefore } from '../helpers/database.js';
import { migrate } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/database.js';

const T = (minutes: number) => new Date(Date.parse('2026-11-24T15:00:00Z') + minutes * 60_000).toISOString();

let db: Database;
beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(() => db.close());

const one = async (sql: string, values: unknown[] = []) => (await db.pool.query(sql, values)).rows[0] as Record<string, any>;

async function patient(practiceId: string, firstName: string, phone: string) {
  return one(
    `INSERT INTO patients (practice_id, first_name, last_name, phone, language, preferred_channel, consent_status, consent_method, consent_recorded_at, consent_recorded_by)
     VALUES ($1, $2, 'Test', $3, 'en', 'sms', 'granted', 'verbal', $4, 'test') RETURNING id`,
    [practiceId, firstName, phone, T(0)],
  );
}

async function alert(p: { practice_id: string; id: string }, a: { level: string; reason: string; status: string; at: number; by?: string; ackAt?: number }) {
  return one(
    `INSERT INTO alerts (practice_id, patient_id, level, reason, status, created_at, updated_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10) RETURNING id`,
    [
      p.practice_id,
      p.id,
      a.level,
      a.reason,
      a.status,
      T(a.at),
      a.ackAt === undefined ? null : T(a.ackAt),
      a.by ?? null,
      a.status === 'resolved' ? T(a.ackAt ?? a.at) : null,
      a.status === 'resolved' ? (a.by ?? null) : null,
    ],
  );
}

describe('migration 011 on a database with alerts', () => {
  it("makes each patient's unresolved alerts one case, and leaves resolved alerts without one", async () => {
    await migrateBefore(db, '011');
    const practice = await one("INSERT INTO practices (name, timezone, phone_number) VALUES ('Riverside', 'America/Chicago', '+15550001111') RETURNING id");
    const nora = await one("INSERT INTO coordinators (practice_id, name, phone, role) VALUES ($1, 'Nora Nurse', '+15553000001', 'nurse') RETURNING id", [practice.id]);
    const omar = await one("INSERT INTO coordinators (practice_id, name, phone, role) VALUES ($1, 'Omar Ortiz', '+15553000002', 'nurse') RETURNING id", [practice.id]);
    const withOpen = { practice_id: practice.id, ...(await patient(practice.id, 'Open', '+15552000001')) } as { practice_id: string; id: string };
    const seen = { practice_id: practice.id, ...(await patient(practice.id, 'Seen', '+15552000002')) } as { practice_id: string; id: string };
    const done = { practice_id: practice.id, ...(await patient(practice.id, 'Done', '+15552000003')) } as { practice_id: string; id: string };

    await alert(withOpen, { level: 'elevated', reason: 'bp_high', status: 'acknowledged', at: 0, by: nora.id, ackAt: 5 });
    await alert(withOpen, { level: 'urgent', reason: 'red_flag:fall', status: 'open', at: 10 });
    await alert(seen, { level: 'elevated', reason: 'concern:pain', status: 'acknowledged', at: 0, by: nora.id, ackAt: 20 });
    await alert(seen, { level: 'elevated', reason: 'refill_needed', status: 'acknowledged', at: 1, by: omar.id, ackAt: 30 });
    const old = await alert(seen, { level: 'urgent', reason: 'red_flag:chest_pain', status: 'resolved', at: -600, by: nora.id, ackAt: -590 });
    await alert(done, { level: 'urgent', reason: 'red_flag:chest_pain', status: 'resolved', at: -600, by: nora.id, ackAt: -590 });

    // 011 first; later migrations follow it.
    expect((await migrate(db.pool)).applied[0]).toBe('011_cases');

    const cases = (
      await db.pool.query(
        `SELECT p.first_name, c.level, c.status, c.opened_at, c.updated_at, c.acknowledged_at, c.acknowledged_by, c.resolved_at,
                (SELECT count(*)::int FROM alerts a WHERE a.case_id = c.id) AS alerts
         FROM cases c JOIN patients p ON p.id = c.patient_id ORDER BY p.first_name`,
      )
    ).rows;
    expect(cases).toEqual([
      { first_name: 'Open', level: 'urgent', status: 'open', opened_at: new Date(T(0)), updated_at: new Date(T(10)), acknowledged_at: null, acknowledged_by: null, resolved_at: null, alerts: 2 },
      // Acknowledged when, and by whom, its last open alert was.
      { first_name: 'Seen', level: 'elevated', status: 'acknowledged', opened_at: new Date(T(0)), updated_at: new Date(T(1)), acknowledged_at: new Date(T(30)), acknowledged_by: omar.id, resolved_at: null, alerts: 2 },
    ]);
    expect((await one('SELECT case_id FROM alerts WHERE id = $1', [old.id])).case_id).toBeNull();
    // The service's own index holds: one unresolved case per patient.
    await expect(db.pool.query("INSERT INTO cases (practice_id, patient_id, level, opened_at, updated_at) VALUES ($1, $2, 'elevated', now(), now())", [practice.id, seen.id])).rejects.toThrow(/cases_one_unresolved_idx/);
  });
});
