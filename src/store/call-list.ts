/**
 * The facts the call list is made of: open alerts, unreachable patients,
 * patients whose number cannot take texts or whose email address bounced, patients not heard from since a
 * date, and planned texts not sent because the patient takes calls; and the candidates a campaign left for a
 * person to call. src/alerts/call-list.ts puts them in order.
 */
import { patientsInContact } from './month-activity.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

/** Who to call, patient or candidate: enough to dial and greet them. */
export interface PersonToCall {
  id: string;
  firstName: string;
  lastName: string;
  phone: string;
  language: 'en' | 'es';
  preferredChannel: 'sms' | 'voice';
}

export interface CallListPatient extends PersonToCall {
  lastReplyAt: string | null;
  unreachableAt: string | null;
  /** Twilio said the number cannot take texts: nothing goes out until staff correct it. */
  phoneInvalidAt: string | null;
  /** The mail server refused their address for good: nothing is emailed until staff change it. */
  emailBouncedAt: string | null;
}

export interface CallListFacts {
  patients: Map<string, CallListPatient>;
  alerts: Array<{ patientId: string; level: 'urgent' | 'elevated'; reason: string; since: string; reviewDueAt: string | null }>;
  /** Patients asked this month and not in two-way contact since it began (only asked for from the non-responder day). */
  silentSince: Set<string>;
}

interface PatientRow {
  id: string;
  first_name: string;
  last_name: string;
  phone: string;
  language: 'en' | 'es';
  preferred_channel: 'sms' | 'voice';
  last_reply_at: Date | string | null;
  unreachable_at: Date | string | null;
  phone_invalid_at: Date | string | null;
  email_bounced_at: Date | string | null;
}

/** Enrolled, consented patients who are not paused at `now`. */
const ACTIVE = `p.practice_id = $1 AND p.status = 'enrolled' AND p.consent_status = 'granted'
  AND (p.paused_at IS NULL OR (p.paused_until IS NOT NULL AND p.paused_until <= $2))`;

export async function callListFacts(db: Queryable, practiceId: string, now: Date, monthStart: Date | null): Promise<CallListFacts> {
  // One after another: `db` may be a transaction's client, which runs one query at a time.
  const alerts = await db.query<{ patient_id: string; level: 'urgent' | 'elevated'; reason: string; created_at: Date; review_due_at: Date | null }>(
    `SELECT a.patient_id, a.level, a.reason, a.created_at, a.review_due_at FROM alerts a JOIN patients p ON p.id = a.patient_id
     WHERE a.practice_id = $1 AND a.status <> 'resolved' AND p.status = 'enrolled'`,
    [practiceId],
  );
  const unreachable = await db.query<{ id: string }>(
    `SELECT p.id FROM patients p WHERE ${ACTIVE} AND (p.unreachable_at IS NOT NULL OR p.phone_invalid_at IS NOT NULL OR p.email_bounced_at IS NOT NULL)`,
    [practiceId, now],
  );
  // Silent: asked this month (a check-in texted or rung, a questionnaire sent) and answered none. A patient
  // enrolled yesterday has not been asked anything yet, and is nobody's call to make.
  const silent = monthStart
    ? await db.query<{ id: string }>(
        `SELECT p.id FROM patients p WHERE ${ACTIVE} AND (p.last_reply_at IS NULL OR p.last_reply_at < $3)
           AND (EXISTS (SELECT 1 FROM messages m WHERE m.patient_id = p.id AND m.direction = 'outbound' AND m.audience = 'patient'
                          AND m.kind IN ('check_in', 'questionnaire_invite') AND m.created_at >= $3)
             OR EXISTS (SELECT 1 FROM patient_calls c WHERE c.patient_id = p.id AND c.direction = 'outbound' AND c.started_at >= $3))`,
        [practiceId, now, monthStart],
      )
    : { rows: [] as Array<{ id: string }> };
  // A coordinator who reached them by phone this month (a call logged, a call answered) has had the month's contact.
  const reached = monthStart ? await patientsInContact(db, silent.rows.map((r) => r.id), { from: monthStart, to: now }) : new Set<string>();
  const silentSince = silent.rows.map((r) => r.id).filter((id) => !reached.has(id));
  const ids = new Set([...alerts.rows.map((r) => r.patient_id), ...unreachable.rows.map((r) => r.id), ...silentSince]);
  const { rows } = await db.query<PatientRow>(
    'SELECT id, first_name, last_name, phone, language, preferred_channel, last_reply_at, unreachable_at, phone_invalid_at, email_bounced_at FROM patients WHERE id = ANY($1)',
    [[...ids]],
  );
  return {
    patients: new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          firstName: r.first_name,
          lastName: r.last_name,
          phone: r.phone,
          language: r.language,
          preferredChannel: r.preferred_channel,
          lastReplyAt: toIsoOrNull(r.last_reply_at),
          unreachableAt: toIsoOrNull(r.unreachable_at),
          phoneInvalidAt: toIsoOrNull(r.phone_invalid_at),
          emailBouncedAt: toIsoOrNull(r.email_bounced_at),
        },
      ]),
    ),
    alerts: alerts.rows.map((r) => ({
      patientId: r.patient_id,
      level: r.level,
      reason: r.reason,
      since: toIso(r.created_at),
      reviewDueAt: toIsoOrNull(r.review_due_at),
    })),
    silentSince: new Set(silentSince),
  };
}

/** A candidate (invited, not enrolled) left for a person to call about their invitation. */
export interface InvitationToCall extends PersonToCall {
  state: string;
  callReason: 'no_answer' | 'consent_unsigned' | 'asked_for_call' | 'voice_interest';
  callListedAt: string;
}

/**
 * Candidates on the call list: listed for a call and still open (one who has
 * consented, said no or opted out since needs no call), longest waiting first.
 */
export async function invitationsToCall(db: Queryable, practiceId: string): Promise<InvitationToCall[]> {
  const { rows } = await db.query<{
    id: string;
    first_name: string;
    last_name: string;
    phone: string;
    language: 'en' | 'es';
    preferred_channel: 'sms' | 'voice';
    state: string;
    call_reason: InvitationToCall['callReason'];
    call_listed_at: Date | string;
  }>(
    `SELECT id, first_name, last_name, phone, language, preferred_channel, state, call_reason, call_listed_at FROM candidates
     WHERE practice_id = $1 AND call_listed_at IS NOT NULL AND call_reason IS NOT NULL AND state NOT IN ('consented', 'declined', 'opted_out')
     ORDER BY call_listed_at, id`,
    [practiceId],
  );
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
    language: r.language,
    preferredChannel: r.preferred_channel,
    state: r.state,
    callReason: r.call_reason,
    callListedAt: toIso(r.call_listed_at),
  }));
}
