import { toIso, toIsoOrNull, type Queryable } from './sql.js';

/** How a call attempt ended, as far as the escalation is concerned. */
export type AttemptOutcome = 'bridged' | 'acknowledged' | 'passed' | 'no_key' | 'voicemail' | 'no_answer' | 'busy' | 'failed' | 'hung_up';

export interface EscalationAttempt {
  id: string;
  alertId: string;
  step: number;
  round: number;
  coordinatorId: string | null;
  kind: 'call' | 'final_texts';
  token: string | null;
  callSid: string | null;
  /**
   * The call's last known status: queued (claimed, waiting its turn), placing
   * (Twilio asked, no answer recorded yet), then Twilio's: ringing, answered,
   * in-progress, completed, busy, ... or simulated.
   */
  status: string;
  outcome: AttemptOutcome | null;
  answeredBy: string | null;
  bridgeSeconds: number | null;
  startedAt: string;
  endedAt: string | null;
}

interface AttemptRow {
  id: string;
  alert_id: string;
  step: number;
  round: number;
  coordinator_id: string | null;
  kind: 'call' | 'final_texts';
  token: string | null;
  call_sid: string | null;
  status: string;
  outcome: AttemptOutcome | null;
  answered_by: string | null;
  bridge_seconds: number | null;
  started_at: Date;
  ended_at: Date | null;
}

const toAttempt = (row: AttemptRow): EscalationAttempt => ({
  id: row.id,
  alertId: row.alert_id,
  step: row.step,
  round: row.round,
  coordinatorId: row.coordinator_id,
  kind: row.kind,
  token: row.token,
  callSid: row.call_sid,
  status: row.status,
  outcome: row.outcome,
  answeredBy: row.answered_by,
  bridgeSeconds: row.bridge_seconds,
  startedAt: toIso(row.started_at),
  endedAt: toIsoOrNull(row.ended_at),
});

export interface NewAttempt {
  alertId: string;
  step: number;
  round: number;
  coordinatorId: string | null;
  kind: 'call' | 'final_texts';
  token: string | null;
  status: string;
  startedAt: Date;
}

/** Claims a step of an escalation; null when it was taken already (the step runs once). */
export async function claimStep(db: Queryable, a: NewAttempt): Promise<EscalationAttempt | null> {
  const { rows } = await db.query<AttemptRow>(
    `INSERT INTO escalation_attempts (alert_id, step, round, coordinator_id, kind, token, status, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (alert_id, step) DO NOTHING RETURNING *`,
    [a.alertId, a.step, a.round, a.coordinatorId, a.kind, a.token, a.status, a.startedAt],
  );
  return rows[0] ? toAttempt(rows[0]) : null;
}

export async function findAttemptByToken(db: Queryable, token: string): Promise<EscalationAttempt | null> {
  const { rows } = await db.query<AttemptRow>('SELECT * FROM escalation_attempts WHERE token = $1', [token]);
  return rows[0] ? toAttempt(rows[0]) : null;
}

export async function findAttempt(db: Queryable, alertId: string, step: number): Promise<EscalationAttempt | null> {
  const { rows } = await db.query<AttemptRow>('SELECT * FROM escalation_attempts WHERE alert_id = $1 AND step = $2', [alertId, step]);
  return rows[0] ? toAttempt(rows[0]) : null;
}

export async function listAttempts(db: Queryable, alertId: string): Promise<EscalationAttempt[]> {
  const { rows } = await db.query<AttemptRow>('SELECT * FROM escalation_attempts WHERE alert_id = $1 ORDER BY step', [alertId]);
  return rows.map(toAttempt);
}

export interface AttemptUpdate {
  callSid?: string | null;
  status?: string;
  answeredBy?: string | null;
  bridgeSeconds?: number | null;
  /** Set once: the first outcome is what happened. */
  outcome?: AttemptOutcome;
  endedAt?: Date | null;
}

/** Records what is known of an attempt's call; an outcome or end time, once set, stays. */
export async function updateAttempt(db: Queryable, id: string, u: AttemptUpdate): Promise<EscalationAttempt | null> {
  const { rows } = await db.query<AttemptRow>(
    `UPDATE escalation_attempts SET
       call_sid = coalesce(call_sid, $2),
       status = coalesce($3, status),
       answered_by = coalesce($4, answered_by),
       bridge_seconds = coalesce($5, bridge_seconds),
       outcome = coalesce(outcome, $6),
       ended_at = coalesce(ended_at, $7)
     WHERE id = $1 RETURNING *`,
    [id, u.callSid ?? null, u.status ?? null, u.answeredBy ?? null, u.bridgeSeconds ?? null, u.outcome ?? null, u.endedAt ?? null],
  );
  return rows[0] ? toAttempt(rows[0]) : null;
}

/**
 * The attempt's call is about to be asked of Twilio, at `at`: from now on it
 * may exist there even if its id is never recorded. An attempt still `queued`
 * after a restart never got this far, so its call was never placed. The call
 * starts now, not when it was claimed: calls are asked of Twilio in the order
 * of their turns (the pacer's), which may differ from the order of their
 * claims, and a restart matches Twilio's calls to ours in that order.
 */
export async function markPlacing(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query("UPDATE escalation_attempts SET status = 'placing', started_at = $2 WHERE id = $1 AND call_sid IS NULL AND status = 'queued'", [id, at]);
}

/** Records Twilio's id for the attempt's call; its status too, unless a status callback already said more. */
export async function recordPlacedCall(db: Queryable, id: string, call: { callSid: string | null; status: string }): Promise<void> {
  await db.query(
    `UPDATE escalation_attempts SET call_sid = coalesce(call_sid, $2),
       status = CASE WHEN status IN ('queued', 'placing') THEN $3 ELSE status END
     WHERE id = $1`,
    [id, call.callSid, call.status],
  );
}

/**
 * Calls to a coordinator, started since `since`, that may be at Twilio with
 * no id recorded here: every call attempt without an id that got as far as
 * asking Twilio (`queued` never did; `simulated` never leaves). A call found
 * at Twilio and not recorded belongs to one of these; they are listed in the
 * order their calls were asked for (started_at is moved to the turn by markPlacing).
 */
export async function listCallsWithoutSid(db: Queryable, coordinatorId: string, since: Date): Promise<EscalationAttempt[]> {
  const { rows } = await db.query<AttemptRow>(
    `SELECT * FROM escalation_attempts
     WHERE coordinator_id = $1 AND kind = 'call' AND call_sid IS NULL AND status NOT IN ('queued', 'simulated') AND started_at >= $2
     ORDER BY started_at, id`,
    [coordinatorId, since],
  );
  return rows.map(toAttempt);
}
