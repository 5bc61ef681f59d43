/**
 * Questionnaire links: one per questionnaire sent, the tokens of the texts
 * that carry it (hashes only), the visits a token was exchanged for, and the
 * answers kept as the patient goes.
 */
import type { Answers, QuestionnaireDefinition } from '../flows/questionnaire/types.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';

export interface QuestionnaireLink {
  id: string;
  practiceId: string;
  patientId: string;
  outreachId: string;
  definition: QuestionnaireDefinition;
  locale: 'en' | 'es';
  createdAt: string;
  expiresAt: string;
  openedAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  submittedAt: string | null;
  lapsedAt: string | null;
  answers: Answers;
  seen: string[];
  responseMessageId: string | null;
}

interface LinkRow {
  id: string;
  practice_id: string;
  patient_id: string;
  outreach_id: string;
  definition: QuestionnaireDefinition;
  locale: 'en' | 'es';
  created_at: Date | string;
  expires_at: Date | string;
  opened_at: Date | string | null;
  reminded_at: Date | string | null;
  escalated_at: Date | string | null;
  submitted_at: Date | string | null;
  lapsed_at: Date | string | null;
  answers: Answers;
  seen: string[];
  response_message_id: string | null;
}

const toLink = (row: LinkRow): QuestionnaireLink => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  outreachId: row.outreach_id,
  definition: row.definition,
  locale: row.locale,
  createdAt: toIso(row.created_at),
  expiresAt: toIso(row.expires_at),
  openedAt: toIsoOrNull(row.opened_at),
  remindedAt: toIsoOrNull(row.reminded_at),
  escalatedAt: toIsoOrNull(row.escalated_at),
  submittedAt: toIsoOrNull(row.submitted_at),
  lapsedAt: toIsoOrNull(row.lapsed_at),
  answers: row.answers,
  seen: row.seen,
  responseMessageId: row.response_message_id,
});

export interface NewLink {
  practiceId: string;
  patientId: string;
  outreachId: string;
  definition: QuestionnaireDefinition;
  locale: 'en' | 'es';
  createdAt: Date;
  expiresAt: Date;
}

/** The link for a planned contact, once: dispatched twice, the contact has one link. */
export async function insertLink(db: Queryable, link: NewLink): Promise<QuestionnaireLink | null> {
  const { rows } = await db.query<LinkRow>(
    `INSERT INTO questionnaire_links (practice_id, patient_id, outreach_id, definition, locale, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (outreach_id) DO NOTHING RETURNING *`,
    [link.practiceId, link.patientId, link.outreachId, JSON.stringify(link.definition), link.locale, link.createdAt, link.expiresAt],
  );
  return rows[0] ? toLink(rows[0]) : null;
}

