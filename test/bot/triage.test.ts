import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { DEFAULT_RULE_SET_INPUT, DEFAULT_RULES_VERSION, evaluateTriage, DEFAULT_RULE_SET } from '../../src/triage/index.js';
import { listObservationFacts } from '../../src/store/triage.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const DAY = 24 * 60 * 60 * 1000;

async function medicationCheckIn(patient: { id: string; phone: string }, answers: string[]) {
  await s.checkIn(patient, 'medication');
  for (const answer of answers) await s.say(patient, answer);
}

const patientTriage = async (id: string) => (await s.admin.get(`/api/v1/patients/${id}`)).body.triage;
const openAlerts = async (patientId: string) => (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts?patientId=${patientId}`)).body.data;

describe('triage of what patients report', () => {
  it('re-evaluates a patient on each answer and shows the level, since when and why', async () => {
    const patient = await s.newPatient();
    expect(await patientTriage(patient.id)).toEqual({ level: 'routine', since: null, reasons: [] });
    await s.checkIn(patient, 'symptoms');
    await s.say(patient, '165/95');
    const at = s.clock.now().toISOString();
    expect(await patientTriage(patient.id)).toEqual({
      level: 'elevated',
      since: at,
      reasons: ['BP 165/95 on Nov 24 at 10:00 is at or above 160/100'],
    });
    // The evaluation is stored: the rules that fired, what they saw, the rule set's version.
    const { rows } = await s.t.db.pool.query('SELECT level, rules_version, findings, trigger FROM triage_evaluations WHERE patient_id = $1', [patient.id]);
    expect(rows).toEqual([
      {
        level: 'elevated',
        rules_version: DEFAULT_RULES_VERSION,
        trigger: 'answer',
        findings: [expect.objectContaining({ ruleId: 'bp_high', inputs: { systolic: 165, diastolic: 95, limit: { systolic: 160, diastolic: 100 } } })],
      },
    ]);
  });

  it('keeps one open alert per reason: new evidence joins it, the third missed dose in a week is urgent', async () => {
    const patient = await s.newPatient();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], reminders: false });
    await medicationCheckIn(patient, ['no', '1']);
    await s.advance(2 * DAY);
    await medicationCheckIn(patient, ['no', 'forgot']);
    let alerts = await openAlerts(patient.id);
    expect(alerts.map((a: { reason: string }) => a.reason)).toEqual(['missed_dose']);
    const detail = (await s.admin.get(`/api/v1/alerts/${alerts[0].id}`)).body;
    expect(detail.evidence).toHaveLength(2);
    expect(detail.explanation).toBe('2 missed doses in the last 7 days (lisinopril Nov 24, lisinopril Nov 26)');

    await s.advance(2 * DAY);
    await medicationCheckIn(patient, ['no', '1']);
    alerts = await openAlerts(patient.id);
    expect(alerts.map((a: { level: string; reason: string }) => `${a.level}:${a.reason}`)).toEqual(['urgent:missed_doses', 'elevated:missed_dose']);
    expect((await patientTriage(patient.id)).level).toBe('urgent');
    // The urgent one rings the on-call coordinator.
    await s.runDue();
    expect(s.twilio.calls.at(-1)!.To).toBe(s.coordinator.phone);
    await s.admin.post(`/api/v1/alerts/${alerts[0].id}/acknowledge`, { coordinatorId: s.coordinator.id });
  });

  it('replays a stored record through the rules to the level it was given', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'symptoms');
    for (const answer of ['150/96', '8', 'worse']) await s.say(patient, answer);
    const stored = await s.t.db.pool.query(
      'SELECT level, evaluated_at FROM triage_evaluations WHERE patient_id = $1 ORDER BY evaluated_at, seq',
      [patient.id],
    );
    expect(stored.rows.map((r) => r.level)).toEqual(['routine', 'elevated', 'urgent']);
    const last = stored.rows.at(-1)!;
    const observations = (await listObservationFacts(s.t.db.pool, [patient.id], new Date(0))).get(patient.id)!;
    const replayed = evaluateTriage(
      {
        now: last.evaluated_at,
        timezone: 'America/Chicago',
        enrolledAt: new Date(0),
        conditions: [],
        observations,
        medications: [],
        lastConcernAt: null,
      },
      DEFAULT_RULE_SET,
    );
    expect(replayed.level).toBe(last.level);
    expect(replayed.reasons[0]).toBe('Pain 8/10 on Nov 28 at 10:00, reported as worse (at or above 8)');
    const alert = (await openAlerts(patient.id)).find((a: { level: string }) => a.level === 'urgent');
    await s.admin.post(`/api/v1/alerts/${alert.id}/acknowledge`, { coordinatorId: s.coordinator.id });
  });
});

describe("a practice's own rules", () => {
  const rules = (overrides: Record<string, Record<string, unknown>>) => ({
    rules: DEFAULT_RULE_SET_INPUT.rules.map((rule) => ({ ...rule, ...(overrides[rule.id] ?? {}) })),
  });

  it('refuse an invalid set with a 400 naming the rule and the field', async () => {
    const bad = await s.admin.put(`/api/v1/practices/${s.practice.id}/triage-rules`, rules({ bp_crisis: { systolic: 400 }, missed_dose: { atMost: 0 } }));
    expect(bad.status).toBe(400);
    const at = (id: string) => DEFAULT_RULE_SET_INPUT.rules.findIndex((rule) => rule.id === id);
    expect(bad.body.error.message).toContain(`rules[${at('bp_crisis')}] (bp_crisis).systolic`);
    expect(bad.body.error.message).toContain(`rules[${at('missed_dose')}] (missed_dose).atMost`);
    const noRedFlag = await s.admin.put(`/api/v1/practices/${s.practice.id}/triage-rules`, {
      rules: DEFAULT_RULE_SET_INPUT.rules.filter((r) => r.kind !== 'red_flag'),
    });
    expect(noRedFlag.status).toBe(400);
    expect(noRedFlag.body.error.message).toContain('must keep a red_flag rule');
    const lowered = await s.admin.put(`/api/v1/practices/${s.practice.id}/triage-rules`, rules({ red_flag: { level: 'elevated' } }));
    expect(lowered.body.error.message).toContain('a red_flag rule is always urgent');
  });

  it('preview the effect on the panel without changing anything, then apply, and the symptoms check-in reacts at the new limit', async () => {
    const patient = await s.newPatient();
    await s.checkIn(patient, 'symptoms');
    for (const answer of ['172/112', '2', 'same']) await s.say(patient, answer);
    expect((await patientTriage(patient.id)).level).toBe('elevated');

    const stricter = rules({ bp_crisis: { systolic: 170, diastolic: 110 } });
    const replay = await s.admin.post(`/api/v1/practices/${s.practice.id}/triage-rules/replay`, stricter);
    expect(replay.status).toBe(200);
    expect(replay.body.moves).toContainEqual({ from: 'elevated', to: 'urgent', patients: 1 });
    expect((await s.admin.get(`/api/v1/practices/${s.practice.id}/triage-rules`)).body).toMatchObject({ version: DEFAULT_RULES_VERSION, isDefault: true });
    expect((await patientTriage(patient.id)).level).toBe('elevated');

    const applied = await s.admin.put(`/api/v1/practices/${s.practice.id}/triage-rules`, stricter);
    expect(applied.body).toMatchObject({ version: 'practice-1', isDefault: false });
    const next = await s.newPatient();
    const started = await s.checkIn(next, 'symptoms');
    expect(await s.say(next, '171/90')).toEqual([expect.stringContaining('very high')]);
    expect((await s.conversation(started.conversationId)).status).toBe('completed');
    expect((await patientTriage(next.id)).reasons).toEqual(['BP 171/90 on Nov 28 at 10:00 is at or above 170/110']);
    const { rows } = await s.t.db.pool.query('SELECT rules_version FROM triage_evaluations WHERE patient_id = $1', [next.id]);
    expect(rows.map((r) => r.rules_version)).toEqual(['practice-1']);
    const alert = (await openAlerts(next.id))[0];
    await s.admin.post(`/api/v1/alerts/${alert.id}/resolve`, { coordinatorId: s.coordinator.id, note: 'Rechecked: 150/90.' });
  });
});
