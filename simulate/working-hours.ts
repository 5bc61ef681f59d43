/**
 * The coordinator's working hours in the practice's timezone (WORK_MODEL.day):
 * whether an instant is inside them, when they next begin, and how many
 * working days a run holds. Wall-clock times turned into instants per day,
 * so a daylight-saving change moves nothing.
 */
import { DateTime } from 'luxon';
import { WORK_MODEL } from './work-model.js';

const at = (day: DateTime, hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour: hour!, minute: minute!, second: 0, millisecond: 0 });
};

const isWorkingDay = (day: DateTime) => WORK_MODEL.day.weekdays.includes(day.weekday);

export class WorkingHours {
  constructor(private readonly zone: string) {}

  private local(instant: Date) {
    return DateTime.fromJSDate(instant, { zone: this.zone });
  }

  /** At work: a working day, between start and end, lunch excepted. */
  isWorking(instant: Date): boolean {
    const t = this.local(instant);
    if (!isWorkingDay(t)) return false;
    const { start, lunchStart, lunchEnd, end } = WORK_MODEL.day;
    return (t >= at(t, start) && t < at(t, lunchStart)) || (t >= at(t, lunchEnd) && t < at(t, end));
  }

  /** On the premises (lunch included): an urgent ring reaches her. */
  isOnSite(instant: Date): boolean {
    const t = this.local(instant);
    return isWorkingDay(t) && t >= at(t, WORK_MODEL.day.start) && t < at(t, WORK_MODEL.day.end);
  }

  /** `instant` itself when she is at work, else when work next begins (after lunch, or the next working morning). */
  nextWorking(instant: Date): Date {
    if (this.isWorking(instant)) return instant;
    let day = this.local(instant);
    const { start, lunchStart, lunchEnd } = WORK_MODEL.day;
    if (isWorkingDay(day) && day < at(day, start)) return at(day, start).toJSDate();
    if (isWorkingDay(day) && day >= at(day, lunchStart) && day < at(day, lunchEnd)) return at(day, lunchEnd).toJSDate();
    do day = day.plus({ days: 1 }).startOf('day');
    while (!isWorkingDay(day));
    return at(day, start).toJSDate();
  }

  /** The local date ('2026-12-01'): attempts are counted per working day. */
  dayOf(instant: Date): string {
    return this.local(instant).toISODate()!;
  }

  /** The month ('2026-12') an instant falls in. */
  monthOf(instant: Date): string {
    return this.local(instant).toFormat('yyyy-MM');
  }

  /** Working days that begin in [from, to). */
  workingDays(from: Date, to: Date): number {
    let n = 0;
    for (let day = this.local(from).startOf('day'); day.toJSDate() < to; day = day.plus({ days: 1 })) {
      if (isWorkingDay(day) && at(day, WORK_MODEL.day.start).toJSDate() >= from) n += 1;
    }
    return n;
  }
}
