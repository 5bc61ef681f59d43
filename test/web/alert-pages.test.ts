/**
 * What an alert's and a case's pages show around the alert: the patient's
 * phone as people read it, the conversation around the patient's words (a
 * few messages either side, the words that raised it marked), and the texts
 * the care team was sent about it, by name and with their status; and the
 * outbound log of everything the service sent, newest first, page by page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { signInNora, type Browser } from './signed-in.js';

let s: Scenario;
let nora: Browser;

beforeAll(async () => {
  s = await startScenario();
  nora = await signInNora(s);
});
afterAll(() => s.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
function section(body: string, id: string): string {
  const start = body.indexOf(`<section aria-labelledby="${id}-title">`);
  expect(start, id).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</section>', start));
}
const items = (html: string) => [...html.matchAll(/<li class="(inbound|outbound)( evidence)?">([\s\S]*?)<\/li>/g)].map((m) => ({ direction: m[1], evidence: !!m[2], text: m[3]! }));
const alertOf = async (patientId: string) => (await s.t.db.pool.query('SELECT id, case_id FROM alerts WHERE patient_id = $1', [patientId])).rows[0] as { id: string; case_id: string };

describe("an alert's and a case's pages", () => {
  it('show the conversation around the patient\'s words, marked, and the phone formatted for reading', async () => {
    const ruth = await s.newPatient({ firstName: 'Ruth', lastName: 'Baker', phone: '(312) 555-0191' });
    const before = ['HELP', 'HELP', 'HELP', 'HELP'];
    for (const text of before) await s.say(ruth, text);
    await s.say(ruth, 'I need a refill of my metformin');
    for (const text of ['HELP', 'HELP', 'HELP', 'HELP']) await s.say(ruth, text);
    const alert = await alertOf(ruth.id);

    const page = await nora.get(`/app/alerts/${alert.id}`);
    expect(page.status).toBe(200);
    expect(main(page.body)).toContain('<a href="tel:+13125550191">(312) 555-0191</a>');
    const thread = items(section(page.body, 'conversation'));
    const raised = thread.findIndex((m) => m.evidence);
    expect(thread[raised]!.text).toContain('I need a refill of my metformin');
    expect(thread[raised]!.text).toContain('what raised it');
    expect(thread[raised]!.text).toContain('Ruth');
    // Three either side: what came just before and after, not the whole history.
    expect(raised).toBe(3);
    expect(thread).toHaveLength(7);
    expect(thread.filter((m) => m.evidence)).toHaveLength(1);
    expect(thread[raised - 1]!.direction).toBe('outbound');
    expect(thread[raised + 1]!.direction).toBe('outbound');

    const casePage = await nora.get(`/app/cases/${alert.case_id}`);
    expect(main(casePage.body)).toContain('<dt>Phone</dt><dd><a href="tel:+13125550191">(312) 555-0191</a></dd>');
    expect(items(section(casePage.body, 'conversation')).filter((m) => m.evidence).map((m) => m.text)).toEqual([expect.stringContaining('I need a refill')]);
    // Today's card carries the phone too.
    expect((await nora.get('/app')).body).toContain('<a href="tel:+13125550191">(312) 555-0191</a>');
  });

  it('list the texts sent to the care team about the alert: when, to whom by name, and their status', async () => {
    const walter = await s.newPatient({ firstName: 'Walter', lastName: 'Brooks' });
    await s.say(walter, 'I have chest pain');
    const alert = await alertOf(walter.id);
    expect(section((await nora.get(`/app/alerts/${alert.id}`)).body, 'notified')).toContain('No text was sent to the care team about it.');
    await s.runDue();
    const sent = section((await nora.get(`/app/alerts/${alert.id}`)).body, 'notified');
    expect(sent).toMatch(/<tr><td>Nov \d+, [\d:]+ [AP]M CST<\/td><td>Nora Nurse<\/td><td>urgent alert<\/td><td>(queued|sent|delivered)<\/td><\/tr>/);
    expect(section((await nora.get(`/app/cases/${alert.case_id}`)).body, 'notified')).toContain('<td>Nora Nurse</td><td>urgent alert</td>');
    // Another patient's alert lists none of them.
    const other = await s.newPatient({ firstName: 'Other' });
    await s.say(other, 'can I get a ride to my appointment?');
    expect(section((await nora.get(`/app/alerts/${(await alertOf(other.id)).id}`)).body, 'notified')).toContain('No text was sent');
  });
});

describe('the outbound log', () => {
  it('is in the navigation, lists what was sent newest first with to whom and its status, and pages on', async () => {
    const today = await nora.get('/app');
    expect(today.body).toContain('<a href="/app/outbound">Sent texts</a>');
    const jose = await s.newPatient({ firstName: 'José', lastName: 'Ortega' });
    for (let i = 0; i < 52; i += 1) await s.say(jose, 'HELP');

    const first = await nora.get('/app/outbound');
    expect(first.status).toBe(200);
    const rows = [...main(first.body).matchAll(/<tr><td>([^<]+)<\/td><td>([\s\S]*?)<\/td>\s*<td>/g)];
    expect(rows).toHaveLength(50);
    expect(rows[0]![2]).toContain(`<a href="/app/patients/${jose.id}">Ortega, José</a>`);
    const older = /<a href="\/app\/outbound\?to=all&amp;before=([0-9a-f-]{36})">Older texts<\/a>/.exec(first.body);
    expect(older).not.toBeNull();
    const second = await nora.get(`/app/outbound?to=all&before=${older![1]}`);
    expect(main(second.body)).toContain('Nora Nurse');

    const staff = main((await nora.get('/app/outbound?to=coordinator')).body);
    expect(staff).toContain('<td>Nora Nurse <span class="meta">(care team)</span></td>');
    expect(staff).toMatch(/urgent alert<br><span class="meta">about <a href="\/app\/alerts\/[0-9a-f-]{36}">the alert<\/a> about Walter Brooks<\/span>/);
    expect(staff).not.toContain('Ortega, José');
    // Reading it is a read of the records it shows.
    const log = await s.t.db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'web.outbound' AND patient_id = $1", [jose.id]);
    expect(log.rows[0].n).toBeGreaterThan(0);
  });
});
