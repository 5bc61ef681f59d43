/**
 * Upgrading a database whose texts to the care team named their alert only
 * in words (migration 012): each is tied to the alert it was about, so the
 * alert's page lists it; texts about another patient's alert, or about none,
 * are left alone.
 */
import { readFile, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../helpers/database.js';
import { migrate } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/database.js';

const MIGRATIONS = new URL('../../src/store/migrations/', import.meta.url);

let db: Database;
beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(() => db.close());

/** The schema as it stood before: migrations 001 to 011, recorded as migrate() records them. */
async function migrateBefore012(): Promise<void> {
  await db.pool.query('CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const files = (await readdir(MIGRATIONS)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f) && f < '012').sort();
  for (const file of files) {
    await db.pool.query(await readFile(new URL(file, MIGRATIONS), 'utf8'));
    await db.pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file.replace(/\.sql$/, '')]);
  }
}

const one = async (sql: string, values: unknown[] = []) => (await db.pool.query(sql, values)).rows[0] as Record<string, any>;

describe('migration 012 on a database with texts to the care team', () => {
  it('ties each text about an alert to that alert', async () => {
    await migrateBefore012();
    const practice = await one("INSERT INTO practices (name, timezone, phone_number) VALUES ('Riverside', 'America/Chicago', '+15550001111') RETURNING id");
    const patient = async (phone: string) =>
      (
        await one(
          `INSERT INTO patients (practice_id, first_name, last_name, phone, language, preferred_channel, consent_status, consent_method, consent_recorded_at, consent_recorded_by)
           VALUES ($1, 'Ruth', 'Test', $2, 'en', 'sms', 'granted', 'verbal', now(), 'test') RETURNING id`,
          [practice.id, phone],
        )
      ).id as string;
    const ruth = await patient('+15552000001');
    const walter = await patient('+15552000002');
    const alert = (await one("INSERT INTO alerts (practice_id, patient_id, level, reason) VALUES ($1, $2, 'urgent', 'red_flag:fall') RETURNING id", [practice.id, ruth])).id as string;
    const text = async (patientId: string | null, kind: string, body: string) =>
      (
        await one(
          `INSERT INTO messages (practice_id, patient_id, direction, audience, kind, from_number, to_number, body, status)
           VALUES ($1, $2, 'outbound', 'coordinator', $3, '+15550001111', '+15553000001', $4, 'delivered') RETURNING id`,
          [practice.id, patientId, kind, body],
        )
      ).id as string;
    const tag = `Alert ${alert.slice(0, 8)}`;
    const call = await text(ruth, 'alert', `URGENT Riverside: Ruth Test reported a fall. Call the patient now. ${tag}`);
    const everyone = await text(ruth, 'alert_unacknowledged', `URGENT Riverside: nobody has acknowledged ... ${tag}`);
    const otherPatient = await text(walter, 'alert', `URGENT Riverside: Walter Test ... ${tag}`);
    const digest = await text(null, 'digest', 'Good morning from ccm-bot for Riverside: 1 urgent alerts open');

    expect((await migrate(db.pool)).applied).toContain('012_unknown_senders');
    const about = async (id: string) => (await one('SELECT about_alert_id FROM messages WHERE id = $1', [id])).about_alert_id;
    expect(await about(call)).toBe(alert);
    expect(await about(everyone)).toBe(alert);
    expect(await about(otherPatient)).toBeNull();
    expect(await about(digest)).toBeNull();
  });
});
