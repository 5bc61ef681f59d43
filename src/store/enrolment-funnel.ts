/**
 * The enrolment funnel: how many candidates were invited, reached, became
 * interested, consented, declined, opted out or went unanswered in a period,
 * each counted by its own timestamp (migration 023), so a candidate invited
 * in March who consents in April counts as invited in March and consented in
 * April. For the practice, one campaign, or each campaign.
 */
import type { Queryable } from './sql.js';

export interface FunnelCounts {
  invited: number;
  reached: number;
  interested: number;
  consented: number;
  declined: number;
  optedOut: number;
  noAnswer: number;
}

export interface CampaignFunnel {
  campaignId: string;
  name: string;
  createdAt: string;
  counts: FunnelCounts;
}

/** Each step's count in [from, to): one FILTER per timestamp column. */
const COUNTS = `
  count(*) FILTER (WHERE c.invited_at >= $2 AND c.invited_at < $3)::int AS invited,
  count(*) FILTER (WHERE c.reached_at >= $2 AND c.reached_at < $3)::int AS reached,
  count(*) FILTER (WHERE c.interested_at >= $2 AND c.interested_at < $3)::int AS interested,
  count(*) FILTER (WHERE c.consented_at >= $2 AND c.consented_at < $3)::int AS consented,
  count(*) FILTER (WHERE c.declined_at >= $2 AND c.declined_at < $3)::int AS declined,
  count(*) FILTER (WHERE c.opted_out_at >= $2 AND c.opted_out_at < $3)::int AS opted_out,
  count(*) FILTER (WHERE c.no_answer_at >= $2 AND c.no_answer_at < $3)::int AS no_answer`;

interface CountRow {
  invited: number;
  reached: number;
  interested: number;
  consented: number;
  declined: number;
  opted_out: number;
  no_answer: number;
}

const toCounts = (r: CountRow | undefined): FunnelCounts => ({
  invited: r?.invited ?? 0,
  reached: r?.reached ?? 0,
  interested: r?.interested ?? 0,
  consented: r?.consented ?? 0,
  declined: r?.declined ?? 0,
  optedOut: r?.opted_out ?? 0,
  noAnswer: r?.no_answer ?? 0,
});

/** The practice's funnel for [from, to), or one campaign's when `campaignId` is given. */
export async function funnelCounts(db: Queryable, practiceId: string, range: { from: Date; to: Date }, campaignId?: string): Promise<FunnelCounts> {
  const { rows } = await db.query<CountRow>(
    `SELECT ${COUNTS} FROM candidates c WHERE c.practice_id = $1 AND ($4::uuid IS NULL OR c.campaign_id = $4)`,
    [practiceId, range.from, range.to, campaignId ?? null],
  );
  return toCounts(rows[0]);
}

/** Each campaign of the practice with its funnel for [from, to), newest campaign first (those with nothing in the period too). */
export async function funnelByCampaign(db: Queryable, practiceId: string, range: { from: Date; to: Date }): Promise<CampaignFunnel[]> {
  const { rows } = await db.query<CountRow & { campaign_id: string; name: string; created_at: Date }>(
    `SELECT k.id AS campaign_id, k.name, k.created_at, ${COUNTS}
     FROM campaigns k LEFT JOIN candidates c ON c.campaign_id = k.id AND c.practice_id = k.practice_id
     WHERE k.practice_id = $1
     GROUP BY k.id, k.name, k.created_at
     ORDER BY k.created_at DESC, k.id`,
    [practiceId, range.from, range.to],
  );
  return rows.map((r) => ({ campaignId: r.campaign_id, name: r.name, createdAt: new Date(r.created_at).toISOString(), counts: toCounts(r) }));
}
