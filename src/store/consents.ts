/**
 * CCM consent (migration 023): the consent text a practice shows, one row per
 * version and language, never edited; each consent given, with everything a
 * CMS audit asks of it, and later its revocation; and the consent page's
 * links sent to candidates (their tokens and visits kept only as hashes, like
 * the questionnaire's).
 */
import type { MonthConsent } from '../documentation/types.js';
import { toIso, toIsoOrNull, type Queryable } from './sql.js';
import { staffLabel } from './staff.js';

/** What CMS requires a patient be told before CCM starts, by key (DOMAIN.md, "Consent and enrolment"). */
export const CONSENT_ELEMENTS = ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'] as const;
export type ConsentElement = (typeof CONSENT_ELEMENTS)[number];

export type ConsentLanguage = 'en' | 'es';

export interface ConsentText {
  id: string;
  practiceId: string;
  language: ConsentLanguage;
  version: number;
  /** Each element's wording, as published (it may name {practitioner}, filled in per patient). */
  elements: Record<ConsentElement, string>;
  /** The whole text as composed for this version (src/enrolment/consent-text.ts). */
  body: string;
  /** SHA-256 of body, hex. */
  sha256: string;
  createdBy: string;
  createdAt: string;
}

interface ConsentTextRow {
  id: string;
  practice_id: string;
  language: ConsentLanguage;
  version: number;
  elements: Record<ConsentElement, string>;
  body: string;
  sha256: string;
  created_by: string;
  created_at: Date | string;
}

const toConsentText = (row: ConsentTextRow): ConsentText => ({
  id: row.id,
  practiceId: row.practice_id,
  language: row.language,
  version: row.version,
  elements: row.elements,
  body: row.body,
  sha256: row.sha256,
  createdBy: row.created_by,
  createdAt: toIso(row.created_at),
});

/**
 * The exact text a patient is shown: the version's body with their billing
 * practitioner's name ("Alan Grant, MD"). Each consent keeps this text's hash,
 * so it can always be shown again and checked.
 */
export const consentShown = (text: Pick<ConsentText, 'body'>, practitionerName: string): string => text.body.replaceAll('{practitioner}', practitionerName);

export interface NewConsentText {
  practiceId: string;
  language: ConsentLanguage;
  elements: Record<ConsentElement, string>;
  body: string;
  sha256: string;
  createdBy: string;
  at: Date;
}

/**
 * The next version of the practice's text in this language. Null when a
 * concurrent publish took the same version number (the caller tries again:
 * the next statement sees it).
 */
export async function insertConsentText(db: Queryable, t: NewConsentText): Promise<ConsentText | null> {
  const { rows } = await db.query<ConsentTextRow>(
    `INSERT INTO consent_texts (practice_id, language, version, elements, body, sha256, created_by, created_at)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6, $7 FROM consent_texts WHERE practice_id = $1 AND language = $2
     ON CONFLICT (practice_id, language, version) DO NOTHING RETURNING *`,
    [t.practiceId, t.language, JSON.stringify(t.elements), t.body, t.sha256, t.createdBy, t.at],
  );
  return rows[0] ? toConsentText(rows[0]) : null;
}

/** The practice's newest version in this language; null before any. */
export async function latestConsentText(db: Queryable, practiceId: string, language: ConsentLanguage): Promise<ConsentText | null> {
  const { rows } = await db.query<ConsentTextRow>(
    'SELECT * FROM consent_texts WHERE practice_id = $1 AND language = $2 ORDER BY version DESC LIMIT 1',
    [practiceId, language],
  );
  return rows[0] ? toConsentText(rows[0]) : null;
}

export async function findConsentText(db: Queryable, id: string): Promise<ConsentText | null> {
  const { rows } = await db.query<ConsentTextRow>('SELECT * FROM consent_texts WHERE id = $1', [id]);
  return rows[0] ? toConsentText(rows[0]) : null;
}

/** Several texts by id (the month's consents each name theirs). */
export async function findConsentTexts(db: Queryable, ids: readonly string[]): Promise<Map<string, ConsentText>> {
  const { rows } = await db.query<ConsentTextRow>('SELECT * FROM consent_texts WHERE id = ANY($1)', [ids]);
  return new Map(rows.map((row) => [row.id, toConsentText(row)]));
}

