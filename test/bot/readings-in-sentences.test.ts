/**
 * Readings written inside sentences, in both languages, through the webhook
 * on a real database: stored, and triaged as a nurse would expect (issue 19's
 * table: "la presión me salió 185 con 110", weights against an earlier one,
 * numbers in words).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('readings in sentences', () => {
  it('"la presión me salió 185 con 110" in a wellness check-in is a blood-pressure crisis: urgent', async () => {
    const patient = await s.newPatient({ language: 'es', conditions: ['hypertension'] });
    await s.checkIn(patient, 'wellness');
    await s.say(patient, 'la presión me salió 185 con 110');
    expect(await s.observations(patient.id)).toContainEqual(expect.objectContaining({ kind: 'blood_pressure', value: { systolic: 185, diastolic: 110 } }));
    expect(await s.alerts(patient.id)).toContainEqual(expect.objectContaining({ level: 'urgent', reason: 'bp_crisis' }));
  });

  it('"one forty five over ninety two" is stored as 145/92', async () => {
    const patient = await s.newPatient({ conditions: ['hypertension'] });
    await s.say(patient, 'my bp was one forty five over ninety two this morning');
    expect(await s.observations(patient.id)).toContainEqual(expect.objectContaining({ kind: 'blood_pressure', value: { systolic: 145, diastolic: 92 } }));
  });

  it.each([
    'weighed 182 this morning, was 177 on monday',
    'my weight went from 182 to 189 since monday',
    'pesé 190 hoy y el viernes estaba en 184',
  ])('"%s" with heart failure: a gain of 5 lb or more in a week raises an alert', async (text) => {
    const patient = await s.newPatient({ conditions: ['heart failure'] });
    await s.say(patient, text);
    const observations = await s.observations(patient.id);
    const gain = observations.find((o) => o.kind === 'weight_gain');
    expect(gain?.value).toMatchObject({ days: 7 });
    expect(gain!.value.pounds).toBeGreaterThanOrEqual(5);
    expect(await s.alerts(patient.id)).toContainEqual(expect.objectContaining({ level: 'elevated', reason: 'weight_gain_hf' }));
  });

  it('"weighed 172 same as last week" is a steady weight: stored, no gain', async () => {
    const patient = await s.newPatient({ conditions: ['heart failure'] });
    await s.say(patient, 'weighed 172 same as last week');
    const observations = await s.observations(patient.id);
    expect(observations).toContainEqual(expect.objectContaining({ kind: 'weight', value: { pounds: 172 } }));
    expect(observations.some((o) => o.kind === 'weight_gain')).toBe(false);
  });
});
