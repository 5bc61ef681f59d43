/**
 * The week-2 questionnaire in the panel simulator, on a small panel whose
 * profile makes every path of the form likely: most open their link, half
 * of those who open leave part-way (and some come back), half have
 * depression and half of those answer PHQ-9 item 9 above "not at all". The
 * run keeps every rule: each self-harm answer took the crisis path, raised
 * an urgent alert and rang the on-call phone, and the patient went on to
 * finish the form; completed forms are in the observations; no token is in
 * a stored message. Figures are checked for sense, not pinned.
 */
import { describe, expect, it } from 'vitest';
import { runPanel } from '../../simulate/panel.js';
import { buildReport } from '../../simulate/report.js';
import { formatReport } from '../../simulate/format.js';
import { parseProfile } from '../../simulate/profile.js';
import { createEmptyDatabase, testDbKind } from '../helpers/database.js';

describe.skipIf(testDbKind() === 'server' || process.env.TESTS_AT_FAKED_TIME === '1')('the questionnaire in a simulated panel', () => {
  it('is opened, left and come back to, answered from the patients\' state, and a self-harm answer is escalated while the form goes on', async () => {
    const profile = parseProfile({
      voice: 0,
      wrongNumber: { share: 0 },
      doseReminder: 0.5,
      questionnaire: { respond: 1, leaves: 0.5, comesBack: 0.6, note: 0.5 },
      depression: { share: 0.5, selfHarm: 0.5 },
    });
    // December 1-15: the questionnaire goes out on the 8th, its reminder on the 10th, and what is not sent back lapses on the 15th.
    const run = await runPanel({ patients: 16, days: 15, seed: 3, practiceTz: 'America/Chicago', profile, db: await createEmptyDatabase() });
    try {
      const report = await buildReport(run);
      const text = formatReport(report);
      expect(report.invariants.filter((i) => i.violations > 0), text).toEqual([]);
      const f = report.questionnaire;
      // A link for each patient the service still texts on the 8th (not one who texted STOP, or who went
      // unanswered five times and is on the call list), each sent.
      expect(f.links, text).toBeGreaterThan(run.patients.length / 2);
      expect(f.links).toBeLessThanOrEqual(run.patients.length);
      expect(f.sent).toBe(f.links);
      expect(f.opened, text).toBeGreaterThan(8);
      expect(f.completed, text).toBeGreaterThan(0);
      expect(f.completed + f.lapsed + f.stillOpen).toBe(f.links);
      expect(f.stillOpen).toBe(0);
      expect(f.leftPartWay, text).toBeGreaterThan(0);
      expect(f.cameBack, text).toBeGreaterThan(0);
      // Depression shows: PHQ-2s of 3 or more, the PHQ-9 asked after them, alerts to follow up.
      expect(f.phq.phq2).toBe(f.completed);
      expect(f.phq.phq2Positive, text).toBeGreaterThan(0);
      expect(f.phq.phq9, text).toBeGreaterThan(0);
      expect(f.phq.alerts, text).toBeGreaterThan(0);
      // Each self-harm answer: the crisis page with 988, an urgent alert, the on-call phone rung within a minute; and the form was finished.
      expect(f.selfHarm.answers, text).toBeGreaterThan(0);
      expect(f.selfHarm.crisisPage).toBe(f.selfHarm.answers);
      expect(f.selfHarm.alerted).toBe(f.selfHarm.answers);
      expect(f.selfHarm.rung).toBe(f.selfHarm.answers);
      const harmed = run.forms.forms.filter((form) => form.selfHarm);
      expect(harmed.every((form) => form.completedAt !== null && form.completedAt > form.selfHarm!.at), text).toBe(true);
      expect(f.written.total, text).toBeGreaterThan(0);
      expect(f.requests.refused).toBe(0);
      expect(f.requests.byStatus['303'], text).toBeGreaterThan(0);
      // The simulated phones never handed the service a token in a body, and the service stored none.
      const { rows } = await run.service.db.pool.query<{ body: string }>("SELECT body FROM messages WHERE kind IN ('questionnaire_invite', 'questionnaire_reminder')");
      expect(rows.length).toBe(f.sent + f.reminded);
      expect(rows.every((r) => r.body.includes('/q/[link]'))).toBe(true);
      expect(text).toMatch(/response rate +\d+\.\d% completed of sent \(the article: 34%, NCQA/);
    } finally {
      await run.close();
    }
  }, 180_000);
});
