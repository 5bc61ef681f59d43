/**
 * The patient model's routines in the run (routine.ts): for the patients who
 * work days, those who seldom read texts, and the rest, how often they
 * answered the questions the service started by text, on weekdays before the
 * evening and at other times, and how often they picked up its check-in calls.
 * From the simulator's own records (like the engagement rows): a check that
 * the model does what profile.ts says, not a measure of the service.
 */
import { DateTime } from 'luxon';
import type { SimRun } from './panel.js';
import type { SimPatient } from './patients.js';
import { panelLift } from './routine.js';
import type { Rate } from './report-texts.js';

export interface RoutineFigures {
  /** The odds factor every drawn rate is lifted by, so the panel's daytime text rate stays the drawn rates' (routine.ts). */
  lift: number;
  groups: Array<{ group: 'works days' | 'ignores texts' | 'neither'; patients: number; daytime: Rate; evening: Rate; calls: Rate }>;
}

export function routineFigures(run: SimRun): RoutineFigures {
  const { profile, practiceTz } = run.options;
  const daytime = (at: Date) => {
    const local = DateTime.fromJSDate(at, { zone: practiceTz });
    return local.weekday <= 5 && local.hour < profile.daytime.eveningFrom;
  };
  const byIndex = new Map(run.patients.map((p) => [p.index, p]));
  const byPhone = new Map(run.patients.map((p) => [p.phone, p]));
  const groups = [
    ['works days', (p: SimPatient) => p.routine.worksDays],
    ['ignores texts', (p: SimPatient) => p.routine.ignoresTexts],
    ['neither', (p: SimPatient) => !p.routine.worksDays && !p.routine.ignoresTexts],
  ] as const;
  return {
    lift: Math.round(panelLift(profile) * 100) / 100,
    groups: groups.map(([group, is]) => {
      const asked = run.asked.filter((a) => is(byIndex.get(a.patient)!));
      const rate = (xs: typeof asked): Rate => ({ asked: xs.length, answered: xs.filter((a) => a.answered).length });
      const calls = run.twilio.phones.records.filter((r) => r.kind === 'check_in' && byPhone.has(r.to) && is(byPhone.get(r.to)!));
      return {
        group,
        patients: run.patients.filter(is).length,
        daytime: rate(asked.filter((a) => daytime(a.at))),
        evening: rate(asked.filter((a) => !daytime(a.at))),
        calls: { asked: calls.length, answered: calls.filter((c) => c.outcome === 'human').length },
      };
    }),
  };
}
