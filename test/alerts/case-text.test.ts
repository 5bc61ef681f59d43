/**
 * A coordinator answers a patient by text from their case: "can I take my water
 * pill at night?" wants a sentence, not a phone call that most often reaches
 * voicemail. Through the API and the web app, on a real database, with
 * Twilio's API faked: the text goes once, signed, in the patient's hours; it
 * takes the case; the patient's answer comes back through the turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInAs } from '../web/signed-in.js';

const LOGIN = { name: 'Nora Nurse', email: 'nora.text@riverside.example', role: 'coordinator', password: 'correct horse battery staple' };
const QUESTION = 'Can I take my water pill at night instead of in the morning?';
const ANSWER = 'Yes, at night is fine, as long as it is the same time each day. Reply here any time.';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
  expect((await s.admin.post(`/api/v1/practices/${s.practice.id}/users`, { ...LOGIN, staffId: s.coordinator.id })).status).toBe(201);
});
afterAll(() => s.close());

type Json = Record<string, any>;
const acting = () => ({ coordinatorId: s.coordinator.id });
/** A patient who asked something the bot cannot answer, and the case it opened. */
async function askedAQuestion(overrides: Record<string, unknown> = {}) {
  const patient = await s.newPatient(overrides);
  await s.say(patient, QUESTION);
  const { rows } = await s.t.db.pool.query('SELECT case_id FROM alerts WHERE patient_id = $1', [patient.id]);
  expect(rows).toHaveLength(1);
  return { patient, caseId: rows[0].case_id as string };
}
const careTeamTexts = async (patientId: string) =>
  (await s.t.db.pool.query("SELECT id, body, status FROM messages WHERE patient_id = $1 AND kind = 'care_team_text' ORDER BY created_at", [patientId])).rows;
const textCase = (caseId: string, body: Json) => s.admin.post(`/api/v1/cases/${caseId}/text`, body);

