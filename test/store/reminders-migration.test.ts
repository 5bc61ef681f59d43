/**
 * Upgrading a database with dose reminders planned one per medicine
 * (migration 013): those due at the same time become one reminder, with the
 * slot planning gives it now, so the next planning run adds no second text
 * beside it; what already went is left as it was.
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

describe('migration 013 on a database with reminders planned per medicine', () => {
  it('makes the reminders due at one time one, in the slot planning now gives it', async () => {
    await migrateBefore(db, '013');
    const practice = await one("INSERT INTO practices (name, timezone, phone_number) VALUES ('Riverside', 'America/Chicago', '+15550001111') RETURNING id");
    const patient = await one(
      `INSERT INTO patients (practice_id, first_name, last_name, phone, language, preferred_channel, consent_status, consent_method, consent_recorded_at, consent_recorded_by)
       VALUES ($1, 'Ruth', 'Test', '+15552000001', 'en', 'sms', 'granted', 'verbal', now(), 'test') RETURNING id`,
      [practice.id],
    );
    const medication = async (name: string, times: string[]) =>
      (await one('INSERT INTO medications (patient_id, name, dose, times) VALUES ($1, $2, $3, $4) RETURNING id', [patient.id, name, '1', times])).id as string;
    const metformin = await medication('metformin', ['08:00', '18:38']);
    const lisinopril = await medication('lisinopril', ['18:38']);
    const planned = (medicationId: string, local: string, at: string, status = 'planned') =>
      db.pool.query(
        `INSERT INTO outreach (practice_id, patient_id, kind, flow, medication_id, slot, planned_for, due_at, status, created_at, updated_at)
         VALUES ($1, $2, 'reminder', 'reminder', $3, $4, $5, $5, $6, now(), now())`,
        [practice.id, patient.id, medicationId, `reminder:${medicationId}:${local}`, at, status],
      );
    await planned(metformin, '2026-11-23T18:38', '2026-11-24T00:38:00Z', 'started');
    await planned(lisinopril, '2026-11-23T18:38', '2026-11-24T00:38:00Z', 'started');
    await planned(metformin, '2026-11-24T18:38', '2026-11-25T00:38:00Z');
    await planned(lisinopril, '2026-11-24T18:38', '2026-11-25T00:38:00Z');
    await planned(metformin, '2026-11-25T08:00', '2026-11-25T14:00:00Z');

    expect((await migrate(db.pool)).applied).toContain('013_reminders_together');

    const { rows } = await db.pool.query<{ slot: string }>(`SELECT slot, medication_id, status, planned_for FROM outreach`);
    // Sorted here: the medicines' ids are random, and the two servers collate text differently.
    const bySlot = (a: { slot: string }, b: { slot: string }) => (a.slot < b.slot ? -1 : 1);
    expect(rows.sort(bySlot)).toEqual([
      // What went before stays as it went.
      { slot: `reminder:${lisinopril}:2026-11-23T18:38`, medication_id: lisinopril, status: 'started', planned_for: new Date('2026-11-24T00:38:00Z') },
      { slot: `reminder:${metformin}:2026-11-23T18:38`, medication_id: metformin, status: 'started', planned_for: new Date('2026-11-24T00:38:00Z') },
      { slot: 'reminder:2026-11-24T18:38', medication_id: null, status: 'planned', planned_for: new Date('2026-11-25T00:38:00Z') },
      { slot: 'reminder:2026-11-25T08:00', medication_id: metformin, status: 'planned', planned_for: new Date('2026-11-25T14:00:00Z') },
    ].sort(bySlot));
  });
});
