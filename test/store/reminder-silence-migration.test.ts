/**
 * Upgrading a database where unanswered dose reminders were stored as missed
 * doses (migration 014): they become reminder_unanswered, which triage and
 * the month's adherence do not count; doses a patient said they missed stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, migrateBefore } from '../helpers/database.js';
import { migrate } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/database.js';

let db: Database;
beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(() => db.close());

const one = async (sql: string, values: unknown[] = []) => (await db.pool.query(sql, values)).rows[0] as Record<string, any>;

describe('migration 014 on a database with silence stored as missed doses', () => {
  it('turns each unanswered reminder into reminder_unanswered and leaves reported doses alone', async () => {
    await migrateBefore(db, '014');
    const practice = await one("INSERT INTO practices (name, timezone, phone_number) VALUES ('Riverside', 'America/Chicago', '+15550001111') RETURNING id");
    const patient = await one(
      `INSERT INTO patients (practice_id, first_name, last_name, phone, language, preferred_channel, consent_status, consent_method, consent_recorded_at, consent_recorded_by)
       VALUES ($1, 'Ruth', 'Test', '+15552000001', 'en', 'sms', 'granted', 'verbal', now(), 'test') RETURNING id`,
      [practice.id],
    );
    const observe = (value: object) =>
      db.pool.query(`INSERT INTO observations (practice_id, patient_id, kind, value, observed_at) VALUES ($1, $2, 'medication_adherence', $3, now())`, [
        practice.id,
        patient.id,
        JSON.stringify(value),
      ]);
    await observe({ medicationId: 'm1', taken: false, reason: 'no_reply' });
    await observe({ medicationId: 'm1', taken: false, reason: 'forgot' });
    await observe({ medicationId: 'm2', taken: true });

    expect((await migrate(db.pool)).applied).toContain('014_reminder_silence');

    const { rows } = await db.pool.query('SELECT kind, value FROM observations ORDER BY seq');
    expect(rows).toEqual([
      { kind: 'reminder_unanswered', value: { medicationId: 'm1' } },
      { kind: 'medication_adherence', value: { medicationId: 'm1', taken: false, reason: 'forgot' } },
      { kind: 'medication_adherence', value: { medicationId: 'm2', taken: true } },
    ]);
  });
});
