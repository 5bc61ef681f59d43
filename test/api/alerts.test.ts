import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { apiClient, createApiKey, createPractice } from '../helpers/api.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const queue = async (query = '') => (await s.admin.get(`/api/v1/practices/${s.practice.id}/alerts${query}`)).body.data as Array<Record<string, any>>;

describe('the alert queue', () => {
  it('lists urgent alerts first, then the oldest, with the reason in words and the patient\'s own text', async () => {
    const early = await s.newPatient({ firstName: 'Early' });
    const late = await s.newPatient({ firstName: 'Late' });
    const urgent = await s.newPatient({ firstName: 'Urgent' });
    await s.say(early, 'can I get a ride to my appointment?');
    await s.advance(60_000);
    await s.say(late, 'the pharmacy says my insurance changed');
    await s.advance(60_000);
    await s.say(urgent, 'my chest hurts');
    const alerts = await queue();
    expect(alerts.map((a) => a.patient.firstName)).toEqual(['Urgent', 'Early', 'Late']);
    expect(alerts[0]).toMatchObject({ level: 'urgent', reason: 'red_flag:chest_pain', reasonText: 'chest pain', patientText: 'my chest hurts', status: 'open' });
    expect(alerts[1]).toMatchObject({ level: 'elevated', reasonText: 'a question about an appointment', patientText: 'can I get a ride to my appointment?' });
    expect(alerts[2]).toMatchObject({ level: 'elevated', reasonText: 'a message for the care team', patientText: 'the pharmacy says my insurance changed' });
    expect((await queue('?level=urgent')).map((a) => a.patient.firstName)).toEqual(['Urgent']);
    // Reading the queue is a read of those patients' records.
    const access = await s.t.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'alert.list' AND patient_id = $1", [urgent.id]);
    expect(access.rows[0].n).toBeGreaterThan(0);
  });

  it('acknowledges and resolves as the coordinator a key belongs to, or as the one the body names; twice is harmless', async () => {
    const [alert] = await queue('?level=urgent');
    const key = await createApiKey(s.admin, s.practice.id, 'coordinator');
    const anonymous = apiClient(s.t.service.app, key.token);
    const refused = await anonymous.post(`/api/v1/alerts/${alert!.id}/acknowledge`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('coordinatorId');

    const own = await s.admin.post(`/api/v1/practices/${s.practice.id}/api-keys`, { name: "Nora's key", role: 'coordinator', coordinatorId: s.coordinator.id });
    const nora = apiClient(s.t.service.app, own.body.token);
    const acknowledged = await nora.post(`/api/v1/alerts/${alert!.id}/acknowledge`, {});
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: s.coordinator.id, name: 'Nora Nurse' } });
    await s.advance(5 * 60_000);
    const again = await nora.post(`/api/v1/alerts/${alert!.id}/acknowledge`, {});
    expect(again.body.acknowledgedAt).toBe(acknowledged.body.acknowledgedAt);

    expect((await nora.post(`/api/v1/alerts/${alert!.id}/resolve`, {})).status).toBe(400);
    const resolved = await nora.post(`/api/v1/alerts/${alert!.id}/resolve`, { note: 'Sent to the ER; family informed.' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { name: 'Nora Nurse' }, resolutionNote: 'Sent to the ER; family informed.' });
    const twice = await s.admin.post(`/api/v1/alerts/${alert!.id}/resolve`, { coordinatorId: s.coordinator.id, note: 'again' });
    expect(twice.body.resolutionNote).toBe('Sent to the ER; family informed.');
    expect((await queue('?level=urgent')).map((a) => a.id)).not.toContain(alert!.id);
    expect((await queue('?status=resolved')).map((a) => a.id)).toContain(alert!.id);
  });

  it("keeps another practice's alerts and coordinators out of reach", async () => {
    const [alert] = await queue();
    const other = await createPractice(s.admin);
    const otherKey = await createApiKey(s.admin, other.id, 'admin');
    const outsider = apiClient(s.t.service.app, otherKey.token);
    expect((await outsider.get(`/api/v1/alerts/${alert!.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/alerts/${alert!.id}/acknowledge`, { coordinatorId: s.coordinator.id })).status).toBe(404);
    expect((await outsider.get(`/api/v1/practices/${s.practice.id}/alerts`)).status).toBe(404);
    const theirs = (await s.admin.post(`/api/v1/practices/${other.id}/coordinators`, { name: 'Out Sider', phone: '(555) 300-0777', role: 'nurse' })).body;
    const wrongPerson = await s.admin.post(`/api/v1/alerts/${alert!.id}/acknowledge`, { coordinatorId: theirs.id });
    expect(wrongPerson.status).toBe(400);
    expect(wrongPerson.body.error.message).toContain('no coordinator with this id works at this practice');
  });
});
