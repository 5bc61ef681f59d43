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

/** One local day as instants (ms): [from, to) is the day, the rest its working hours. */
interface Day {
  from: number;
  to: number;
  working: boolean;
  start: number;
  lunchStart: number;
  lunchEnd: number;
  end: number;
  date: string;
  month: string;
}

export class WorkingHours {
  /**
   * Days already turned into instants. The simulation loop asks about the
   * coordinator several times a step, tens of thousands of steps a month, and
   * luxon's timezone arithmetic was a few percent of the whole run's time.
   */
  private readonly days: Day[] = [];
  private last: Day | undefined;

  constructor(private readonly zone: string) {}

  private local(instant: Date) {
    return DateTime.fromJSDate(instant, { zone: this.zone });
  }

  private dayAt(t: number): Day {
    const hit = this.last && t >= this.last.from && t < this.last.to ? this.last : this.days.find((d) => t >= d.from && t < d.to);
    if (hit) return (this.last = hit);
    const day = DateTime.fromMillis(t, { zone: this.zone }).startOf('day');
    const { start, lunchStart, lunchEnd, end } = WORK_MODEL.day;
    const made: Day = {
      from: day.toMillis(),
      to: day.plus({ days: 1 }).startOf('day').toMillis(),
      working: isWorkingDay(day),
      start: at(day, start).toMillis(),
      lunchStart: at(day, lunchStart).toMillis(),
      lunchEnd: at(day, lunchEnd).toMillis(),
      end: at(day, end).toMillis(),
      date: day.toISODate()!,
      month: day.toFormat('yyyy-MM'),
    };
    this.days.push(made);
    return (this.last = made);
  }

  /** At work: a working day, between start and end, lunch excepted. */
  isWorking(instant: Date): boolean {
    const t = instant.getTime();
    const d = this.dayAt(t);
    return d.working && ((t >= d.start && t < d.lunchStart) || (t >= d.lunchEnd && t < d.end));
  }

  /** On the premises (lunch included): an urgent ring reaches her. */
  isOnSite(instant: Date): boolean {
    const t = instant.getTime();
    const d = this.dayAt(t);
    return d.working && t >= d.start && t < d.end;
  }

  /** `instant` itself when she is at work, else when work next begins (after lunch, or the next working morning). */
  nextWorking(instant: Date): Date {
    if (this.isWorking(instant)) return instant;
    const t = instant.getTime();
    let d = this.dayAt(t);
    if (d.working && t < d.start) return new Date(d.start);
    if (d.working && t >= d.lunchStart && t < d.lunchEnd) return new Date(d.lunchEnd);
    do d = this.dayAt(d.to);
    while (!d.working);
    return new Date(d.start);
  }

  /** The local date ('2026-12-01'): attempts are counted per working day. */
  dayOf(instant: Date): string {
    return this.dayAt(instant.getTime()).date;
  }

  /** The month ('2026-12') an instant falls in. */
  monthOf(instant: Date): string {
    return this.dayAt(instant.getTime()).month;
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