export type ConsentMethod = 'electronic_signature' | 'verbal';

export interface CcmConsent {
  id: string;
  practiceId: string;
  patientId: string;
  candidateId: string | null;
  method: ConsentMethod;
  obtainedAt: string;
  /** Who obtained it: the staff member (verbal), or the consent page (electronic signature). */
  obtainedBy: string;
  obtainedByStaffId: string | null;
  billingPractitionerId: string;
  consentTextId: string;
  /** SHA-256 (hex) of the exact text shown: the version's body with the billing practitioner's name. */
  textSha256: string;
  elementsAcknowledged: ConsentElement[];
  /** The full name typed as the signature; null for a verbal consent. */
  signatureName: string | null;
  revokedAt: string | null;
  /** yyyy-mm-dd: the last day of the month the patient asked to stop in (the practice's timezone). */
  revocationEffectiveOn: string | null;
  revokedHow: string | null;
  revokedRecordedBy: string | null;
}

interface CcmConsentRow {
  id: string;
  practice_id: string;
  patient_id: string;
  candidate_id: string | null;
  method: ConsentMethod;
  obtained_at: Date | string;
  obtained_by: string;
  obtained_by_staff_id: string | null;
  billing_practitioner_id: string;
  consent_text_id: string;
  text_sha256: string;
  elements_acknowledged: ConsentElement[];
  signature_name: string | null;
  revoked_at: Date | string | null;
  revocation_effective_on: Date | string | null;
  revoked_how: string | null;
  revoked_recorded_by: string | null;
}

