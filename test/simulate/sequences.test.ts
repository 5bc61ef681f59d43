/**
 * The simulator compares the fixed and the learned sequence on one seeded
 * panel (issue 24). The patients' routines (who works days, who seldom reads
 * texts: simulate/routine.ts) are drawn from a stream of their own, so no
 * earlier trait moved, and they keep the panel's daytime text rate. A small
 * panel run twice into its second month, fixed then learned, gives one row
 * each whose figures hold together; whether learned does better is the
 * service's to show and a figure of the report, not pinned here.
 */
import { describe, expect, it } from 'vitest';
import { createPatients } from '../../simulate/patients.js';
import { DEFAULT_PROFILE, parseProfile } from '../../simulate/profile.js';
import { chanceOf, panelLift } from '../../simulate/routine.js';
import { runPanel, SEQUENCES, type SimOptions } from '../../simulate/panel.js';
import { buildReport, type Report } from '../../simulate/report.js';
import { formatComparison } from '../../simulate/format.js';
import { renderHtml } from '../../simulate/html.js';
import { createEmptyDatabase, testDbKind } from '../helpers/database.js';

describe("the patients' routines", () => {
  it('leave every earlier draw as it was, and the model as it was when nobody has one', () => {
    const none = parseProfile({ daytime: { workers: 0 }, textAverse: { share: 0 } });
    const strip = (ps: ReturnType<typeof createPatients>) => ps.map(({ routine: _r, random: _x, profile: _p, ...rest }) => rest);
    const usual = createPatients(11, 200, 30);
    expect(strip(usual)).toEqual(strip(createPatients(11, 200, 30, none)));
    expect(usual.some((p) => p.routine.worksDays)).toBe(true);
    expect(usual.some((p) => p.routine.ignoresTexts)).toBe(true);
    expect(usual.every((p) => p.channel === 'sms' || !p.routine.ignoresTexts)).toBe(true);
    expect(panelLift(none)).toBe(1);
    const plain = { routine: { worksDays: false, ignoresTexts: false }, zone: 'America/Chicago', profile: none };
    expect(chanceOf(plain, 0.5, new Date('2026-12-01T16:00:00Z'), 'text')).toBe(0.5);
  });

  it('keep the panel\'s text rate at the cadence hour, lower a day worker\'s before the evening, and turn a text-averse patient to calls', () => {
    expect(panelLift(DEFAULT_PROFILE)).toBeGreaterThan(1);
    const tuesday10 = new Date('2026-12-01T16:00:00Z'); // 10:00 in Chicago
    const tuesday18 = new Date('2026-12-02T00:00:00Z'); // 18:00
    const patients = createPatients(7, 2000, 30);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sms = patients.filter((p) => p.channel === 'sms');
    const drawn = mean(sms.map((p) => p.answerRate));
    const modelled = mean(sms.map((p) => chanceOf(p, p.answerRate, tuesday10, 'text')));
    expect(Math.abs(modelled - drawn)).toBeLessThan(0.03);
    const worker = sms.find((p) => p.routine.worksDays && !p.routine.ignoresTexts)!;
    expect(chanceOf(worker, worker.answerRate, tuesday10, 'text')).toBeLessThan(chanceOf(worker, worker.answerRate, tuesday18, 'text') / 2);
    const averse = sms.find((p) => p.routine.ignoresTexts && !p.routine.worksDays)!;
    expect(chanceOf(averse, averse.answerRate, tuesday10, 'call')).toBeGreaterThan(3 * chanceOf(averse, averse.answerRate, tuesday10, 'text'));
  });
});

/**
 * Two months in three weeks: from Tuesday November 17 (its week-3 check-in, then the non-responder
 * days from the 20th) to December 9, past December's check-in on the 1st and questionnaire on the
 * 8th, which the learned plan may place from what November's touchpoints taught it. No dose
 * reminders, to keep it quick (each run's cost is mostly clock steps, so days, not patients).
 */
const OPTIONS: SimOptions = { patients: 12, days: 22, seed: 5, practiceTz: 'America/Chicago', startDate: '2026-11-17', profile: parseProfile({ doseReminder: 0 }) };

describe.skipIf(testDbKind() === 'server' || process.env.TESTS_AT_FAKED_TIME === '1')('the fixed and the learned sequence on one seeded panel', () => {
  it('gives a row for each, from the service\'s records, whose figures hold together', async () => {
    const reports: Report[] = [];
    for (const sequence of SEQUENCES) {
      const run = await runPanel({ ...OPTIONS, sequence, db: await createEmptyDatabase() });
      try {
        reports.push(await buildReport(run));
      } finally {
        await run.close();
      }
    }
    const text = formatComparison(reports);
    expect(reports.map((r) => r.sequence.sequence)).toEqual(['fixed', 'learned']);
    for (const r of reports) {
      const s = r.sequence;
      expect(r.invariants.filter((i) => i.violations > 0), text).toEqual([]);
      // The practice was set up with the sequence asked for (its API, or its row).
      expect(s.setting, text).toBe(s.sequence);
      const t = s.touchpoints;
      expect(t.sent, text).toBeGreaterThanOrEqual(OPTIONS.patients * 2);
      expect(t.by.text.sent + t.by.call.sent + t.by.link.sent).toBe(t.sent);
      expect(t.by.text.answered + t.by.call.answered + t.by.link.answered).toBe(t.answered);
      for (const medium of Object.values(t.by)) expect(medium.answered).toBeLessThanOrEqual(medium.sent);
      expect(t.answered, text).toBeGreaterThan(0);
      expect(Object.values(t.hours).reduce((a, b) => a + b, 0)).toBe(t.sent);
      // Both months are there, the second with its first touchpoint.
      expect(s.months.map((m) => m.month), text).toEqual(['2026-11', '2026-12']);
      for (const m of s.months) {
        expect(m.answered).toBeLessThanOrEqual(m.sent);
        expect(m.answeredMonths).toBeLessThanOrEqual(m.patientMonths);
        expect(m.patientMonths).toBeLessThanOrEqual(OPTIONS.patients);
      }
      expect(s.patientMonths.answered).toBeLessThanOrEqual(s.patientMonths.withTouchpoint);
      expect(s.automatedCalls.answered).toBeLessThanOrEqual(s.automatedCalls.placed);
      expect(s.callList.either).toBeLessThanOrEqual(s.callList.unreachable + s.callList.nonResponder);
      expect(s.coordinatorCalls.fromCallList + s.coordinatorCalls.aboutCases).toBe(s.coordinatorCalls.placed);
    }
    // The same panel: the same patients, the same first touchpoint (nothing is learned before it).
    const [fixed, learned] = reports.map((r) => r.sequence);
    expect(learned!.months[0]!.patientMonths).toBe(fixed!.months[0]!.patientMonths);
    // Fixed: every touchpoint at the cadence's 10:00.
    expect(fixed!.touchpoints.offHour, text).toBe(0);
    expect(text).toMatch(/touchpoints answered +\d+ \(\d+\.\d%\) +\d+ \(\d+\.\d%\)/);
    expect(renderHtml(reports[1]!, reports)).toContain('fixed and learned on the same seeded panel');
  }, 120_000);
});
