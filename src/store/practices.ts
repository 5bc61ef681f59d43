import type { PracticePrompts } from '../../prompts/index.js';
import type { BillingSettings } from '../documentation/types.js';
import type { Cadence } from '../planning/index.js';
import { QUESTIONNAIRE_PARTS, type QuestionnairePart } from '../flows/questionnaire/types.js';
import { toIso, type Queryable } from './sql.js';

export interface QuietHours {
  /** 'HH:MM' local time when texting must stop. */
  start: string;
  /** 'HH:MM' local time when texting may resume. */
  end: string;
}

export interface Practice {
  id: string;
  name: string;
  timezone: string;
  phoneNumber: string;
  contactPhone: string;
  quietHours: QuietHours;
  /** 'HH:MM' local time of the coordinators' morning digest. */
  digestTime: string;
  /** How long an elevated alert may wait for a coordinator's review. */
  reviewHours: number;
  /** How long an escalation waits before calling the next coordinator. */
  escalationWaitSeconds: number;
  /** Its own wording for the prompts a practice may change. */
  prompts: PracticePrompts;
  outreach: OutreachSettings;
  /** CCM codes (some may be switched off) or APCM. */
  billing: BillingSettings;
  /** The URI the practice's medical record numbers are issued under (its EHR's); null: the export's default. */
  mrnSystem: string | null;
  createdAt: string;
  updatedAt: string;
}

/** How the practice's outreach runs by itself. */
export interface OutreachSettings {
  cadence: Cadence;
  /** Medication names in texts (off by default: DOMAIN.md). */
  medicationNamesInTexts: boolean;
  /** How long a dose reminder waits for "taken" before the dose is missed. */
  reminderReplyMinutes: number;
  /** Unanswered automated contacts in a row that make a patient unreachable. */
  unreachableAfter: number;
  /** From this day of the month, a patient not heard from this month is a non-responder. */
  nonResponderDay: number;
  /** What the questionnaire asks, when the cadence has one (a slot whose flow is 'questionnaire'). */
  questionnaire: { parts: QuestionnairePart[] };
  /** learned: each patient's touchpoints go by the channel and hour they answer most; fixed: the cadence as written. */
  channelChoice: ChannelChoiceSetting;
}

export type ChannelChoiceSetting = 'learned' | 'fixed';

/** What a practice is created with; settings left out keep their defaults. */
export interface NewPractice {
  name: string;
  timezone: string;
  phoneNumber: string;
  contactPhone?: string | undefined;
  quietHours?: QuietHours | undefined;
  digestTime?: string | undefined;
  reviewHours?: number | undefined;
  escalationWaitSeconds?: number | undefined;
  /** Per key: the new wording by locale, or null to go back to the catalog's. */
  prompts?: Record<string, Partial<Record<string, string>> | null> | undefined;
  outreach?: Partial<OutreachSettings> | undefined;
  billing?: Partial<BillingSettings> | undefined;
  /** null goes back to the default. */
  mrnSystem?: string | null | undefined;
}

