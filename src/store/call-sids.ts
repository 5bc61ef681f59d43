import type { Queryable } from './sql.js';

/**
 * Which of these Twilio call ids are already recorded against one of our
 * calls: an escalation attempt, a patient's call, or an invitation call (a
 * message). A call found in Twilio's list that is recorded here is someone
 * else's, never the one a retry is looking for.
 */
export async function knownCallSids(db: Queryable, sids: string[]): Promise<Set<string>> {
  if (sids.length === 0) return new Set();
  const { rows } = await db.query<{ call_sid: string }>(
    `SELECT call_sid FROM escalation_attempts WHERE call_sid = ANY($1::text[])
     UNION SELECT call_sid FROM patient_calls WHERE call_sid = ANY($1::text[])
     UNION SELECT twilio_sid FROM messages WHERE twilio_sid = ANY($1::text[])`,
    [sids],
  );
  return new Set(rows.map((row) => row.call_sid));
}
