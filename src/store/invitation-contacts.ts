/**
 * The contacts campaigns start (migration 023), one row each: the caps (one
 * a local day, three in any 7 days) are counted from them, and a step is
 * written once, so a job run twice sends nothing twice.
 */
import { toIso, type Queryable } from './sql.js';

export type ContactPurpose = 'invitation' | 'reminder' | 'consent_reminder';

export interface InvitationContact {
  id: string;
  candidateId: string;
  campaignId: string;
  step: number;
  purpose: ContactPurpose;
  channel: 'sms' | 'voice';
  messageId: string | null;
  at: Date;
}

interface Row {
  id: string;
  candidate_id: string;
  campaign_id: string;
  step: number;
  purpose: ContactPurpose;
  channel: 'sms' | 'voice';
  message_id: string | null;
  at: Date | string;
}

const toContact = (row: Row): InvitationContact => ({
  id: row.id,
  candidateId: row.candidate_id,
  campaignId: row.campaign_id,
  step: row.step,
  purpose: row.purpose,
  channel: row.channel,
  messageId: row.message_id,
  at: new Date(toIso(row.at)),
});

/** Every contact started with the candidate (by any campaign, any purpose), oldest first: what the caps count. */
export async function listContacts(db: Queryable, candidateId: string): Promise<InvitationContact[]> {
  const { rows } = await db.query<Row>('SELECT * FROM invitation_contacts WHERE candidate_id = $1 ORDER BY at, id', [candidateId]);
  return rows.map(toContact);
}

export interface NewContact {
  practiceId: string;
  candidateId: string;
  campaignId: string;
  step: number;
  purpose: ContactPurpose;
  channel: 'sms' | 'voice';
  at: Date;
}

/**
 * Writes a step once: null when this campaign already made this step with
 * this candidate (a job that ran twice), and then nothing is written.
 */
export async function insertContactOnce(db: Queryable, c: NewContact): Promise<InvitationContact | null> {
  const { rows } = await db.query<Row>(
    `INSERT INTO invitation_contacts (practice_id, candidate_id, campaign_id, step, purpose, channel, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (campaign_id, candidate_id, purpose, step) DO NOTHING RETURNING *`,
    [c.practiceId, c.candidateId, c.campaignId, c.step, c.purpose, c.channel, c.at],
  );
  return rows[0] ? toContact(rows[0]) : null;
}

/** The message (a text, or a call's record) that carried the contact. */
export async function setContactMessage(db: Queryable, contactId: string, messageId: string): Promise<void> {
  await db.query('UPDATE invitation_contacts SET message_id = $2 WHERE id = $1', [contactId, messageId]);
}
