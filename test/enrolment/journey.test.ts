/**
 * One candidate's whole way in, as a practice would see it: a campaign
 * invites her by text, she answers "sí", the consent link comes, she opens
 * the page and signs, she is a patient, and her first check-in reaches her.
 * Through the webhooks and the consent page on a real database; the service
 * clock moves, nothing sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { ALL_ELEMENTS, ConsentVisitor, consentTokenIn } from './consent-support.js';
import { addCandidate, candidateRow, DAY, startCampaignFor } from './support.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe('from invitation to first check-in', () => {
  it('invited, "sí", signed on the page, enrolled and planned, and then checked in on', async () => {
    const candidate = await addCandidate(s, { firstName: 'Marta', language: 'es' });
    expect((await startCampaignFor(s, [candidate.id])).invited).toEqual([candidate.id]);
    await s.runDue();
    expect(s.sentTo(candidate.phone)).toHaveLength(1);

    expect(await s.say(candidate, 'Sí, me interesa')).toEqual([]);
    await s.runDue();
    const link = s.sentTo(candidate.phone).at(-1)!.Body;
    const token = consentTokenIn(link);
    expect(token, link).not.toBeNull();

    const phone = new ConsentVisitor(s);
    await phone.open(token!);
    const page = await phone.request('GET', '/c');
    expect(page.html).toContain('lang="es"');
    const signed = await phone.sign(page, { elements: ALL_ELEMENTS, name: 'Marta Delgado' });
    expect(signed.location).toBe('/c/signed');

    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('consented');
    const { rows } = await s.t.db.pool.query('SELECT patient_id FROM candidates WHERE id = $1', [candidate.id]);
    const patient = (await s.admin.get(`/api/v1/patients/${rows[0].patient_id}`)).body;
    expect(patient).toMatchObject({ status: 'enrolled', language: 'es', consent: { status: 'granted', method: 'written' } });

    // The month's outreach reaches her, in Spanish; no campaign text follows the consent.
    const before = s.sentTo(candidate.phone).length;
    await s.advance(31 * DAY);
    const after = s.sentTo(candidate.phone).slice(before).map((m) => m.Body);
    expect(after.length, 'no outreach reached the new patient').toBeGreaterThan(0);
    expect(after.join('\n')).not.toMatch(/Responda SI para saber mas/);
    const kinds = await s.t.db.pool.query("SELECT DISTINCT kind FROM messages WHERE patient_id = $1 AND direction = 'outbound'", [patient.id]);
    expect(kinds.rows.map((r) => r.kind)).toEqual(expect.arrayContaining(['check_in']));
  });
});