/** A date column as yyyy-mm-dd, whichever way the driver gives it. */
const toDay = (value: Date | string | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

const toCcmConsent = (row: CcmConsentRow): CcmConsent => ({
  id: row.id,
  practiceId: row.practice_id,
  patientId: row.patient_id,
  candidateId: row.candidate_id,
  method: row.method,
  obtainedAt: toIso(row.obtained_at),
  obtainedBy: row.obtained_by,
  obtainedByStaffId: row.obtained_by_staff_id,
  billingPractitionerId: row.billing_practitioner_id,
  consentTextId: row.consent_text_id,
  textSha256: row.text_sha256,
  elementsAcknowledged: row.elements_acknowledged,
  signatureName: row.signature_name,
  revokedAt: toIsoOrNull(row.revoked_at),
  revocationEffectiveOn: toDay(row.revocation_effective_on),
  revokedHow: row.revoked_how,
  revokedRecordedBy: row.revoked_recorded_by,
});

export interface NewCcmConsent {
  practiceId: string;
  patientId: string;
  candidateId: string | null;
  method: ConsentMethod;
  obtainedAt: Date;
  obtainedBy: string;
  obtainedByStaffId: string | null;
  billingPractitionerId: string;
  consentTextId: string;
  textSha256: string;
  elementsAcknowledged: readonly ConsentElement[];
  signatureName: string | null;
}

export async function insertCcmConsent(db: Queryable, c: NewCcmConsent): Promise<CcmConsent> {
  const { rows } = await db.query<CcmConsentRow>(
    `INSERT INTO ccm_consents (practice_id, patient_id, candidate_id, method, obtained_at, obtained_by, obtained_by_staff_id,
       billing_practitioner_id, consent_text_id, text_sha256, elements_acknowledged, signature_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      c.practiceId,
      c.patientId,
      c.candidateId,
      c.method,
      c.obtainedAt,
      c.obtainedBy,
      c.obtainedByStaffId,
      c.billingPractitionerId,
      c.consentTextId,
      c.textSha256,
      [...c.elementsAcknowledged],
      c.signatureName,
    ],
  );
  return toCcmConsent(rows[0]!);
}

/** The patient's consents, oldest first; only those obtained before `before` when given (a month's record). */
export async function listCcmConsents(db: Queryable, patientId: string, options: { before?: Date } = {}): Promise<CcmConsent[]> {
  const { rows } = await db.query<CcmConsentRow>(
    'SELECT * FROM ccm_consents WHERE patient_id = $1 AND ($2::timestamptz IS NULL OR obtained_at < $2) ORDER BY obtained_at, id',
    [patientId, options.before ?? null],
  );
  return rows.map(toCcmConsent);
}

/** The consent in force (not revoked), newest first, locked for the caller's transaction. */
export async function findActiveCcmConsent(db: Queryable, patientId: string): Promise<CcmConsent | null> {
  const { rows } = await db.query<CcmConsentRow>(
    'SELECT * FROM ccm_consents WHERE patient_id = $1 AND revoked_at IS NULL ORDER BY obtained_at DESC, id DESC LIMIT 1 FOR UPDATE',
    [patientId],
  );
  return rows[0] ? toCcmConsent(rows[0]) : null;
}

/** Stamps the revocation once; null when it was revoked already. */
export async function revokeCcmConsent(
  db: Queryable,
  id: string,
  r: { at: Date; effectiveOn: string; how: string; recordedBy: string },
): Promise<CcmConsent | null> {
  const { rows } = await db.query<CcmConsentRow>(
    `UPDATE ccm_consents SET revoked_at = $2, revocation_effective_on = $3, revoked_how = $4, revoked_recorded_by = $5
     WHERE id = $1 AND revoked_at IS NULL RETURNING *`,
    [id, r.at, r.effectiveOn, r.how, r.recordedBy],
  );
  return rows[0] ? toCcmConsent(rows[0]) : null;
}

export interface ConsentLink {
  id: string;
  practiceId: string;
  candidateId: string;
  createdAt: string;
  expiresAt: string;
  openedAt: string | null;
  signedAt: string | null;
  declinedAt: string | null;
}

interface ConsentLinkRow {
  id: string;
  practice_id: string;
  candidate_id: string;
  created_at: Date | string;
  expires_at: Date | string;
  opened_at: Date | string | null;
  signed_at: Date | string | null;
  declined_at: Date | string | null;
}

const toConsentLink = (row: ConsentLinkRow): ConsentLink => ({
  id: row.id,
  practiceId: row.practice_id,
  candidateId: row.candidate_id,
  createdAt: toIso(row.created_at),
  expiresAt: toIso(row.expires_at),
  openedAt: toIsoOrNull(row.opened_at),
  signedAt: toIsoOrNull(row.signed_at),
  declinedAt: toIsoOrNull(row.declined_at),
});

export async function insertConsentLink(db: Queryable, l: { practiceId: string; candidateId: string; createdAt: Date; expiresAt: Date }): Promise<ConsentLink> {
  const { rows } = await db.query<ConsentLinkRow>(
    'INSERT INTO consent_links (practice_id, candidate_id, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING *',
    [l.practiceId, l.candidateId, l.createdAt, l.expiresAt],
  );
  return toConsentLink(rows[0]!);
}

export async function findConsentLink(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<ConsentLink | null> {
  const { rows } = await db.query<ConsentLinkRow>(`SELECT * FROM consent_links WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? toConsentLink(rows[0]) : null;
}

/** The candidate's newest link (a second "yes" sends a new one; the older ones' jobs then do nothing). */
export async function latestConsentLink(db: Queryable, candidateId: string): Promise<ConsentLink | null> {
  const { rows } = await db.query<ConsentLinkRow>(
    'SELECT * FROM consent_links WHERE candidate_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
    [candidateId],
  );
  return rows[0] ? toConsentLink(rows[0]) : null;
}

/** The link a text token opens; null for a token nobody was sent. */
export async function findConsentLinkByToken(db: Queryable, tokenHash: Buffer): Promise<ConsentLink | null> {
  const { rows } = await db.query<ConsentLinkRow>(
    'SELECT l.* FROM consent_tokens t JOIN consent_links l ON l.id = t.link_id WHERE t.token_hash = $1',
    [tokenHash],
  );
  return rows[0] ? toConsentLink(rows[0]) : null;
}

/**
 * The link a text carries (the link's text, or its reminder): the newest of
 * its candidate's links made by the time the text was queued.
 */
export async function findConsentLinkOfMessage(db: Queryable, messageId: string): Promise<ConsentLink | null> {
  const { rows } = await db.query<ConsentLinkRow>(
    `SELECT l.* FROM messages m JOIN consent_links l ON l.candidate_id = m.candidate_id AND l.created_at <= m.created_at
     WHERE m.id = $1 ORDER BY l.created_at DESC, l.id DESC LIMIT 1`,
    [messageId],
  );
  return rows[0] ? toConsentLink(rows[0]) : null;
}

/** The token a text carries, as its hash; a text sent again (its first send was cut short) replaces its own. */
export async function saveConsentToken(db: Queryable, token: { hash: Buffer; linkId: string; messageId: string; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO consent_tokens (token_hash, link_id, message_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (message_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    [token.hash, token.linkId, token.messageId, token.at],
  );
}

export async function markConsentLinkOpened(db: Queryable, linkId: string, at: Date): Promise<void> {
  await db.query('UPDATE consent_links SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL', [linkId, at]);
}

export async function markConsentLinkSigned(db: Queryable, linkId: string, at: Date): Promise<void> {
  await db.query('UPDATE consent_links SET signed_at = $2 WHERE id = $1 AND signed_at IS NULL', [linkId, at]);
}

/** The candidate said no (on the page, by text, to a person): none of their links asks again. */
export async function declineOpenConsentLinks(db: Queryable, candidateId: string, at: Date): Promise<void> {
  await db.query('UPDATE consent_links SET declined_at = $2 WHERE candidate_id = $1 AND signed_at IS NULL AND declined_at IS NULL', [candidateId, at]);
}

export interface ConsentVisit {
  linkId: string;
  csrf: string;
}

export async function insertConsentVisit(db: Queryable, visit: { cookieHash: Buffer; linkId: string; csrf: string; at: Date; expiresAt: Date }): Promise<void> {
  await db.query('INSERT INTO consent_visits (cookie_hash, link_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    visit.cookieHash,
    visit.linkId,
    visit.csrf,
    visit.at,
    visit.expiresAt,
  ]);
}

/** The visit a cookie belongs to, while it lasts. */
export async function findConsentVisit(db: Queryable, cookieHash: Buffer, now: Date): Promise<ConsentVisit | null> {
  const { rows } = await db.query<{ link_id: string; csrf: string }>(
    'SELECT link_id, csrf FROM consent_visits WHERE cookie_hash = $1 AND expires_at > $2',
    [cookieHash, now],
  );
  return rows[0] ? { linkId: rows[0].link_id, csrf: rows[0].csrf } : null;
}

/** Whether the candidate was sent a consent reminder since `since` (the link's making): a reminder job run twice sends one. */
export async function consentReminderSent(db: Queryable, candidateId: string, since: Date): Promise<boolean> {
  const { rows } = await db.query(
    "SELECT 1 FROM messages WHERE candidate_id = $1 AND direction = 'outbound' AND kind = 'consent_reminder' AND created_at >= $2 LIMIT 1",
    [candidateId, since],
  );
  return rows.length > 0;
}

/**
 * The patient's consents obtained before `before` (the month's end), oldest
 * first, as the month's record keeps them: with the text as shown and who
 * the billing practitioner is.
 */
export async function listMonthConsents(db: Queryable, patientId: string, before: Date): Promise<MonthConsent[]> {
  const { rows } = await db.query<CcmConsentRow & { version: number; language: ConsentLanguage; body: string; name: string; credential: string | null; npi: string | null }>(
    `SELECT c.*, t.version, t.language, t.body, s.name, s.credential, s.npi
     FROM ccm_consents c JOIN consent_texts t ON t.id = c.consent_text_id JOIN coordinators s ON s.id = c.billing_practitioner_id
     WHERE c.patient_id = $1 AND c.obtained_at < $2 ORDER BY c.obtained_at, c.id`,
    [patientId, before],
  );
  return rows.map((row) => {
    const consent = toCcmConsent(row);
    const practitioner = { id: consent.billingPractitionerId, name: row.name, credential: row.credential, npi: row.npi };
    return {
      id: consent.id,
      method: consent.method,
      obtainedAt: consent.obtainedAt,
      obtainedBy: { name: consent.obtainedBy, staffId: consent.obtainedByStaffId },
      billingPractitioner: practitioner,
      text: { id: consent.consentTextId, version: row.version, language: row.language, shown: consentShown(row, staffLabel(practitioner)), sha256: consent.textSha256 },
      elementsAcknowledged: consent.elementsAcknowledged,
      signatureName: consent.signatureName,
      revokedAt: consent.revokedAt,
      revocationEffectiveOn: consent.revocationEffectiveOn,
      revokedHow: consent.revokedHow,
    };
  });
}