export async function findLink(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<QuestionnaireLink | null> {
  const { rows } = await db.query<LinkRow>(`SELECT * FROM questionnaire_links WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toLink(rows[0]) : null;
}

/** The link a text's token opens; null for a token nobody was sent. */
export async function findLinkByToken(db: Queryable, tokenHash: Buffer): Promise<QuestionnaireLink | null> {
  const { rows } = await db.query<LinkRow>(
    'SELECT l.* FROM questionnaire_tokens t JOIN questionnaire_links l ON l.id = t.link_id WHERE t.token_hash = $1',
    [tokenHash],
  );
  return rows[0] ? toLink(rows[0]) : null;
}

/** The link a text that carries one is for (the invitation, the reminder). */
export async function findLinkOfMessage(db: Queryable, messageId: string): Promise<QuestionnaireLink | null> {
  const { rows } = await db.query<LinkRow>(
    'SELECT * FROM questionnaire_links WHERE invite_message_id = $1 OR reminder_message_id = $1',
    [messageId],
  );
  return rows[0] ? toLink(rows[0]) : null;
}

/** The token a text carries, as its hash; a text sent again (its first send was cut short) replaces its own. */
export async function saveToken(db: Queryable, token: { hash: Buffer; linkId: string; messageId: string; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO questionnaire_tokens (token_hash, link_id, message_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (message_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    [token.hash, token.linkId, token.messageId, token.at],
  );
}

export async function markOpened(db: Queryable, linkId: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE questionnaire_links SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL', [linkId, at]);
  return (rowCount ?? 0) > 0;
}

export async function setInvite(db: Queryable, linkId: string, messageId: string): Promise<void> {
  await db.query('UPDATE questionnaire_links SET invite_message_id = $2 WHERE id = $1', [linkId, messageId]);
}

export async function markReminded(db: Queryable, linkId: string, messageId: string, at: Date): Promise<void> {
  await db.query('UPDATE questionnaire_links SET reminded_at = $2, reminder_message_id = $3 WHERE id = $1', [linkId, at, messageId]);
}

export async function markEscalated(db: Queryable, linkId: string, at: Date): Promise<void> {
  await db.query('UPDATE questionnaire_links SET escalated_at = $2 WHERE id = $1', [linkId, at]);
}

export async function markLapsed(db: Queryable, linkId: string, at: Date): Promise<void> {
  await db.query('UPDATE questionnaire_links SET lapsed_at = $2 WHERE id = $1', [linkId, at]);
}

export async function saveProgress(db: Queryable, linkId: string, progress: { answers: Answers; seen: string[] }): Promise<void> {
  await db.query('UPDATE questionnaire_links SET answers = $2, seen = $3 WHERE id = $1', [linkId, JSON.stringify(progress.answers), JSON.stringify(progress.seen)]);
}

export async function markSubmitted(db: Queryable, linkId: string, responseMessageId: string, at: Date): Promise<void> {
  await db.query('UPDATE questionnaire_links SET submitted_at = $2, response_message_id = $3 WHERE id = $1', [linkId, at, responseMessageId]);
}

/** The patient's questionnaires answered in [from, to), oldest first: the month's record reads them. */
export async function listSubmittedLinks(db: Queryable, patientId: string, from: Date, to: Date): Promise<QuestionnaireLink[]> {
  const { rows } = await db.query<LinkRow>(
    'SELECT * FROM questionnaire_links WHERE patient_id = $1 AND submitted_at >= $2 AND submitted_at < $3 ORDER BY submitted_at',
    [patientId, from, to],
  );
  return rows.map(toLink);
}

export interface Visit {
  linkId: string;
  csrf: string;
}

export async function insertVisit(db: Queryable, visit: { cookieHash: Buffer; linkId: string; csrf: string; at: Date; expiresAt: Date }): Promise<void> {
  await db.query('INSERT INTO questionnaire_visits (cookie_hash, link_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    visit.cookieHash,
    visit.linkId,
    visit.csrf,
    visit.at,
    visit.expiresAt,
  ]);
}

/** The visit a cookie belongs to, while it lasts. */
export async function findVisit(db: Queryable, cookieHash: Buffer, now: Date): Promise<Visit | null> {
  const { rows } = await db.query<{ link_id: string; csrf: string }>(
    'SELECT link_id, csrf FROM questionnaire_visits WHERE cookie_hash = $1 AND expires_at > $2',
    [cookieHash, now],
  );
  return rows[0] ? { linkId: rows[0].link_id, csrf: rows[0].csrf } : null;
}

/** A link that matched nothing, from `client`; returns how many it has sent since `since`, this one included. */
export async function noteLinkFailure(db: Queryable, client: string, at: Date, since: Date): Promise<number> {
  await db.query('INSERT INTO questionnaire_link_failures (client, at) VALUES ($1, $2)', [client, at]);
  return linkFailures(db, client, since);
}

export async function linkFailures(db: Queryable, client: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM questionnaire_link_failures WHERE client = $1 AND at >= $2', [client, since]);
  return Number(rows[0]!.n);
}
