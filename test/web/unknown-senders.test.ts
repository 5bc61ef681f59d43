/**
 * A text from an unknown number in the web app: its page (the text, when, the
 * number as people read it, what the service read in it, who was texted
 * about it), finding the patient it is about and linking it, and resolving
 * it; the same actions as the API. Another practice's text is not found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { createPractice, nextPhone, patientBody } from '../helpers/api.js';
import { text as textThePractice } from '../helpers/twilio.js';
import { signInNora, type Browser } from './signed-in.js';

let s: Scenario;
let nora: Browser;

beforeAll(async () => {
  s = await startScenario();
  nora = await signInNora(s);
});
afterAll(() => s.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const textId = async (from: string) => (await s.t.db.pool.query('SELECT id FROM messages WHERE from_number = $1 ORDER BY seq DESC LIMIT 1', [from])).rows[0].id as string;

describe('a text from an unknown number, in the app', () => {
  it('reads it whole: the words, when, the number, what was read in it, and who was texted about it', async () => {
    const daughter = '+13125550100';
    await s.say({ phone: daughter }, 'hi is this the clinic');
    await s.advance(60_000);
    await s.say({ phone: daughter }, 'Mom fell and hit her head, shes confused');
    await s.runDue();
    const id = await textId(daughter);
    const page = await nora.get(`/app/unknown-senders/${id}`);
    expect(page.status).toBe(200);
    const body = main(page.body);
    expect(body).toContain('<h1>Text from (312) 555-0100</h1>');
    expect(body).toContain('<blockquote class="patient-text"><p>Mom fell and hit her head, shes confused</p></blockquote>');
    expect(body).toContain('<dt>From</dt><dd><a href="tel:+13125550100">(312) 555-0100</a>');
    expect(body).toContain('<dt>Received</dt><dd>Nov 24, 10:01 AM CST</dd>');
    expect(body).toContain('<dt>What we read</dt><dd>reports a fall (hurt or unable to get up)</dd>');
    expect(body).toContain('The on-call coordinators were texted when it came.');
    expect(body).toMatch(/<td>Nora Nurse<\/td><td>urgent text from an unknown number<\/td>/);
    // What the number wrote before is a link away.
    expect(body).toContain('hi is this the clinic');
    const log = await s.t.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'web.unknown_sender'");
    expect(log.rows[0].n).toBeGreaterThan(0);
  });

  it('finds the patient by name and links the text to them: it joins their case, acknowledged', async () => {
    const ruth = await s.newPatient({ firstName: 'Ruth', lastName: 'Okafor' });
    const id = await textId('+13125550100');
    const found = main((await nora.get(`/app/unknown-senders/${id}?q=ruth`)).body);
    expect(found).toContain('Okafor, Ruth');
    expect(found).toContain('<button type="submit">Link to Ruth Okafor</button>');
    expect(main((await nora.get(`/app/unknown-senders/${id}?q=nobody-by-this-name`)).body)).toContain('No patient matches.');

    const linked = await nora.post(`/app/unknown-senders/${id}/link`, { patientId: ruth.id });
    expect(linked.status).toBe(303);
    expect(linked.headers.location).toBe(`/app/unknown-senders/${id}`);
    const page = main((await nora.get(`/app/unknown-senders/${id}`)).body);
    expect(page).toContain(`<a href="/app/patients/${ruth.id}">Ruth Okafor</a>`);
    expect(page).toContain('linked by Nora Nurse');
    expect(page).toMatch(/evidence of <a href="\/app\/alerts\/[0-9a-f-]{36}">a fall \(hurt or unable to get up\)<\/a> in <a href="\/app\/cases\/[0-9a-f-]{36}">their case<\/a>/);
    expect(page).not.toContain('Link to a patient');
    const [alert] = (await s.t.db.pool.query('SELECT level, status, acknowledged_by, case_id FROM alerts WHERE patient_id = $1', [ruth.id])).rows;
    expect(alert).toMatchObject({ level: 'urgent', status: 'acknowledged', acknowledged_by: s.coordinator.id });
    // On Today it shows linked, and still waits to be resolved; her case is among the urgent ones.
    const today = main((await nora.get('/app')).body);
    expect(today).toContain('linked to Ruth Okafor');
    expect(today.slice(today.indexOf('id="urgent-cases"'), today.indexOf('id="unknown-texts"'))).toContain('Okafor, Ruth');
    // Her case shows the daughter's words in her conversation, as not hers.
    const casePage = main((await nora.get(`/app/cases/${alert.case_id}`)).body);
    const words = casePage.slice(casePage.indexOf('<li class="inbound evidence">'));
    expect(words.slice(0, words.indexOf('</li>'))).toMatch(/\(312\) 555-0100, <strong>not the patient's phone<\/strong>[\s\S]*Mom fell and hit her head/);
    // With the answer the daughter got, and the on-call text sent when it came.
    expect(casePage).toContain('ccm-bot, to (312) 555-0100');
    const notified = casePage.slice(casePage.indexOf('<section aria-labelledby="notified-title">'));
    expect(notified).toMatch(/<td>Nora Nurse<\/td><td>urgent text from an unknown number<\/td>/);
  });

  it('resolves it with what was done: it leaves Today', async () => {
    const id = await textId('+13125550100');
    expect((await nora.post(`/app/unknown-senders/${id}/resolve`, { note: '' })).status).toBe(400);
    const resolved = await nora.post(`/app/unknown-senders/${id}/resolve`, { note: 'Called back: her daughter. Ruth is at the ER.' });
    expect(resolved.status).toBe(303);
    const page = main((await nora.get(`/app/unknown-senders/${id}`)).body);
    expect(page).toMatch(/<dt>Status<\/dt><dd>Resolved by Nora Nurse at Nov 24, [\d:]+ [AP]M CST: Called back: her daughter. Ruth is at the ER.<\/dd>/);
    expect(page).not.toContain('<h2 id="resolve-title">');
    expect(main((await nora.get('/app')).body)).not.toContain(`/app/unknown-senders/${id}"`);
    const listed = main((await nora.get('/app/unknown-senders?status=reviewed')).body);
    expect(listed).toContain(`/app/unknown-senders/${id}`);
    const audit = await s.t.db.pool.query("SELECT action FROM audit_log WHERE action IN ('web.unmatched_text.link', 'web.unmatched_text.review') ORDER BY id");
    expect(audit.rows.map((r) => r.action)).toEqual(['web.unmatched_text.link', 'web.unmatched_text.review']);
  });

  it("another practice's text is not found, nor can its patients be linked", async () => {
    const elsewhere = await createPractice(s.admin, { name: 'Lakeside Clinic' });
    const stranger = nextPhone();
    await textThePractice(s.t.service.app, stranger, elsewhere.phoneNumber, 'please call me about my father');
    const theirs = await textId(stranger);
    expect((await nora.get(`/app/unknown-senders/${theirs}`)).status).toBe(404);
    expect((await nora.post(`/app/unknown-senders/${theirs}/resolve`, { note: 'x' })).status).toBe(404);
    const ours = nextPhone();
    await s.say({ phone: ours }, 'please call me about my mother');
    const theirPatient = (await s.admin.post(`/api/v1/practices/${elsewhere.id}/patients`, patientBody())).body;
    const refused = await nora.post(`/app/unknown-senders/${await textId(ours)}/link`, { patientId: theirPatient.id });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('no patient of this practice has this id');
    expect((await nora.get('/app/unknown-senders/not-an-id')).status).toBe(404);
  });
});
