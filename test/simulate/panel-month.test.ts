/**
 * The panel-month simulator on small panels: 30 patients for a fortnight, and
 * 15 across a month end, fixed seeds. The service's own code runs the days
 * and a simulated coordinator works Today through the API (simulate/); this
 * checks the invariants hold, the report's figures exist and make sense (no
 * figure is pinned: the model may change), a closed month is approved, and
 * the same seed gives the same report.
 */
import { describe, expect, it } from 'vitest';
import { runPanel, type SimOptions } from '../../simulate/panel.js';
import { buildReport, type Report } from '../../simulate/report.js';
import { formatReport } from '../../simulate/format.js';
import { renderHtml } from '../../simulate/html.js';
import { WORK_MODEL } from '../../simulate/work-model.js';
import { createEmptyDatabase, testDbKind } from '../helpers/database.js';

const OPTIONS: SimOptions = { patients: 30, days: 14, seed: 11, practiceTz: 'America/Chicago' };
/** November, for 20 patients, and into December: November closes on day 29, and the coordinator approves it. Time logged for real work alone must make some patients billable. */
const MONTH_END: SimOptions = { patients: 20, days: 31, seed: 11, practiceTz: 'America/Chicago', startDate: '2026-11-02' };

/**
 * Concerning texts the service is known not to raise, by corpus ref, with why.
 * Pinned rather than hidden: a new miss fails this test, and so does a fix
 * (then remove it here).
 */
const KNOWN_MISSES: Record<string, string> = {};

async function simulate(options: SimOptions): Promise<Report> {
  const run = await runPanel({ ...options, db: await createEmptyDatabase() });
  try {
    return await buildReport(run);
  } finally {
    await run.close();
  }
}

/** Every rule holds (the known misses aside). */
function expectRulesKept(report: Report) {
  const byName = Object.fromEntries(report.invariants.map((i) => [i.name, i]));
  const failed = report.invariants.filter((i) => i.violations > 0 && i.name !== 'every concerning text reached a person');
  expect(failed, formatReport(report)).toEqual([]);
  expect(report.reachedNobody, formatReport(report)).toEqual(Object.keys(KNOWN_MISSES));
  expect(byName['every concerning text reached a person']!.violations).toBe(Object.keys(KNOWN_MISSES).length);
  // The new invariants are checked, not just absent.
  for (const name of [
    'every urgent alert rang the on-call chain within a minute',
    "no billed minute from bot activity (every time entry is the coordinator's)",
    "every month's codes consistent with its minutes",
    'every Twilio webhook answered (no 4xx or 5xx)',
    'every call recorded by the service as it went',
    'everything concerning said on a call reached a person',
    "every completed form's answers are in the patient's observations",
    'everything concerning written on a form reached a person',
    'every self-harm answer took the crisis path and raised an urgent alert',
    'no questionnaire token in any stored message body',
    'no form request answered 5xx',
    'every form screen the patients posted was taken',
  ]) {
    expect(byName[name], name).toBeDefined();
  }
}

/** The coordinator's figures are there and make sense, whatever the model's numbers. */
function expectSaneFigures(r: Report) {
  const w = r.workload;
  expect(w.workingDays).toBeGreaterThan(0);
  expect(w.calls.attempted).toBeGreaterThan(0);
  expect(w.calls.completed).toBeLessThanOrEqual(w.calls.attempted);
  expect(w.calls.completedPerDay).toBeLessThanOrEqual(w.calls.attemptedPerDay);
  expect(w.hoursPerDay.outreach).toBeGreaterThan(0);
  expect(w.hoursPerDay.outreach).toBeLessThanOrEqual(w.hoursPerDay.total);
  expect(w.hoursPerDay.total).toBeLessThanOrEqual(WORK_MODEL.fullDayHours);
  expect(w.contact.reached).toBeLessThanOrEqual(w.contact.patients);
  expect(w.contact.rate).toBeGreaterThan(0);
  expect(w.contact.rate).toBeLessThanOrEqual(1);
  expect(w.patientsPerCoordinator.atOutreachShare).toBeGreaterThan(0);
  expect(w.patientsPerCoordinator.atOutreachShare!).toBeLessThanOrEqual(w.patientsPerCoordinator.wholeDay!);
  expect(w.documentation.minutesPerPatient).toBeGreaterThan(0);
  // Each text she wrote from a case is one stored text to the patient: a repeat of the request sends nothing twice.
  expect(r.texts.byKind.care_team_text ?? 0).toBe(w.texts.sent);

  for (const s of Object.values(r.latency)) {
    if (s.n === 0) continue;
    expect(s.medianMinutes!).toBeGreaterThanOrEqual(0);
    expect(s.p95Minutes!).toBeGreaterThanOrEqual(s.medianMinutes!);
  }
  if (r.alerts.urgent > 0) expect(r.latency.urgentRang.p95Minutes!).toBeLessThanOrEqual(1);
  expect(r.latency.concerns.n + r.latency.concerns.waiting).toBeGreaterThan(0);

  expect(r.billing.months.length).toBeGreaterThan(0);
  for (const m of r.billing.months) {
    expect(m.billable).toBeLessThanOrEqual(m.patientsWithTime);
    expect(m.patientsWithTime).toBeLessThanOrEqual(r.patients);
    expect(m.approved).toBeLessThanOrEqual(m.billable);
    for (const [code, units] of Object.entries(m.codes)) expect(units, code).toBeGreaterThan(0);
  }

  const page = renderHtml(r);
  expect(page).toMatch(/^<!doctype html>/);
  expect(page).toContain('<svg');
  expect(page).not.toMatch(/<script|<link|src="http|href="http/);
}

