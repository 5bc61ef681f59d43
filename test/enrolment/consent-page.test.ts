/**
 * CCM consent on the candidate's phone, over HTTP: a candidate who said yes
 * gets the consent page's link by text; the token is exchanged for a cookie;
 * the page states each element of the practice's current text with its box
 * to tick and the name to type; signing records the consent with everything
 * CMS asks of it and enrols the patient, whose outreach plan starts. What an
 * earlier patient signed does not change when the text does; an unsigned
 * link gets one reminder, then a person's call; "No, thank you" is recorded
 * and never asked again; a form with something missing records nothing; an
 * expired link names the practice and its phone.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_WORDING } from '../../prompts/consent.js';
import { consentShown, publishConsentText, SIGNED_ON_PAGE } from '../../src/enrolment/consent.js';
import { findCandidate } from '../../src/store/candidates.js';
import { findConsentText } from '../../src/store/consents.js';
import { withTransaction } from '../../src/store/sql.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { ALL_ELEMENTS, ConsentVisitor, addCandidate, addPractitioner, consentTokenIn, practiceOf, sendLink } from './consent-support.js';

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let s: Scenario;
let doctor: { id: string; name: string };

beforeAll(async () => {
  // A Tuesday, 10:00 in Chicago: the practice is open.
  s = await startScenario({}, { start: '2026-12-01T16:00:00Z' });
  doctor = await addPractitioner(s);
});
afterAll(async () => {
  await s.close();
});

const consentRows = async (candidateId: string) => (await s.t.db.pool.query('SELECT * FROM ccm_consents WHERE candidate_id = $1', [candidateId])).rows;

describe('a candidate who said yes signs the consent page', () => {
  it('texts the link with a token kept only as a hash; the page states each element, the practice and the billing practitioner', async () => {
    const maria = await addCandidate(s, doctor.id);
    const { token, text } = await sendLink(s, maria);
    expect(text).toMatch(/^Riverside Family Medicine: thank you\. Please read and sign the CCM consent form here: https:\/\/hooks\.example\.com\/c\/[\w-]{43} /);
    expect(text).toContain('Call (555) 123-4567');
    const stored = await s.t.db.pool.query<{ body: string; candidate_id: string }>("SELECT body, candidate_id FROM messages WHERE candidate_id = $1 AND kind = 'consent_link'", [maria.id]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.body).toContain('/c/[link]');
    expect((await s.t.db.pool.query("SELECT 1 FROM messages WHERE body LIKE '%' || $1 || '%'", [token])).rows).toHaveLength(0);
    const hashes = await s.t.db.pool.query<{ token_hash: Buffer }>('SELECT t.token_hash FROM consent_tokens t JOIN consent_links l ON l.id = t.link_id WHERE l.candidate_id = $1', [maria.id]);
    expect(hashes.rows.map((r) => r.token_hash.length)).toEqual([32]);

    const phone = new ConsentVisitor(s);
    const opened = await phone.open(token);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe('/c');
    expect(String(opened.headers['set-cookie'])).toMatch(/^ccm_consent=[\w-]+; Path=\/c; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    const page = await phone.request('GET', '/c');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.html).toContain('<p class="practice-name">Riverside Family Medicine</p>');
    expect(page.html).toContain('with Alan Grant, MD as your CCM practitioner');
    for (const key of ALL_ELEMENTS) {
      expect(page.html).toContain(`<legend class="question">${CONSENT_WORDING.en.headings[key]}</legend>`);
      expect(page.html).toMatch(new RegExp(`<input type="checkbox" id="consent-${key.replaceAll('_', '-')}" name="elements" value="${key}"`));
    }
    expect(page.html.match(/I understand/g)?.length).toBeGreaterThanOrEqual(4);
    expect(page.html).toContain('a care team you can reach 24 hours a day, 7 days a week, for urgent needs');
    expect(page.html).toContain('copay, coinsurance or deductible');
    expect(page.html).toContain('Only one practitioner can bill for CCM for you in a month');
    expect(page.html).toContain('It stops at the end of that calendar month');
    expect(page.html).toContain('<button type="submit">Sign</button>');
    expect(page.html).toContain('<button type="submit" class="secondary">No, thank you</button>');
    expect(page.html).not.toContain(token);
    expect(s.t.logs.text).not.toContain(token);
  });

  it('signing records every field of the consent, enrols the patient and starts their outreach plan', async () => {
    const maria = await addCandidate(s, doctor.id, { firstName: 'Rosa', email: 'rosa@example.com', mrn: 'MRN-77' });
    const { token } = await sendLink(s, maria);
    const phone = new ConsentVisitor(s);
    await phone.open(token);
    const page = await phone.request('GET', '/c');
    const signedAt = s.clock.now();
    const signed = await phone.sign(page, { elements: ALL_ELEMENTS, name: '  Rosa Gonzalez ' });
    expect(signed.status).toBe(303);
    expect(signed.location).toBe('/c/signed');
    const thanks = await phone.request('GET', '/c/signed');
    expect(thanks.html).toContain('<h1>Thank you for signing</h1>');
    expect(thanks.html).toContain('What happens next');

    const candidate = (await findCandidate(s.t.db.pool, maria.id))!;
    expect(candidate.state).toBe('consented');
    expect(candidate.consentedAt).toBe(signedAt.toISOString());
    const patient = (await s.admin.get(`/api/v1/patients/${candidate.patientId}`)).body;
    expect(patient).toMatchObject({ firstName: 'Rosa', lastName: 'Gonzalez', phone: maria.phone, mrn: 'MRN-77', email: 'rosa@example.com', status: 'enrolled', conditions: maria.conditions });
    expect(patient.consent).toEqual({ status: 'granted', method: 'written', recordedAt: signedAt.toISOString(), recordedBy: SIGNED_ON_PAGE });
    const planned = await s.t.db.pool.query("SELECT kind FROM outreach WHERE patient_id = $1 AND status = 'planned'", [candidate.patientId]);
    expect(planned.rows.length).toBeGreaterThan(0);

    const [row] = await consentRows(maria.id);
    const text = (await findConsentText(s.t.db.pool, row.consent_text_id))!;
    expect(text).toMatchObject({ practiceId: s.practice.id, language: 'en', version: 1 });
    expect(row).toMatchObject({
      practice_id: s.practice.id,
      patient_id: candidate.patientId,
      method: 'electronic_signature',
      obtained_by: SIGNED_ON_PAGE,
      obtained_by_staff_id: null,
      billing_practitioner_id: doctor.id,
      elements_acknowledged: [...ALL_ELEMENTS],
      signature_name: 'Rosa Gonzalez',
      revoked_at: null,
    });
    expect(row.obtained_at.toISOString()).toBe(signedAt.toISOString());
    // The hash is of the exact text shown: the version's body with her billing practitioner's name.
    const shown = consentShown(text, 'Alan Grant, MD');
    expect(shown).toContain('with Alan Grant, MD as your CCM practitioner');
    expect(row.text_sha256).toBe(sha256(shown));
    expect(text.sha256).toBe(sha256(text.body));
    const events = await s.t.db.pool.query("SELECT type FROM patient_events WHERE patient_id = $1 AND type LIKE 'ccm_consent.%'", [candidate.patientId]);
    expect(events.rows).toEqual([{ type: 'ccm_consent.recorded' }]);

    // The link again, and the page again: signed, nothing asked twice.
    const again = await new ConsentVisitor(s, '198.51.100.20').open(token);
    expect(again.status).toBe(200);
    expect(again.html).toContain('<h1>Thank you for signing</h1>');
    expect(again.html).not.toContain('name="elements"');
    expect((await phone.request('GET', '/c')).html).toContain('<h1>Thank you for signing</h1>');
    expect(await consentRows(maria.id)).toHaveLength(1);
  });

  it('a text published later leaves what earlier patients signed as it was; a page open before it records the version it showed', async () => {
    const first = await addCandidate(s, doctor.id, { firstName: 'Ana' });
    const second = await addCandidate(s, doctor.id, { firstName: 'Ben' });
    const { token: firstToken } = await sendLink(s, first);
    const { token: secondToken } = await sendLink(s, second);
    const a = new ConsentVisitor(s);
    await a.open(firstToken);
    expect((await a.sign(await a.request('GET', '/c'), { elements: ALL_ELEMENTS, name: 'Ana Gonzalez' })).location).toBe('/c/signed');
    const [signed] = await consentRows(first.id);
    const before = (await findConsentText(s.t.db.pool, signed.consent_text_id))!;

    // Ben opens the page; the practice publishes new wording while it is open.
    const b = new ConsentVisitor(s, '198.51.100.30');
    await b.open(secondToken);
    const open = await b.request('GET', '/c');
    expect(open.html).toContain(`Consent text, version ${before.version}`);
    const practice = await practiceOf(s);
    const newer = await withTransaction(s.t.db.pool, (tx) =>
      publishConsentText(tx, practice, {
        language: 'en',
        elements: { ...CONSENT_WORDING.en.elements, cost_sharing: 'A monthly charge may apply. Your copay, coinsurance or deductible may apply.' },
        createdBy: 'Nora Nurse',
        at: s.clock.now(),
      }),
    );
    expect(newer.version).toBe(before.version + 1);
    expect(newer.body).toContain('A monthly charge may apply.');

    // Ana's consent, and the text she was shown, are as they were.
    expect(await consentRows(first.id)).toEqual([signed]);
    expect(await findConsentText(s.t.db.pool, before.id)).toEqual(before);
    expect(signed.text_sha256).toBe(sha256(consentShown(before, 'Alan Grant, MD')));

    // Ben signs the page he read: his consent is to the version shown, not the newer one.
    expect((await b.sign(open, { elements: ALL_ELEMENTS, name: 'Ben Gonzalez' })).location).toBe('/c/signed');
    const [bens] = await consentRows(second.id);
    expect(bens.consent_text_id).toBe(before.id);
    expect(bens.text_sha256).toBe(signed.text_sha256);
    // A page opened now shows the new wording.
    const third = await addCandidate(s, doctor.id, { firstName: 'Cy' });
    const c = new ConsentVisitor(s, '198.51.100.31');
    await c.open((await sendLink(s, third)).token);
    const now = await c.request('GET', '/c');
    expect(now.html).toContain(`Consent text, version ${newer.version}`);
    expect(now.html).toContain('A monthly charge may apply.');
  });
});

describe('a link left unsigned', () => {
  it('gets one reminder after 3 days, then after 3 more the candidate is no_answer and on the call list; the link still works', async () => {
    const dora = await addCandidate(s, doctor.id, { firstName: 'Dora' }, { campaign: true });
    const { token } = await sendLink(s, dora);
    const kinds = async () => (await s.t.db.pool.query("SELECT kind FROM messages WHERE candidate_id = $1 AND direction = 'outbound' ORDER BY created_at", [dora.id])).rows.map((r) => r.kind);
    await s.advance(3 * DAY - 60_000);
    expect(await kinds()).toEqual(['consent_link']);
    await s.advance(60_000);
    expect(await kinds()).toEqual(['consent_link', 'consent_reminder']);
    const reminder = s.sentTo(dora.phone).at(-1)!.Body;
    expect(reminder).toMatch(/^Riverside Family Medicine: your CCM consent form is still waiting for you: https:\/\/hooks\.example\.com\/c\/[\w-]{43} /);
    const reminderToken = consentTokenIn(reminder)!;
    expect(reminderToken).not.toBe(token);
    const contacts = await s.t.db.pool.query('SELECT purpose, message_id FROM invitation_contacts WHERE candidate_id = $1', [dora.id]);
    expect(contacts.rows).toHaveLength(1);
    expect(contacts.rows[0].purpose).toBe('consent_reminder');
    expect((await findCandidate(s.t.db.pool, dora.id))!.state).toBe('interested');

    await s.advance(3 * DAY);
    const lapsed = (await findCandidate(s.t.db.pool, dora.id))!;
    expect(lapsed).toMatchObject({ state: 'no_answer', callReason: 'consent_unsigned', noAnswerAt: s.clock.now().toISOString() });
    expect(await kinds()).toEqual(['consent_link', 'consent_reminder']);

    // A person may still point her to the link: it works for 14 days, and signing takes her off the call list.
    const phone = new ConsentVisitor(s);
    expect((await phone.open(reminderToken)).location).toBe('/c');
    expect((await phone.sign(await phone.request('GET', '/c'), { elements: ALL_ELEMENTS, name: 'Dora Gonzalez' })).location).toBe('/c/signed');
    expect(await findCandidate(s.t.db.pool, dora.id)).toMatchObject({ state: 'consented', callReason: null });
  });
});

describe('"No, thank you"', () => {
  it('is recorded as a no, never asked again: no reminder follows', async () => {
    const ed = await addCandidate(s, doctor.id, { firstName: 'Ed' });
    const { token } = await sendLink(s, ed);
    const phone = new ConsentVisitor(s);
    await phone.open(token);
    const declined = await phone.decline(await phone.request('GET', '/c'));
    expect(declined.status).toBe(303);
    expect(declined.location).toBe('/c/declined');
    const page = await phone.request('GET', '/c/declined');
    expect(page.html).toContain('<h1>We will not ask you again</h1>');
    expect(await findCandidate(s.t.db.pool, ed.id)).toMatchObject({ state: 'declined', declinedHow: 'said no on the consent page', patientId: null });
    expect(await consentRows(ed.id)).toEqual([]);
    const link = await s.t.db.pool.query('SELECT declined_at, signed_at FROM consent_links WHERE candidate_id = $1', [ed.id]);
    expect(link.rows[0].declined_at).not.toBeNull();
    // The link says so from now on, and nothing more is sent.
    expect((await new ConsentVisitor(s, '198.51.100.40').open(token)).html).toContain('<h1>We will not ask you again</h1>');
    await s.advance(7 * DAY);
    expect(s.sentTo(ed.phone)).toHaveLength(1);
    expect((await findCandidate(s.t.db.pool, ed.id))!.state).toBe('declined');
  });
});

describe('a form with something missing', () => {
  it('comes back with what to fix next to each field, keeps what was ticked and typed, and records nothing', async () => {
    const fay = await addCandidate(s, doctor.id, { firstName: 'Fay' });
    const { token } = await sendLink(s, fay);
    const phone = new ConsentVisitor(s);
    await phone.open(token);
    const page = await phone.request('GET', '/c');
    const missing = await phone.sign(page, { elements: ['offered', 'one_practitioner'], name: '   ' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('role="alert"');
    expect(missing.html).toMatch(/<title>Error: /);
    expect(missing.html).toContain('Tick &quot;I understand&quot; under &quot;What it may cost&quot;');
    expect(missing.html).toContain('Tick &quot;I understand&quot; under &quot;You can stop at any time&quot;');
    expect(missing.html).toContain('Type your full name to sign');
    expect(missing.html).toMatch(/id="consent-cost-sharing" name="elements" value="cost_sharing" aria-describedby="consent-cost-sharing-text consent-cost-sharing-error" aria-invalid="true"/);
    expect(missing.html).toMatch(/id="consent-offered" name="elements" value="offered" aria-describedby="consent-offered-text" checked>/);
    expect(missing.html).toMatch(/id="consent-signature"[^>]*aria-invalid="true"/);
    // Ticked, no name: only the name is asked for.
    const noName = await phone.sign(missing, { elements: ALL_ELEMENTS, name: '' });
    expect(noName.status).toBe(422);
    expect(noName.html).not.toContain('Tick &quot;I understand&quot;');
    expect(noName.html).toContain('Type your full name to sign');
    // A forged form: another page's CSRF token is refused, and an unknown text version is shown again, not signed.
    expect((await phone.sign(page, { elements: ALL_ELEMENTS, name: 'Fay Gonzalez', override: { _csrf: 'forged' } })).status).toBe(403);
    const unknownText = await phone.sign(page, { elements: ALL_ELEMENTS, name: 'Fay Gonzalez', override: { text: 'not-a-text' } });
    expect(unknownText.status).toBe(422);
    expect(unknownText.html).toContain('name="elements"');
    expect(await consentRows(fay.id)).toEqual([]);
    expect((await findCandidate(s.t.db.pool, fay.id))!.state).toBe('interested');
    // Then signed as it should be.
    expect((await phone.sign(page, { elements: ALL_ELEMENTS, name: 'Fay Gonzalez' })).location).toBe('/c/signed');
  });
});

describe('a consent that cannot be recorded online', () => {
  it('a candidate whose phone is already a patient\'s is asked to call, never shown an error: nothing is recorded', async () => {
    const patient = await s.newPatient({ firstName: 'Hana' });
    const hana = await addCandidate(s, doctor.id, { firstName: 'Hana', phone: patient.phone });
    const { token } = await sendLink(s, hana);
    const phone = new ConsentVisitor(s);
    await phone.open(token);
    const signed = await phone.sign(await phone.request('GET', '/c'), { elements: ALL_ELEMENTS, name: 'Hana Gonzalez' });
    expect(signed.status).toBe(200);
    expect(signed.html).toContain('<h1>Please call us</h1>');
    expect(signed.html).toContain('Nothing was signed.');
    expect(await consentRows(hana.id)).toEqual([]);
    expect((await findCandidate(s.t.db.pool, hana.id))!.state).toBe('interested');
  });
});

describe('links that no longer work', () => {
  it('an expired link names the practice and its phone; a link that matches nothing names no practice', async () => {
    const gus = await addCandidate(s, doctor.id, { firstName: 'Gus', language: 'es' });
    const { token, text } = await sendLink(s, gus);
    expect(text).toMatch(/^Riverside Family Medicine: gracias\. Lea y firme aqui el consentimiento para CCM: /);
    await s.advance(15 * DAY);
    const expired = await new ConsentVisitor(s).open(token);
    expect(expired.status).toBe(200);
    expect(expired.html).toContain('<html lang="es">');
    expect(expired.html).toContain('<h1>Este enlace ya venció</h1>');
    expect(expired.html).toContain('llame a Riverside Family Medicine al <a class="phone" href="tel:+15551234567">(555) 123-4567</a>');
    const unknown = await new ConsentVisitor(s).open('Zq3'.repeat(14) + 'x');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('<h1>This link has expired</h1>');
    expect(unknown.html).not.toContain('Riverside');
    // No visit at all (the cookie gone): the same words.
    expect((await new ConsentVisitor(s).request('GET', '/c')).html).toContain('<h1>This link has expired</h1>');
    expect(s.t.logs.text).not.toContain(token);
  });
});
