/**
 * What became of each patient's earlier automated contacts: by which channel
 * and when each went, and whether the patient answered it. What the learned
 * sequence learns from (src/planning/channel-choice.ts).
 */
import type { Queryable } from './sql.js';

export interface ContactOutcome {
  channel: 'sms' | 'voice';
  /** When it went. */
  at: Date;
  answered: boolean;
}

/**
 * Each patient's contacts started in [from, to), settled ones only: a
 * check-in still waiting for its answer, or a questionnaire link still open,
 * says nothing yet. A text or call is answered when the patient replied in
 * its conversation (a key pressed on a call is a reply); a questionnaire link
 * when the form was sent back. Dose reminders do not count: many patients
 * take the dose and never answer "taken", which says nothing of whether they
 * would answer a check-in then.
 */
export async function contactOutcomesOf(db: Queryable, patientIds: readonly string[], from: Date, to: Date): Promise<Map<string, ContactOutcome[]>> {
  const outcomes = new Map<string, ContactOutcome[]>(patientIds.map((id) => [id, []]));
  if (patientIds.length === 0) return outcomes;
  const { rows } = await db.query<{ patient_id: string; channel: 'sms' | 'voice'; at: Date; answered: boolean }>({
    name: 'contact-outcomes',
    text: `SELECT o.patient_id, coalesce(c.channel, 'sms') AS channel, coalesce(c.started_at, q.created_at, o.due_at) AS at,
              CASE WHEN o.kind = 'questionnaire' THEN q.submitted_at IS NOT NULL
                   ELSE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = o.conversation_id AND m.direction = 'inbound') END AS answered
           FROM outreach o
           LEFT JOIN conversations c ON c.id = o.conversation_id
           LEFT JOIN questionnaire_links q ON q.outreach_id = o.id
           WHERE o.patient_id = ANY($1) AND o.status = 'started' AND o.kind IN ('check_in', 'refill_prompt', 'questionnaire')
             AND o.due_at >= $2 AND o.due_at < $3
             AND (c.id IS NULL OR c.status <> 'active')
             AND (q.id IS NULL OR q.submitted_at IS NOT NULL OR q.lapsed_at IS NOT NULL)
           ORDER BY o.due_at`,
    values: [patientIds, from, to],
  });
  for (const row of rows) outcomes.get(row.patient_id)?.push({ channel: row.channel, at: new Date(row.at), answered: row.answered });
  return outcomes;
}
