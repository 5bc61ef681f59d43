/**
 * Outreach that runs itself: what the service plans to send each patient and
 * when. Pure: plain data in, plain data out; src/outreach stores the plan and
 * src/conversation sends it.
 */
import type { CheckInFlow } from '../flows/types.js';
import type { Channel, ChoiceReason } from './channel-choice.js';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** What a cadence slot sends: a check-in flow, the questionnaire by link (week 2 in the article's sequence), or the summary by email (week 4). */
export type CadenceFlow = CheckInFlow | 'questionnaire' | 'summary';

/** One contact of the monthly cadence: the `week`th `weekday` of the month (1-4, or 5 = the last). */
export interface CadenceSlot {
  week: number;
  weekday: Weekday;
  flow: CadenceFlow;
}

/** The practice's monthly cadence, at one local time of day. */
export interface Cadence {
  /** 'HH:MM' in the patient's timezone. */
  time: string;
  slots: CadenceSlot[];
}

/** When a patient wants to be contacted: these days, between these local times. */
export interface ContactWindow {
  days: Weekday[];
  /** 'HH:MM' */
  start: string;
  /** 'HH:MM', after start */
  end: string;
}

export type OutreachKind = 'check_in' | 'reminder' | 'refill_prompt' | 'questionnaire' | 'summary';

/** One contact the service will make. `slot` names it: the same contact is planned once. */
export interface PlannedContact {
  kind: OutreachKind;
  flow: 'wellness' | 'medication' | 'symptoms' | 'reminder' | 'refill' | 'questionnaire' | 'summary';
  /** The medication it is about; for a reminder, only when it is for just one. */
  medicationId?: string;
  /** A reminder: every medication due at its time, in one text. */
  medicationIds?: string[];
  slot: string;
  at: Date;
  /** A cadence touchpoint's channel, when the plan chose one (src/outreach/channel.ts); otherwise the patient's own. */
  channel?: Channel;
  reason?: ChoiceReason;
}

export interface MedicationPlan {
  id: string;
  /** Local times of day ('08:00'). */
  times: readonly string[];
  /** 'YYYY-MM-DD' */
  refillDueOn: string | null;
  active: boolean;
  /** Reminder texts at the dose times. */
  reminders: boolean;
}
