/**
 * Each patient's channel and hour for the month's touchpoints: learned from
 * their last months of contacts when the practice's sequence learns, the
 * cadence as written when it is fixed (src/planning/channel-choice.ts decides).
 */
import { DateTime } from 'luxon';
import { chooseChannel, fixedChoice, type ChannelChoice } from '../planning/channel-choice.js';
import type { PlannedContact } from '../planning/index.js';
import { contactOutcomesOf, type ContactOutcome } from '../store/contact-history.js';
import type { Patient } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';

/** How far back a patient's contacts are learned from: habits change (a new job, a new phone). */
const HISTORY_DAYS = 90;

export function channelChoice(practice: Practice, patient: Patient, outcomes: readonly ContactOutcome[]): ChannelChoice {
  const usualTime = practice.outreach.cadence.time;
  if (practice.outreach.channelChoice === 'fixed') return fixedChoice(patient.preferredChannel, usualTime);
  const zone = patient.timezone ?? practice.timezone;
  const history = outcomes.map((o) => {
    const local = DateTime.fromJSDate(o.at, { zone });
    return { channel: o.channel, minute: local.hour * 60 + local.minute, answered: o.answered };
  });
  return chooseChannel({ history, preferred: patient.preferredChannel, usualTime, window: patient.contactWindow, quietHours: practice.quietHours });
}

/** The choice for each of `patients`, from one read of their history. */
export async function channelChoices(db: Queryable, practice: Practice, patients: readonly Patient[], now: Date): Promise<Map<string, ChannelChoice>> {
  const outcomes =
    practice.outreach.channelChoice === 'learned'
      ? await contactOutcomesOf(db, patients.map((p) => p.id), new Date(now.getTime() - HISTORY_DAYS * 24 * 60 * 60 * 1000), now)
      : new Map<string, ContactOutcome[]>();
  return new Map(patients.map((p) => [p.id, channelChoice(practice, p, outcomes.get(p.id) ?? [])]));
}

/**
 * A form cannot be filled in on a call: a patient called instead of texted
 * gets the questionnaire's week as a symptoms check-in by phone, so the
 * month keeps its touchpoint.
 */
export const byPhone = (contact: PlannedContact): PlannedContact =>
  contact.kind === 'questionnaire' ? { ...contact, kind: 'check_in', flow: 'symptoms' } : contact;

/** A cadence touchpoint by the chosen channel, with why; the summary is an email whatever the channel. */
export function byChoice(contact: PlannedContact, choice: ChannelChoice): PlannedContact {
  if (contact.kind === 'summary') return contact;
  return { ...(choice.channel === 'voice' ? byPhone(contact) : contact), channel: choice.channel, reason: choice.reason };
}
