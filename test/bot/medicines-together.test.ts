/**
 * Medicines due at the same time (issue 20): one reminder for all of them
 * that says how many, never two identical texts a patient might both act on;
 * one answer for all ("took both of em", "tomé las dos"), or per medicine when
 * the reply names them. Through the webhook, on the real database; the clock
 * moves, nothing sleeps.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanJob } from '../../src/outreach/index.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';

type Patient = { id: string; phone: string; firstName: string };
const ZONE = 'America/Chicago';

/** The outreach texts that left for the patient: local time and body. */
async function outreachTexts(s: Scenario, patient: Patient): Promise<Array<{ at: string; body: string }>> {
  const { rows } = await s.t.db.pool.query<{ sent_at: Date; body: string }>(
    `SELECT sent_at, body FROM messages WHERE patient_id = $1 AND direction = 'outbound' AND kind = 'check_in' AND sent_at IS NOT NULL ORDER BY sent_at`,
    [patient.id],
  );
  return rows.map((r) => ({ at: DateTime.fromJSDate(r.sent_at, { zone: ZONE }).toFormat('LLL d HH:mm'), body: r.body }));
}

/** What the patient's answers recorded of each medicine, by name. */
async function adherence(s: Scenario, patient: Patient, names: Record<string, string>) {
  return (await s.observations(patient.id))
    .filter((o) => o.kind === 'medication_adherence')
    .map((o) => ({ medicine: names[o.value.medicationId] ?? o.value.medicationId, taken: o.value.taken, ...(o.value.reason ? { reason: o.value.reason } : {}) }))
    .sort((a, b) => a.medicine.localeCompare(b.medicine));
}

/** A patient with metformin and lisinopril both due at 18:38; returns the medicine names by id. */
async function twoAt1838(s: Scenario, patient: Patient, spanish = false): Promise<Record<string, string>> {
  const add = async (name: string, dose: string) => (await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name, dose, times: ['18:38'] })).body.id as string;
  const metformin = await add(spanish ? 'metformina' : 'metformin', '500 mg');
  const lisinopril = await add('lisinopril', '10 mg');
  return { [metformin]: 'metformin', [lisinopril]: 'lisinopril' };
}