describe("a coordinator's text from a case", () => {
  it('goes once, signed with her name, and takes the case; the same words again are the same text', async () => {
    await s.advanceTo('2026-11-25T16:00:00Z'); // 10:00 in Chicago
    const { patient, caseId } = await askedAQuestion();
    const sent = await textCase(caseId, { ...acting(), words: `  ${ANSWER}  ` });
    expect(sent.status).toBe(201);
    const signed = `${ANSWER}\n- Nora Nurse, Riverside Family Medicine`;
    expect(sent.body).toMatchObject({ text: { body: signed, status: 'pending', repeated: false }, case: { id: caseId, status: 'acknowledged' } });

    const again = await textCase(caseId, { ...acting(), words: ANSWER });
    expect(again.status).toBe(200);
    expect(again.body.text).toMatchObject({ id: sent.body.text.id, repeated: true });

    await s.runDue();
    expect(s.sentTo(patient.phone).map((m) => m.Body)).toEqual([signed]);
    // Handed to Twilio: 'queued' until its delivery report comes.
    expect(await careTeamTexts(patient.id)).toEqual([{ id: sent.body.text.id, body: signed, status: 'queued' }]);
    // In the patient's transcript, and one access-log row for the one text.
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body;
    expect(JSON.stringify(transcript)).toContain('Nora Nurse, Riverside Family Medicine');
    const audit = await s.t.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.text' AND patient_id = $1", [patient.id]);
    expect(audit.rows[0].n).toBe(1);
  });

  it("waits for the patient's morning when written at night", async () => {
    await s.advanceTo('2026-11-26T04:00:00Z'); // 22:00 in Chicago: quiet hours
    const { patient, caseId } = await askedAQuestion();
    expect((await textCase(caseId, { ...acting(), words: ANSWER })).status).toBe(201);
    await s.runDue();
    expect(s.sentTo(patient.phone).filter((m) => m.Body.startsWith(ANSWER))).toEqual([]);
    await s.advanceTo('2026-11-26T16:00:00Z');
    expect(s.sentTo(patient.phone).filter((m) => m.Body.startsWith(ANSWER))).toHaveLength(1);
  });

  it("brings the patient's answer back through the turn: thanks is settled, a new question joins the case she took", async () => {
    await s.advanceTo('2026-11-27T16:00:00Z');
    const { patient, caseId } = await askedAQuestion();
    expect((await textCase(caseId, { ...acting(), words: ANSWER })).status).toBe(201);
    await s.runDue();
    const evidence = async () =>
      (await s.t.db.pool.query('SELECT count(*)::int AS n FROM alert_evidence e JOIN alerts a ON a.id = e.alert_id WHERE a.patient_id = $1', [patient.id])).rows[0].n;
    const before = await evidence();
    await s.advance(5 * 60_000);
    await s.say(patient, 'ok thank you');
    expect(await evidence()).toBe(before);
    const QUESTION_2 = 'and can my daughter get them too?';
    await s.advance(60_000);
    await s.say(patient, QUESTION_2);
    expect(await evidence()).toBe(before + 1);
    // Her case card shows the new words: the patient's "a nurse will read it" is backed.
    const detail = (await s.admin.get(`/api/v1/cases/${caseId}`)).body;
    expect(detail).toMatchObject({ id: caseId, status: 'acknowledged', latestWords: { text: QUESTION_2 } });
  });

  it("ends a check-in still open: the patient's answer is to her, not the check-in's question", async () => {
    await s.advanceTo('2026-11-28T16:00:00Z');
    const { patient, caseId } = await askedAQuestion();
    await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], reminders: false });
    const started = await s.checkIn(patient, 'medication');
    expect((await s.conversation(started.conversationId)).status).toBe('active');

    expect((await textCase(caseId, { ...acting(), words: ANSWER })).status).toBe(201);
    expect((await s.conversation(started.conversationId)).status).toBe('cancelled');
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data as Json[];
    expect(transcript.find((e) => e.kind === 'check_in.cancelled_by_staff')).toBeDefined();
    const ended = await s.t.db.pool.query("SELECT detail FROM patient_events WHERE patient_id = $1 AND type = 'check_in.cancelled_by_staff'", [patient.id]);
    expect(ended.rows).toEqual([{ detail: expect.objectContaining({ reason: 'care_team_text' }) }]);

    // "Yes, thank you" to her answer is no dose taken.
    await s.runDue();
    await s.advance(5 * 60_000);
    await s.say(patient, 'yes thank you');
    expect((await s.observations(patient.id)).filter((o: Json) => o.kind === 'medication_adherence')).toEqual([]);
    // The same words again are the same text: nothing more is sent or ended.
    expect((await textCase(caseId, { ...acting(), words: ANSWER })).status).toBe(200);
  });

  it('is refused with a reason when the patient stopped texts, and for empty or overlong words', async () => {
    const { patient, caseId } = await askedAQuestion();
    await s.say(patient, 'STOP');
    const refused = await textCase(caseId, { ...acting(), words: ANSWER });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/stopped texts/);
    expect((await textCase(caseId, { ...acting(), words: '   ' })).status).toBe(400);
    expect((await textCase(caseId, { ...acting(), words: 'x'.repeat(641) })).status).toBe(400);
    expect(await careTeamTexts(patient.id)).toEqual([]);
  });

  it('is sent from the case page of the web app, through the same action', async () => {
    await s.advanceTo('2026-11-30T16:00:00Z');
    const { patient, caseId } = await askedAQuestion();
    const nora = await signInAs(s.t.service.app, LOGIN.email, LOGIN.password);
    const page = await nora.get(`/app/cases/${caseId}`);
    expect(page.body).toContain(`action="/app/cases/${caseId}/text"`);
    expect((await nora.post(`/app/cases/${caseId}/text`, { words: ANSWER })).status).toBe(303);
    expect((await nora.post(`/app/cases/${caseId}/text`, { words: '' })).status).toBe(400);
    await s.runDue();
    expect(s.sentTo(patient.phone).map((m) => m.Body)).toContain(`${ANSWER}\n- Nora Nurse, Riverside Family Medicine`);
    const after = await nora.get(`/app/cases/${caseId}`);
    expect(after.body).toMatch(/acknowledged by Nora Nurse/);
  });
});
