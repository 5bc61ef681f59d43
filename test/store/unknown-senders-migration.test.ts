/**
 * Upgrading a database whose texts to the care team named their alert only
 * in words (migration 012): each is tied to the alert it was about, so the
 * alert's page lists it; texts about another patient's alert, or about none,
 * are left alone.
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

describe('migration 012 on a database with texts to the care team', () => {
  it('ties each text about an alert to that alert', async () => {
    await migrateBefore(db, '012');
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
