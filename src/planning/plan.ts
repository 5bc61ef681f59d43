/**
 * The contacts a patient is due between two instants: the practice's monthly
 * check-ins (moved into the patient's contact window), a reminder at each
 * dose time, and a refill question 3 days before a refill is due.
 */
import { DateTime } from 'luxon';
import { atLocal, localDates, minutesOf } from './local-time.js';
import { WEEKDAYS, type Cadence, type CadenceSlot, type ContactWindow, type MedicationPlan, type PlannedContact, type Weekday } from './types.js';

/** Days before a refill is due that the patient is asked whether they have it. */
export const REFILL_NOTICE_DAYS = 3;

const weekdayNumber = (day: Weekday) => WEEKDAYS.indexOf(day) + 1;

/** The local date of a cadence slot in a month ('2026-12'): the nth weekday, or the last for week 5. */
export function slotDate(month: string, slot: Pick<CadenceSlot, 'week' | 'weekday'>): string {
  const first = DateTime.fromISO(`${month}-01`);
  const offset = (weekdayNumber(slot.weekday) - first.weekday + 7) % 7;
  let day = first.plus({ days: offset + (slot.week - 1) * 7 });
  if (slot.week === 5) {
    while (day.plus({ days: 7 }).month === first.month) day = day.plus({ days: 7 });
    while (day.month !== first.month) day = day.minus({ days: 7 });
  }
  return day.toISODate()!;
}

/**
 * The first moment at or after the local `date` and `time` that is inside the
 * window, within a week; the slot as it is when there is no window.
 */
export function intoWindow(date: string, time: string, zone: string, window: ContactWindow | null): Date {
  if (!window) return atLocal(date, time, zone);
  const start = DateTime.fromISO(date, { zone });
  for (let days = 0; days < 7; days += 1) {
    const day = start.plus({ days });
    if (!window.days.includes(WEEKDAYS[day.weekday - 1]!)) continue;
    const earliest = days === 0 ? Math.max(minutesOf(time), minutesOf(window.start)) : minutesOf(window.start);
    if (earliest >= minutesOf(window.end)) continue;
    const hhmm = `${String(Math.floor(earliest / 60)).padStart(2, '0')}:${String(earliest % 60).padStart(2, '0')}`;
    return atLocal(day.toISODate()!, hhmm, zone);
  }
  return atLocal(date, time, zone);
}

/** The months ('2026-12') from the one of `from` to the one of `to`, local time. */
function months(from: Date, to: Date, zone: string): string[] {
  const list: string[] = [];
  const last = DateTime.fromJSDate(to, { zone }).startOf('month');
  for (let month = DateTime.fromJSDate(from, { zone }).startOf('month'); month <= last; month = month.plus({ months: 1 })) list.push(month.toFormat('yyyy-MM'));
  return list;
}

const within = (at: Date, from: Date, to: Date) => at.getTime() >= from.getTime() && at.getTime() < to.getTime();

export interface PatientPlan {
  zone: string;
  cadence: Cadence;
  window: ContactWindow | null;
  medications: readonly MedicationPlan[];
}

/** The cadence's check-ins (and questionnaires) in [from, to). */
export function cadenceContacts(plan: PatientPlan, from: Date, to: Date): PlannedContact[] {
  return months(from, to, plan.zone).flatMap((month) =>
    plan.cadence.slots.flatMap((slot): PlannedContact[] => {
      const at = intoWindow(slotDate(month, slot), plan.cadence.time, plan.zone, plan.window);
      const key = `check_in:${month}:${slot.week}:${slot.weekday}:${slot.flow}`;
      const kind = slot.flow === 'questionnaire' || slot.flow === 'summary' ? slot.flow : 'check_in';
      return within(at, from, to) ? [{ kind, flow: slot.flow, slot: key, at }] : [];
    }),
  );
}

/**
 * One reminder for each time in [from, to) that medicines are due, for all
 * of them: two medicines at 18:38 are one text that says two, never two
 * texts a patient might both act on (a double dose). A local time that
 * happens twice is one reminder; times that fall together on a
 * daylight-saving day (02:30 and 03:00 on the day 02:30 does not exist) are
 * one too. The slot is the local time it goes, so a plan made twice is one.
 */
export function reminderContacts(plan: PatientPlan, from: Date, to: Date): PlannedContact[] {
  const dates = localDates(from, to, plan.zone);
  const due = new Map<number, string[]>();
  for (const medication of plan.medications.filter((m) => m.active && m.reminders)) {
    for (const date of dates) {
      for (const time of medication.times) {
        const at = atLocal(date, time, plan.zone);
        if (!within(at, from, to)) continue;
        const ids = due.get(at.getTime()) ?? [];
        if (!ids.includes(medication.id)) ids.push(medication.id);
        due.set(at.getTime(), ids);
      }
    }
  }
  return [...due].map(([time, medicationIds]): PlannedContact => {
    const at = new Date(time);
    const slot = `reminder:${DateTime.fromJSDate(at, { zone: plan.zone }).toFormat("yyyy-MM-dd'T'HH:mm")}`;
    return { kind: 'reminder', flow: 'reminder', ...(medicationIds.length === 1 ? { medicationId: medicationIds[0]! } : {}), medicationIds, slot, at };
  });
}

/** The refill questions in [from, to), at the cadence's time of day, 3 days before each refill is due. */
export function refillContacts(plan: PatientPlan, from: Date, to: Date): PlannedContact[] {
  return plan.medications
    .filter((m) => m.active && m.refillDueOn)
    .flatMap((medication): PlannedContact[] => {
      const askOn = DateTime.fromISO(medication.refillDueOn!).minus({ days: REFILL_NOTICE_DAYS }).toISODate()!;
      const at = intoWindow(askOn, plan.cadence.time, plan.zone, plan.window);
      const slot = `refill:${medication.id}:${medication.refillDueOn}`;
      return within(at, from, to) ? [{ kind: 'refill_prompt', flow: 'refill', medicationId: medication.id, slot, at }] : [];
    });
}

/** Everything due in [from, to), in time order. */
export function plannedContacts(plan: PatientPlan, from: Date, to: Date): PlannedContact[] {
  return [...cadenceContacts(plan, from, to), ...reminderContacts(plan, from, to), ...refillContacts(plan, from, to)].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.slot.localeCompare(b.slot),
  );
}

