/**
 * Texts from unknown numbers through the API: what the service read in one,
 * linking it to the patient it is about (it joins their record and, when it
 * needed a person, their case) and resolving it. The app calls the same
 * actions (test/web/unknown-senders.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { createPatient, createPractice, nextPhone } from '../helpers/api.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

/** A stranger texts the practice; resolves to the text as the API lists it. */
async function strangerSays(body: string) {
  const stranger = { phone: nextPhone() };
  await s.say(stranger, body);
  const all = (await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts?status=all`)).body.data;
  return all.find((t: { from: string }) => t.from === stranger.phone) as { id: string; from: string; [key: string]: unknown };
}

const link = (textId: string, patientId: string) => s.admin.post(`/api/v1/unmatched-texts/${textId}/link`, { coordinatorId: s.coordinator.id, patientId });
const rows = async (sql: string, params: unknown[]) => (await s.t.db.pool.query(sql, params)).rows;

describe('texts from unknown numbers, through the API', () => {
  it('says what it read: the emergency, and what else the text mentions', async () => {
    const text = await strangerSays('my mom Ruth fell again, her sugar was 45, can someone call me');
    expect(text).toMatchObject({ urgent: false, reviewNeeded: true, linked: null });
    expect(text.reading).toEqual({ emergency: null, mentions: ['a fall', 'a request to be called', 'blood sugar 45'] });
    const urgent = await strangerSays('my husband has chest pain');
    expect(urgent).toMatchObject({ urgent: true, reading: { emergency: 'chest pain' } });
  });

  it("an urgent text linked to the patient raises an urgent alert on their case, acknowledged by who linked it; the on-call text named it", async () => {
    const ruth = await s.newPatient({ firstName: 'Ruth', lastName: 'Okafor' });
    const text = await strangerSays('Mom fell and hit her head, shes confused');
    expect(text).toMatchObject({ urgent: true, reading: { emergency: 'a fall (hurt or unable to get up)' } });
    await s.runDue();
    const told = await rows("SELECT coordinator_id, about_message_id FROM messages WHERE kind = 'unknown_sender_alert' AND about_message_id = $1", [text.id]);
    expect(told).toEqual([{ coordinator_id: s.coordinator.id, about_message_id: text.id }]);

    const linked = await link(text.id, ruth.id);
    expect(linked.status).toBe(200);
    expect(linked.body.linked).toMatchObject({ patient: { id: ruth.id, firstName: 'Ruth', lastName: 'Okafor' }, by: { id: s.coordinator.id, name: 'Nora Nurse' } });
    // Still waiting to be resolved: linking says who, resolving says what was done.
    expect(linked.body.reviewedAt).toBeNull();

    const [alert] = await rows('SELECT id, level, reason, status, case_id, acknowledged_by, message_id FROM alerts WHERE patient_id = $1', [ruth.id]);
    expect(alert).toMatchObject({ level: 'urgent', reason: 'red_flag:fall', status: 'acknowledged', acknowledged_by: s.coordinator.id, message_id: text.id });
    const evidence = (await s.admin.get(`/api/v1/alerts/${alert.id}`)).body.evidence;
    expect(evidence).toEqual([expect.objectContaining({ messageId: text.id, explanation: expect.stringContaining("not the patient's phone") })]);
    const [patientCase] = await rows('SELECT level, status FROM cases WHERE id = $1', [alert.case_id]);
    expect(patientCase).toEqual({ level: 'urgent', status: 'acknowledged' });
    // In her record: the transcript says it was linked. The text stays the stranger's, not hers.
    const transcript = (await s.admin.get(`/api/v1/patients/${ruth.id}/transcript`)).body.data;
    expect(transcript.map((e: { kind: string }) => e.kind)).toContain('unknown_sender.linked');
    expect(await rows('SELECT patient_id FROM messages WHERE id = $1', [text.id])).toEqual([{ patient_id: null }]);
    // Acknowledged at once: the escalation does not ring anyone about it.
    const calls = s.twilio.calls.length;
    await s.runDue();
    expect(s.twilio.calls.length).toBe(calls);

    const resolved = await s.admin.post(`/api/v1/unmatched-texts/${text.id}/review`, { coordinatorId: s.coordinator.id, note: 'Called back: her daughter; Ruth is at the ER.' });
    expect(resolved.body).toMatchObject({ reviewedBy: { name: 'Nora Nurse' }, reviewNote: 'Called back: her daughter; Ruth is at the ER.', linked: { patient: { id: ruth.id } } });
    const waiting = (await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts`)).body.data;
    expect(waiting.map((t: { id: string }) => t.id)).not.toContain(text.id);
  });

  it('an urgent text joins the open alert of the same emergency on the patient\'s case', async () => {
    const walter = await s.newPatient({ firstName: 'Walter' });
    await s.say(walter, 'I have chest pain');
    const text = await strangerSays('my dad Walter has chest pain again');
    await link(text.id, walter.id);
    const alerts = await rows('SELECT id, reason, status FROM alerts WHERE patient_id = $1', [walter.id]);
    expect(alerts).toEqual([expect.objectContaining({ reason: 'red_flag:chest_pain' })]);
    const evidence = (await s.admin.get(`/api/v1/alerts/${alerts[0].id}`)).body.evidence;
    expect(evidence.map((e: { messageId: string }) => e.messageId)).toContain(text.id);
  });

  it('a text that needs a person joins the case as a message for the team; a greeting joins the record only', async () => {
    const maria = await s.newPatient({ firstName: 'Maria' });
    const text = await strangerSays("This is Maria's daughter, please call me about her pills");
    expect((await link(text.id, maria.id)).status).toBe(200);
    expect(await rows('SELECT level, reason, status FROM alerts WHERE patient_id = $1', [maria.id])).toEqual([
      { level: 'elevated', reason: 'message_for_team', status: 'acknowledged' },
    ]);

    const jose = await s.newPatient({ firstName: 'José' });
    const hello = await strangerSays('hello');
    expect((await link(hello.id, jose.id)).status).toBe(200);
    expect(await rows('SELECT id FROM alerts WHERE patient_id = $1', [jose.id])).toEqual([]);
    expect(await rows("SELECT type FROM patient_events WHERE patient_id = $1 AND message_id = $2", [jose.id, hello.id])).toEqual([{ type: 'unknown_sender.linked' }]);
  });

  it('links once: again to the same patient is harmless, to another a 409; a patient of another practice is not one to name', async () => {
    const first = await s.newPatient({ firstName: 'First' });
    const second = await s.newPatient({ firstName: 'Second' });
    const text = await strangerSays('can someone call me back about my father');
    expect((await link(text.id, first.id)).status).toBe(200);
    const again = await link(text.id, first.id);
    expect(again.status).toBe(200);
    expect(await rows('SELECT count(*)::int AS n FROM alerts WHERE patient_id = $1', [first.id])).toEqual([{ n: 1 }]);
    const other = await link(text.id, second.id);
    expect(other.status).toBe(409);
    expect(other.body.error.message).toContain('already linked');

    const elsewhere = await createPractice(s.admin, { name: 'Lakeside Clinic' });
    const stranger = await createPatient(s.admin, elsewhere.id);
    const fresh = await strangerSays('please call me about my aunt');
    const refused = await link(fresh.id, stranger.id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('patientId');
    expect((await link(fresh.id, 'not-an-id')).status).toBe(400);
    expect((await link('00000000-0000-4000-8000-000000000000', first.id)).status).toBe(404);
    // Linking is written to the access log as a write on the patient's record.
    expect(await rows("SELECT count(*)::int AS n FROM audit_log WHERE action = 'unmatched_text.link' AND patient_id = $1", [first.id])).toEqual([{ n: 2 }]);
  });
});
