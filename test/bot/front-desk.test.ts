/**
 * A patient's text that is only the office's work (a new number, when the
 * office opens, what the texts cost) goes to the front desk's list, not to
 * the care team's case: through the webhook, the list in the API and on
 * Today, resolving one, and passing one on to the care team, where it joins
 * the patient's case. A text that also says something of health stays the
 * care team's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { text } from '../helpers/twilio.js';
import { signInNora, type Browser } from '../web/signed-in.js';

let s: Scenario;
let nora: Browser;

beforeAll(async () => {
  s = await startScenario();
  nora = await signInNora(s);
});
afterAll(() => s.close());

interface Listed {
  id: string;
  body: string;
  topics: string[];
  patient: { id: string };
  resolvedAt: string | null;
  resolvedBy: { name: string } | null;
  note: string | null;
  passedAlertId: string | null;
}
const listed = async (status = 'open'): Promise<Listed[]> => (await s.admin.get(`/api/v1/practices/${s.practice.id}/front-desk-texts?status=${status}`)).body.data;
const ofPatient = async (patientId: string, status = 'open') => (await listed(status)).filter((t) => t.patient.id === patientId);
const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

describe("the office's texts go to the front desk", () => {
  it.each([
    ['en', 'To whom it may concern: kindly update my mailing address to 14 Birch Lane, Apt 2', 'contact_details', /front desk at Riverside/],
    ['en', 'what time does the office open saturday', 'office_hours', /front desk at Riverside/],
    ['en', 'is my appointment still on thursday?', 'appointments', /front desk at Riverside/],
    ['en', 'Does Medicare pay for these texts or am I getting a bill?', 'billing', /front desk at Riverside/],
    ['es', '¿Me pueden mandar los mensajes en español? Mi inglés no es muy bueno', 'how_we_write', /recepcion de Riverside/],
  ])('(%s) "%s": listed for the front desk (%s), no alert, and the patient is told who will answer', async (language, body, topic, reply) => {
    const patient = await s.newPatient({ language });
    const replies = await s.say(patient, body);
    expect(replies.join('\n')).toMatch(reply);
    expect(await s.alerts(patient.id)).toEqual([]);
    const [text] = await ofPatient(patient.id);
    expect(text).toMatchObject({ body, topics: [topic], resolvedAt: null });
  });

  it('says something of health beside the office matter: the care team reads it, the front desk does not', async () => {
    const patient = await s.newPatient();
    await s.say(patient, 'my new number is 555 201 3344, and my feet have been so swollen');
    expect((await s.alerts(patient.id)).length).toBeGreaterThan(0);
    expect(await ofPatient(patient.id)).toEqual([]);
  });

  it('the same text twice is listed once', async () => {
    const patient = await s.newPatient();
    const sid = 'SM' + 'f'.repeat(32);
    for (let i = 0; i < 2; i++) await text(s.t.service.app, patient.phone, s.practice.phoneNumber, 'new cell number, use this one please', sid);
    expect(await ofPatient(patient.id)).toHaveLength(1);
  });

  it('on Today: resolved with what was done, it leaves the list', async () => {
    const patient = await s.newPatient({ firstName: 'Edna', lastName: 'Farnsworth' });
    await s.say(patient, 'Hola, me mude con mi hija. Tienen que cambiar la direccion?');
    const [text] = await ofPatient(patient.id);
    const today = main((await nora.get('/app')).body);
    const section = today.slice(today.indexOf('id="front-desk"'));
    expect(section).toContain('Farnsworth, Edna');
    expect(section).toContain('contact details');
    expect(section).toContain('me mude con mi hija');
    const done = await nora.post(`/app/front-desk/${text!.id}/resolve`, { note: 'Address updated' });
    expect(done.status).toBe(303);
    expect(await ofPatient(patient.id)).toEqual([]);
    const [resolved] = await ofPatient(patient.id, 'resolved');
    expect(resolved).toMatchObject({ note: 'Address updated', resolvedBy: { name: 'Nora Nurse' }, passedAlertId: null });
    expect(main((await nora.get('/app')).body)).not.toContain('me mude con mi hija');
  });

  it("passed on to the care team, it joins the patient's case; passing it again is harmless", async () => {
    const patient = await s.newPatient();
    await s.say(patient, 'what time do yall close on saturday');
    const [text] = await ofPatient(patient.id);
    const passed = await s.admin.post(`/api/v1/front-desk-texts/${text!.id}/pass-to-care-team`, { coordinatorId: s.coordinator.id, note: 'She sounded unwell on the phone' });
    expect(passed.status).toBe(200);
    expect(passed.body.passedAlertId).toEqual(expect.any(String));
    const alerts = await s.alerts(patient.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ reason: 'message_for_team', level: 'elevated', status: 'open' });
    // The text is the alert's evidence, as the patient wrote it.
    const evidence = await s.t.db.pool.query('SELECT message_id FROM alert_evidence WHERE alert_id = $1', [passed.body.passedAlertId]);
    expect(evidence.rows.map((r) => r.message_id)).toEqual([text!.id]);
    const again = await s.admin.post(`/api/v1/front-desk-texts/${text!.id}/pass-to-care-team`, { coordinatorId: s.coordinator.id });
    expect(again.body.passedAlertId).toBe(passed.body.passedAlertId);
    expect(await s.alerts(patient.id)).toHaveLength(1);
  });

  it('a text resolved already is not passed on; an unknown id is 404; a resolve without a note is 400', async () => {
    const patient = await s.newPatient();
    await s.say(patient, 'can I get a copy of my shot records');
    const [text] = await ofPatient(patient.id);
    await s.admin.post(`/api/v1/front-desk-texts/${text!.id}/resolve`, { coordinatorId: s.coordinator.id, note: 'Mailed them' });
    const late = await s.admin.post(`/api/v1/front-desk-texts/${text!.id}/pass-to-care-team`, { coordinatorId: s.coordinator.id });
    expect(late.status).toBe(409);
    expect((await s.admin.post('/api/v1/front-desk-texts/00000000-0000-4000-8000-000000000000/resolve', { coordinatorId: s.coordinator.id, note: 'x' })).status).toBe(404);
    const empty = await s.admin.post(`/api/v1/front-desk-texts/${text!.id}/resolve`, { coordinatorId: s.coordinator.id });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].path).toBe('body.note');
  });
});
