/**
 * Enrolment campaigns (migration 023): a practice invites a list of
 * candidates, then reminds them after each of `reminderDays` days without an
 * answer.
 */
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export interface Campaign {
  id: string;
  practiceId: string;
  name: string;
  /** Days after the invitation each reminder is due ([3, 7] by default). */
  reminderDays: number[];
  status: 'running' | 'stopped';
  createdBy: string;
  createdAt: string;
  stoppedAt: string | null;
}

interface CampaignRow {
  id: string;
  practice_id: string;
  name: string;
  reminder_days: number[];
  status: Campaign['status'];
  created_by: string;
  created_at: Date | string;
  stopped_at: Date | string | null;
}

const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  practiceId: row.practice_id,
  name: row.name,
  reminderDays: row.reminder_days.map(Number),
  status: row.status,
  createdBy: row.created_by,
  createdAt: toIso(row.created_at),
  stoppedAt: toIsoOrNull(row.stopped_at),
});

export interface NewCampaign {
  practiceId: string;
  name: string;
  reminderDays: number[];
  createdBy: string;
  at: Date;
}

export async function insertCampaign(db: Queryable, c: NewCampaign): Promise<Campaign> {
  const { rows } = await db.query<CampaignRow>(
    `INSERT INTO campaigns (practice_id, name, reminder_days, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [c.practiceId, c.name, c.reminderDays, c.createdBy, c.at],
  );
  return toCampaign(rows[0]!);
}

/** A campaign by id; only the given practice's when `practiceId` is given. */
export async function findCampaign(db: Queryable, id: string, practiceId?: string): Promise<Campaign | null> {
  const { rows } = await db.query<CampaignRow>('SELECT * FROM campaigns WHERE id = $1 AND ($2::uuid IS NULL OR practice_id = $2)', [id, practiceId ?? null]);
  return rows[0] ? toCampaign(rows[0]) : null;
}

/** A practice's campaigns, newest first. */
export async function listCampaigns(db: Queryable, practiceId: string): Promise<Campaign[]> {
  const { rows } = await db.query<CampaignRow>('SELECT * FROM campaigns WHERE practice_id = $1 ORDER BY created_at DESC, id', [practiceId]);
  return rows.map(toCampaign);
}