/**
 * The week-2 questionnaire went out by text (the article's sequence), and its figures hold
 * together: a link for each patient who takes texts, opened and completed no more often than
 * sent, every form request answered, the response rate a share.
 */
function expectQuestionnaire(r: Report) {
  const f = r.questionnaire;
  expect(f.links, formatReport(r)).toBeGreaterThan(0);
  // Twilio took no more link texts than the service wrote.
  expect(f.sent).toBeGreaterThan(0);
  expect(f.sent).toBeLessThanOrEqual(r.texts.byKind.questionnaire_invite!);
  expect(f.reminded).toBeLessThanOrEqual(r.texts.byKind.questionnaire_reminder ?? 0);
  expect(f.reminded).toBeLessThanOrEqual(f.sent);
  expect(f.opened, formatReport(r)).toBeGreaterThan(0);
  expect(f.opened).toBeLessThanOrEqual(f.links);
  expect(f.completed).toBeLessThanOrEqual(f.opened);
  expect(f.completed + f.lapsed + f.stillOpen).toBe(f.links);
  expect(f.lapsedOpened).toBeLessThanOrEqual(f.lapsed);
  expect(f.rate!).toBeGreaterThanOrEqual(0);
  expect(f.rate!).toBeLessThanOrEqual(1);
  expect(f.cameBack).toBeLessThanOrEqual(f.leftPartWay);
  expect(f.finishedAfterComingBack).toBeLessThanOrEqual(f.cameBack);
  // Each completed form has its PHQ-2 (the mood part is on by default).
  expect(f.phq.phq2).toBe(f.completed);
  expect(f.phq.phq9).toBeLessThanOrEqual(f.phq.phq2);
  expect(f.selfHarm.alerted).toBe(f.selfHarm.answers);
  expect(f.requests.total).toBeGreaterThan(0);
  expect(Object.keys(f.requests.byStatus).every((status) => Number(status) < 500)).toBe(true);
  expect(renderHtml(r)).toContain('The week-2 questionnaire');
}

/**
 * The service's calls were answered through its own voice webhooks: check-in calls picked up
 * by patients whose keys and words became observations in the database, and the coordinator's
 * ring acknowledged by key (she is at work for the fortnight's urgent alert). The service
 * recorded every call as it went (an invariant in expectRulesKept).
 */
function expectCallsAnswered(r: Report) {
  const c = r.calls;
  const placed = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  expect(placed(c.checkIn)).toBe(c.toPatients);
  expect(placed(c.rings)).toBe(c.toCoordinators);
  expect(c.checkIn.human, formatReport(r)).toBeGreaterThan(0);
  expect(c.checkIn.human).toBeLessThan(placed(c.checkIn));
  expect(c.responses).toBeGreaterThanOrEqual(c.checkIn.human!);
  expect(c.observationsFromCalls, formatReport(r)).toBeGreaterThan(0);
  if (r.alerts.urgent > 0) {
    expect(c.rings.human, formatReport(r)).toBeGreaterThan(0);
    expect(c.ringsAcknowledged).toBeGreaterThan(0);
    expect(c.ringsAcknowledged).toBeLessThanOrEqual(c.rings.human!);
    expect(r.latency.urgentAcknowledged.n).toBeGreaterThan(0);
  }
}

// One database is enough: this is about the service's behaviour over a month, not the store.
// Its clock is its own (the month starts 2026-12-01), so the runs at faked machine times (.ci/run) skip it.
describe.skipIf(testDbKind() === 'server' || process.env.TESTS_AT_FAKED_TIME === '1')('a simulated panel with its coordinator', () => {
  it('keeps every rule over a fortnight for 30 patients, and the same seed gives the same report', async () => {
    const first = await simulate(OPTIONS);
    expectRulesKept(first);
    // The month really happened: texts went out, patients answered about two in three, some wrote concerning texts.
    expect(first.texts.byKind.check_in).toBeGreaterThan(30);
    expect(first.answered.rate).toBeGreaterThan(0.4);
    expect(first.answered.rate).toBeLessThan(0.9);
    expect(first.written.concerning).toBeGreaterThan(0);
    expect(first.alerts.cases).toBeGreaterThan(0);
    expectSaneFigures(first);
    expectCallsAnswered(first);
    expectQuestionnaire(first);

    expect(await simulate(OPTIONS)).toEqual(first);
  }, 300_000); // two fortnights: about 60 s alone, more beside the rest of the suite

  it('closes a month: the coordinator approves what is ready, and the approved codes still match their minutes', async () => {
    const report = await simulate(MONTH_END);
    expectRulesKept(report);
    expectSaneFigures(report);
    expectQuestionnaire(report);
    // November's questionnaire (the 10th) ran its 7 days in the run: what was not sent back lapsed.
    expect(report.questionnaire.stillOpen).toBe(0);
    expect(report.questionnaire.lapsed, formatReport(report)).toBeGreaterThan(0);
    const closed = report.billing.months.find((m) => m.month === '2026-11')!;
    expect(closed.approved, formatReport(report)).toBeGreaterThan(0);
    // Ready: codes and nothing a person must check first (no two-way contact is the one such warning).
    expect(closed.approved).toBe(closed.billable - closed.needsReview);
    // Two delivery callbacks a text since the SMS transport behaves as Twilio's: about 45 s alone, more beside other files.
  }, 120_000);
});