describe('two medicines due at 18:38, names kept out of texts (the default)', () => {
  let s: Scenario;
  const p: Record<string, Patient> = {};
  const names: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    s = await startScenario();
    p.ruth = await s.newPatient({ firstName: 'Ruth' });
    names.ruth = await twoAt1838(s, p.ruth);
    // Ruth's amlodipine at 12:00, and metformin again at 08:00: times of their own, reminders of their own.
    const amlodipine = await s.admin.post(`/api/v1/patients/${p.ruth.id}/medications`, { name: 'amlodipine', dose: '5 mg', times: ['12:00'] });
    names.ruth[amlodipine.body.id] = 'amlodipine';
    const metforminId = Object.keys(names.ruth).find((id) => names.ruth![id] === 'metformin')!;
    await s.admin.patch(`/api/v1/patients/${p.ruth.id}/medications/${metforminId}`, { times: ['08:00', '18:38'] });
    p.sam = await s.newPatient({ firstName: 'Sam' });
    names.sam = await twoAt1838(s, p.sam);
    p.rosa = await s.newPatient({ firstName: 'Rosa', language: 'es' });
    names.rosa = await twoAt1838(s, p.rosa, true);
    p.tomas = await s.newPatient({ firstName: 'Tomás', language: 'es' });
    names.tomas = await twoAt1838(s, p.tomas, true);
    // Planning again (the nightly run, a second instance) plans nothing twice.
    await runPlanJob(s.t.service.runtime.pool, s.clock.now(), { practiceId: s.practice.id });
    await runPlanJob(s.t.service.runtime.pool, s.clock.now(), { practiceId: s.practice.id });
    // Nov 24, 18:38 in Chicago.
    await s.advanceTo('2026-11-25T00:38:00Z');
  }, 120_000);
  afterAll(() => s.close());

  it('sends one text that says 2 medicines, and names neither', async () => {
    const at1838 = (await outreachTexts(s, p.ruth!)).filter((m) => m.at === 'Nov 24 18:38');
    expect(at1838).toHaveLength(1);
    expect(at1838[0]!.body).toBe(
      'Hi Ruth, this is Riverside Family Medicine. It is time for your 2 medicines. Reply 1 when you have taken them all, 2 if you cannot take them. Reply STOP to opt out.',
    );
    expect(at1838[0]!.body).not.toMatch(/metformin|lisinopril/i);
    const { rows } = await s.t.db.pool.query(`SELECT count(*)::int AS n FROM outreach WHERE patient_id = $1 AND kind = 'reminder' AND planned_for = '2026-11-25T00:38:00Z'`, [p.ruth!.id]);
    expect(rows[0].n).toBe(1);
  });

  it('"took both of em" records both taken', async () => {
    expect(await s.say(p.ruth!, 'took both of em')).toEqual(['Thank you, Ruth!']);
    const taken = (await adherence(s, p.ruth!, names.ruth!)).filter((a) => a.medicine !== 'amlodipine');
    expect(taken).toEqual([
      { medicine: 'lisinopril', taken: true },
      { medicine: 'metformin', taken: true },
    ]);
  });

  it('"took the metformin but not the lisinopril" records each medicine as it was said', async () => {
    expect(await s.say(p.sam!, 'took the metformin but not the lisinopril')).toEqual([expect.stringContaining('What kept you from taking it?')]);
    expect(await s.say(p.sam!, '1')).toEqual([expect.stringContaining('missed dose')]);
    expect(await adherence(s, p.sam!, names.sam!)).toEqual([
      { medicine: 'lisinopril', taken: false, reason: 'forgot' },
      { medicine: 'metformin', taken: true },
    ]);
  });

  it('in Spanish: "sus 2 medicinas", and "tomé las dos" records both', async () => {
    const [reminder] = (await outreachTexts(s, p.rosa!)).filter((m) => m.at === 'Nov 24 18:38');
    expect(reminder?.body).toMatch(/^Hola, Rosa\. .*Ya es hora de sus 2 medicinas\. Responda 1 cuando se las haya tomado todas/);
    expect(await s.say(p.rosa!, 'tomé las dos')).toEqual(['¡Gracias, Rosa!']);
    expect(await adherence(s, p.rosa!, names.rosa!)).toEqual([
      { medicine: 'lisinopril', taken: true },
      { medicine: 'metformin', taken: true },
    ]);
  });

  it('in Spanish, per medicine: "tomé la metformina pero no el lisinopril"', async () => {
    expect(await s.say(p.tomas!, 'tomé la metformina pero no el lisinopril')).toEqual([expect.stringContaining('¿Por qué no pudo tomarla?')]);
    await s.say(p.tomas!, 'se me acabó');
    expect(await adherence(s, p.tomas!, names.tomas!)).toEqual([
      { medicine: 'lisinopril', taken: false, reason: 'ran_out' },
      { medicine: 'metformin', taken: true },
    ]);
    expect((await s.observations(p.tomas!.id)).filter((o) => o.kind === 'refill_concern').map((o) => names.tomas![o.value.medicationId])).toEqual(['lisinopril']);
  });

  it('sends nothing more for 18:38, and a medicine at another time still gets its own reminder', async () => {
    // Nov 25, 09:00: past the reminders' window (and the 30 minutes a second text once came after the first).
    await s.advanceTo('2026-11-25T15:00:00Z');
    expect((await outreachTexts(s, p.ruth!)).map((m) => `${m.at} ${m.body.match(/time for your [^.]*/)?.[0]}`)).toEqual([
      'Nov 24 12:00 time for your medicine',
      'Nov 24 18:38 time for your 2 medicines',
      'Nov 25 08:00 time for your medicine',
    ]);
    for (const patient of [p.sam!, p.rosa!, p.tomas!]) expect(await outreachTexts(s, patient)).toHaveLength(1);
  });
});

describe('two medicines due at once, named where the practice shows names', () => {
  let s: Scenario;
  let ann: Patient;
  let names: Record<string, string>;

  beforeAll(async () => {
    s = await startScenario();
    await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { medicationNamesInTexts: true } });
    ann = await s.newPatient({ firstName: 'Ann' });
    names = await twoAt1838(s, ann);
    await s.advanceTo('2026-11-25T00:38:00Z');
  }, 120_000);
  afterAll(() => s.close());

  it('names both, and asks about the one a reply did not name', async () => {
    const [reminder] = await outreachTexts(s, ann);
    expect(reminder?.body).toContain('It is time for your 2 medicines: metformin 500 mg and lisinopril 10 mg.');
    expect(await s.say(ann, 'took the metformin')).toEqual(['Thank you. Have you also taken your lisinopril 10 mg? Reply 1 for yes, 2 for no.']);
    expect(await s.say(ann, 'no, I ran out')).toEqual([expect.stringContaining('help you get a refill of lisinopril 10 mg')]);
    expect(await adherence(s, ann, names)).toEqual([
      { medicine: 'lisinopril', taken: false, reason: 'ran_out' },
      { medicine: 'metformin', taken: true },
    ]);
  });
});
