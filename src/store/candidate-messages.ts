/**
 * The texts and calls to and from a candidate (messages.candidate_id), as
 * the candidate's page shows them: oldest first. A consent link is stored as
 * "/c/[link]", never its token.
 */
import { toIso, type Queryable } from './sql.js';

export interface CandidateMessage {
  id: string;
  /** When it left (or was queued, if it has not), or came in. */
  at: string;
  direction: 'inbound' | 'outbound';
  channel: 'sms' | 'voice' | 'form';
  kind: string;
  body: string;
  status: string;
}

/** At most `limit` of the candidate's messages, the latest ones, oldest first. */
export async function listCandidateMessages(db: Queryable, candidateId: string, limit = 200): Promise<CandidateMessage[]> {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    direction: CandidateMessage['direction'];
    channel: CandidateMessage['channel'];
    kind: string;
    body: string;
    status: string;
  }>(
    `SELECT * FROM (
       SELECT id, COALESCE(sent_at, created_at) AS at, direction, channel, kind, body, status, seq
       FROM messages WHERE candidate_id = $1 ORDER BY COALESCE(sent_at, created_at) DESC, seq DESC LIMIT $2
     ) latest ORDER BY at, seq`,
    [candidateId, limit],
  );
  return rows.map((r) => ({ id: r.id, at: toIso(r.at), direction: r.direction, channel: r.channel, kind: r.kind, body: r.body, status: r.status }));
}