export interface PracticeRow {
  id: string;
  name: string;
  timezone: string;
  phone_number: string;
  contact_phone: string | null;
  quiet_start: string;
  quiet_end: string;
  digest_time: string;
  review_hours: number;
  escalation_wait_seconds: number;
  prompts: PracticePrompts;
  cadence: Cadence;
  medication_names_in_texts: boolean;
  reminder_reply_minutes: number;
  unreachable_after: number;
  non_responder_day: number;
  questionnaire: { parts: QuestionnairePart[] } | null;
  channel_choice: ChannelChoiceSetting;
  billing: BillingSettings;
  mrn_system: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export const toPractice = (row: PracticeRow): Practice => ({
  id: row.id,
  name: row.name,
  timezone: row.timezone,
  phoneNumber: row.phone_number,
  contactPhone: row.contact_phone ?? row.phone_number,
  quietHours: { start: row.quiet_start.slice(0, 5), end: row.quiet_end.slice(0, 5) },
  digestTime: row.digest_time.slice(0, 5),
  reviewHours: row.review_hours,
  escalationWaitSeconds: row.escalation_wait_seconds,
  prompts: row.prompts,
  outreach: {
    cadence: row.cadence,
    medicationNamesInTexts: row.medication_names_in_texts,
    reminderReplyMinutes: row.reminder_reply_minutes,
    unreachableAfter: row.unreachable_after,
    nonResponderDay: row.non_responder_day,
    questionnaire: row.questionnaire ?? { parts: [...QUESTIONNAIRE_PARTS] },
    channelChoice: row.channel_choice,
  },
  billing: row.billing,
  mrnSystem: row.mrn_system,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export async function insertPractice(db: Queryable, practice: NewPractice, at: Date): Promise<Practice> {
  const { rows } = await db.query<PracticeRow>(
    `INSERT INTO practices (name, timezone, phone_number, contact_phone, quiet_start, quiet_end, digest_time, review_hours,
       escalation_wait_seconds, prompts, created_at, updated_at)
     VALUES ($1, $2, $3, $4, coalesce($5::time, '21:00'), coalesce($6::time, '08:00'), coalesce($7::time, '07:30'),
       coalesce($8::int, 48), coalesce($9::int, 60), jsonb_strip_nulls(coalesce($10::jsonb, '{}')), $11, $11)
     RETURNING *`,
    [
      practice.name,
      practice.timezone,
      practice.phoneNumber,
      practice.contactPhone ?? null,
      practice.quietHours?.start ?? null,
      practice.quietHours?.end ?? null,
      practice.digestTime ?? null,
      practice.reviewHours ?? null,
      practice.escalationWaitSeconds ?? null,
      practice.prompts ? JSON.stringify(practice.prompts) : null,
      at,
    ],
  );
  const created = toPractice(rows[0]!);
  const settings = { outreach: practice.outreach, billing: practice.billing, mrnSystem: practice.mrnSystem };
  return practice.outreach || practice.billing || practice.mrnSystem ? ((await updatePractice(db, created.id, settings, at)) ?? created) : created;
}

/** Every practice, oldest first. */
export async function listPractices(db: Queryable): Promise<Practice[]> {
  const { rows } = await db.query<PracticeRow>('SELECT * FROM practices ORDER BY created_at, id');
  return rows.map(toPractice);
}

export async function findPractice(db: Queryable, id: string): Promise<Practice | null> {
  const { rows } = await db.query<PracticeRow>('SELECT * FROM practices WHERE id = $1', [id]);
  return rows[0] ? toPractice(rows[0]) : null;
}

export type PracticeChanges = Partial<NewPractice>;

export async function updatePractice(db: Queryable, id: string, changes: PracticeChanges, at: Date): Promise<Practice | null> {
  const { rows } = await db.query<PracticeRow>(
    `UPDATE practices SET
       name = coalesce($2, name),
       timezone = coalesce($3, timezone),
       phone_number = coalesce($4, phone_number),
       contact_phone = coalesce($5, contact_phone),
       quiet_start = coalesce($6::time, quiet_start),
       quiet_end = coalesce($7::time, quiet_end),
       digest_time = coalesce($8::time, digest_time),
       review_hours = coalesce($9::int, review_hours),
       escalation_wait_seconds = coalesce($10::int, escalation_wait_seconds),
       -- A key set to null goes back to the catalog's wording.
       prompts = CASE WHEN $11::jsonb IS NULL THEN prompts ELSE jsonb_strip_nulls(prompts || $11::jsonb) END,
       cadence = coalesce($12::jsonb, cadence),
       medication_names_in_texts = coalesce($13::boolean, medication_names_in_texts),
       reminder_reply_minutes = coalesce($14::int, reminder_reply_minutes),
       unreachable_after = coalesce($15::int, unreachable_after),
       non_responder_day = coalesce($16::int, non_responder_day),
       billing = billing || coalesce($17::jsonb, '{}'),
       updated_at = $18,
       questionnaire = coalesce($19::jsonb, questionnaire),
       channel_choice = coalesce($20, channel_choice),
       mrn_system = CASE WHEN $21 THEN $22 ELSE mrn_system END
     WHERE id = $1 RETURNING *`,
    [
      id,
      changes.name ?? null,
      changes.timezone ?? null,
      changes.phoneNumber ?? null,
      changes.contactPhone ?? null,
      changes.quietHours?.start ?? null,
      changes.quietHours?.end ?? null,
      changes.digestTime ?? null,
      changes.reviewHours ?? null,
      changes.escalationWaitSeconds ?? null,
      changes.prompts ? JSON.stringify(changes.prompts) : null,
      changes.outreach?.cadence ? JSON.stringify(changes.outreach.cadence) : null,
      changes.outreach?.medicationNamesInTexts ?? null,
      changes.outreach?.reminderReplyMinutes ?? null,
      changes.outreach?.unreachableAfter ?? null,
      changes.outreach?.nonResponderDay ?? null,
      changes.billing ? JSON.stringify(changes.billing) : null,
      at,
      changes.outreach?.questionnaire ? JSON.stringify(changes.outreach.questionnaire) : null,
      changes.outreach?.channelChoice ?? null,
      changes.mrnSystem !== undefined,
      changes.mrnSystem ?? null,
    ],
  );
  return rows[0] ? toPractice(rows[0]) : null;
}

/** The practice that owns a Twilio number. */
export async function findPracticeByNumber(db: Queryable, phoneNumber: string): Promise<Practice | null> {
  const { rows } = await db.query<PracticeRow>('SELECT * FROM practices WHERE phone_number = $1', [phoneNumber]);
  return rows[0] ? toPractice(rows[0]) : null;
}
