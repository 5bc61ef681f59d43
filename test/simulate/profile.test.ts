/**
 * The patient model's figures come from a profile (simulate/profile.ts): a
 * profile changes the panel, and a bad one is refused naming the key. One
 * small run with an all-Spanish panel, many numbers that cannot take texts and
 * many patients who miss or ration doses keeps every rule: the service texts
 * them in Spanish, records each delivery as Twilio reported it, and stops
 * texting a number Twilio says is unknown or a landline.
 */
import { describe, expect, it } from 'vitest';
import { createPatients } from '../../simulate/patients.js';
import { DEFAULT_PROFILE, loadProfile, parseProfile, ProfileError } from '../../simulate/profile.js';
import { runPanel } from '../../simulate/panel.js';
import { buildReport } from '../../simulate/report.js';
import { formatReport } from '../../simulate/format.js';
import { createEmptyDatabase, testDbKind } from '../helpers/database.js';

describe('a profile', () => {
  it('changes the panel it describes, and nothing it leaves out', () => {
    const spanish = createPatients(11, 40, 14, parseProfile({ spanish: 1, wrongNumber: { share: 0 } }));
    expect(spanish.every((p) => p.language === 'es' && p.wrongNumber === null)).toBe(true);
    const usual = createPatients(11, 40, 14);
    expect(usual.some((p) => p.language === 'en')).toBe(true);
    // Figures not named keep their defaults, and so do the draws behind them.
    expect(spanish.map((p) => [p.channel, p.answerRate, p.medicationTime])).toEqual(usual.map((p) => [p.channel, p.answerRate, p.medicationTime]));
    expect(parseProfile({}).adherence).toEqual(DEFAULT_PROFILE.adherence);
  });

  it('is refused when a key is unknown or a figure out of range, naming the key', async () => {
    expect(() => parseProfile({ spanishh: 0.5 })).toThrow(/spanishh: not a figure of the profile/);
    expect(() => parseProfile({ answerRate: { mean: 1.4 } })).toThrow(/answerRate\.mean: Too big/);
    expect(() => parseProfile({ adherence: { missesOften: 0.8, rations: 0.4 } })).toThrow(/adherence\.missesOften: .*more than 1/);
    expect(() => parseProfile({ doseReminder: '40%' })).toThrow(ProfileError);
    await expect(loadProfile('simulate/profiles/no-such-file.json')).rejects.toThrow(/cannot read it/);
    const example = await loadProfile('simulate/profiles/spanish-speaking-clinic.json');
    expect(example.profile.spanish).toBe(0.85);
  });
});

describe.skipIf(testDbKind() === 'server' || process.env.TESTS_AT_FAKED_TIME === '1')('a simulated panel from a profile', () => {
  it('keeps every rule for Spanish speakers, wrong numbers and missed doses', async () => {
    const profile = parseProfile({ spanish: 1, wrongNumber: { share: 0.3 }, doseReminder: 1, adherence: { missesOften: 0.5, rations: 0.3 } });
    const run = await runPanel({ patients: 12, days: 7, seed: 5, practiceTz: 'America/Chicago', profile, db: await createEmptyDatabase() });
    try {
      const report = await buildReport(run);
      expect(report.invariants.filter((i) => i.violations > 0), formatReport(report)).toEqual([]);
      expect(report.profile).toEqual(expect.arrayContaining(['spanish=1', 'wrongNumber.share=0.3']));
      const { rows } = await run.service.db.pool.query<{ body: string }>(`SELECT body FROM messages WHERE direction = 'outbound' AND audience = 'patient' AND kind = 'check_in'`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => /Le escribimos|Responda/.test(r.body)), rows[0]?.body).toBe(true);
      // Wrong numbers were there, Twilio said so, and the service recorded it.
      const d = report.delivery;
      expect(d.wrongNumbers.length, formatReport(report)).toBeGreaterThan(0);
      expect(Object.values(d.delivery.undelivered).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(d.recorded.undelivered).toBe(Object.values(d.delivery.undelivered).reduce((a, b) => a + b, 0));
      for (const w of d.wrongNumbers.filter((x) => x.code !== 30003 && x.undelivered > 0)) expect(w.stopped, formatReport(report)).toMatch(w.code === 30006 ? /called instead/ : /marked unable/);
      // Missed doses were told, and the service recorded them.
      expect(d.adherence.find((a) => a.pattern === 'misses')!.missed, formatReport(report)).toBeGreaterThan(0);
    } finally {
      await run.close();
    }
  }, 120_000);
});
