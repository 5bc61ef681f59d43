/**
 * Enrolment in the web app: an admin adds candidates (a form, a CSV upload)
 * and starts a campaign; the list shows each one's state and standing and the
 * month's funnel; a coordinator opens a candidate from the call list, reads
 * the consent script, ticks each element and enrols them, or records a no or
 * a call; a patient's page revokes a consent; an admin publishes the consent
 * text. Every form goes through the action the API uses, and a refused one
 * comes back saying what to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextPhone } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { listForCall } from '../../src/store/candidates.js';
import { signInAs, signInNora, type Browser } from './signed-in.js';

const PASSWORD = 'correct horse battery staple';
const ELEMENTS = ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'];

let s: Scenario;
let ada: Browser;
let nora: Browser;
let practitionerId: string;

beforeAll(async () => {
  s = await startScenario();
  const users = `/api/v1/practices/${s.practice.id}/users`;
  expect((await s.admin.post(users, { name: 'Ada Admin', email: 'ada@riverside.example', role: 'admin', password: PASSWORD })).status).toBe(201);
  ada = await signInAs(s.t.service.app, 'ada@riverside.example', PASSWORD);
  nora = await signInNora(s);
  practitionerId = (await s.admin.post(`/api/v1/practices/${s.practice.id}/staff`, { name: 'Dr. Alan Grant', role: 'practitioner', credential: 'MD' })).body.id;
});
afterAll(() => s.close());

const text = (body: string) => body.slice(body.indexOf('<main')).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

/** A form with repeated fields (ticked boxes), as a browser sends it. */
function postPairs(browser: Browser, url: string, pairs: Array<[string, string]>) {
  const payload = new URLSearchParams([...pairs, ['_csrf', browser.csrf!]]).toString();
  return s.t.service.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: browser.cookie! } });
}

async function addCandidate(overrides: Record<string, unknown> = {}) {
  const created = await s.admin.post(`/api/v1/practices/${s.practice.id}/candidates`, {
    firstName: 'Ruth',
    lastName: 'Alvarez',
    phone: nextPhone(),
    phoneType: 'mobile',
    conditions: ['hypertension', 'type 2 diabetes'],
    billingPractitionerId: practitionerId,
    lastVisitOn: '2026-08-14',
    ...overrides,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; phone: string };
}

const candidate = async (id: string) => (await s.admin.get(`/api/v1/candidates/${id}`)).body;

describe('the enrolment page', () => {
  it('lists candidates with state and standing, and the funnel; the navigation leads to it', async () => {
    await addCandidate({ firstName: 'Nia', lastName: 'Novisit', lastVisitOn: null });
    const page = await ada.get('/app/enrolment');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<a href="/app/enrolment" aria-current="page">Enrolment</a>');
    const row = page.body.slice(page.body.indexOf('Novisit, Nia'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('needs an initiating visit first');
    expect(page.body).toContain('<table data-funnel>');
    expect(text(page.body)).toContain('Invited');
    expect(text(page.body)).toMatch(/1 listed candidate needs an initiating visit/);
  });

  it('adds a candidate with the form, and brings a refused form back with what to fix', async () => {
    const phone = nextPhone();
    const form = { firstName: 'Fay', lastName: 'Form', phone, phoneType: 'mobile', conditions: 'hypertension', billingPractitionerId: practitionerId, lastVisitOn: '2026-09-01', language: 'es', preferredChannel: 'sms' };
    const refused = await ada.post('/app/enrolment/candidates', form);
    expect(refused.status).toBe(400);
    expect(text(refused.body)).toContain('Chronic conditions: list at least 2 chronic conditions');
    expect(refused.body).toContain(`value="${phone}"`);
    expect(refused.body).toMatch(/id="c-conditions" name="conditions" required value="hypertension" aria-invalid="true"/);

    const added = await ada.post('/app/enrolment/candidates', { ...form, conditions: 'hypertension, CHF' });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe('/app/enrolment?notice=candidate_added');
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/candidates`)).body.data;
    expect(list.find((c: { phone: string }) => c.phone === phone)).toMatchObject({ firstName: 'Fay', language: 'es', conditions: ['hypertension', 'CHF'], state: 'listed' });
  });

  it('uploads a CSV list and reports each line', async () => {
    const boundary = '----ccmcandidates';
    const part = (name: string, value: string, file = false) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="list.csv"\r\nContent-Type: text/csv' : ''}\r\n\r\n${value}\r\n`;
    const csv = ['Patient Name,Phone,Conditions,Last Visit', '"Upton, Uma",(555) 412-0001,CHF;COPD,8/1/2026', '"Short, Sam",(555) 412-0002,CHF,8/1/2026', ''].join('\n');
    const response = await s.t.service.app.inject({
      method: 'POST',
      url: '/app/enrolment/candidates/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: ada.cookie! },
      payload: `${part('_csrf', ada.csrf!)}${part('billingPractitionerId', practitionerId)}${part('file', csv, true)}--${boundary}--\r\n`,
    });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(text(response.body)).toContain('1 added, 0 already listed or enrolled, 1 with errors.');
    expect(text(response.body)).toContain('conditions : list at least 2 chronic conditions');
  });

  it('starts a campaign for the ticked candidates', async () => {
    const ticked = await addCandidate({ firstName: 'Tia', lastName: 'Ticked' });
    const left = await addCandidate({ firstName: 'Leo', lastName: 'Left' });
    const page = await ada.get('/app/enrolment');
    expect(page.body).toContain(`name="candidateIds" value="${ticked.id}" form="start-campaign"`);
    const none = await postPairs(ada, '/app/enrolment/campaigns', [['name', 'Ticked only'], ['which', 'ticked']]);
    expect(none.statusCode).toBe(400);
    expect(text(none.body)).toContain('Whom to invite: tick at least one candidate');
    const started = await postPairs(ada, '/app/enrolment/campaigns', [['name', 'Ticked only'], ['which', 'ticked'], ['candidateIds', ticked.id]]);
    expect(started.statusCode, started.body.slice(0, 500)).toBe(303);
    expect(started.headers.location).toBe('/app/enrolment?notice=campaign_started&invited=1&skipped=0');
    expect(await candidate(ticked.id)).toMatchObject({ state: 'invited' });
    expect(await candidate(left.id)).toMatchObject({ state: 'listed' });
  });

  it('shows a coordinator the list but not the admin forms, and refuses their adding', async () => {
    const page = await nora.get('/app/enrolment');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('action="/app/enrolment/candidates"');
    const refused = await nora.post('/app/enrolment/candidates', { firstName: 'No', lastName: 'Way', phone: nextPhone(), conditions: 'CHF, COPD', billingPractitionerId: practitionerId });
    expect(refused.status).toBe(403);
  });
});

describe('the consent text, from the enrolment page', () => {
  const consentText = async (language: 'en' | 'es') => (await s.admin.get(`/api/v1/practices/${s.practice.id}/consent-text?language=${language}`)).body;
  const versions = async () => (await s.t.db.pool.query('SELECT * FROM consent_texts WHERE practice_id = $1 ORDER BY language, version', [s.practice.id])).rows;
  /** A language's boxes on the page, as typed in them: element -> wording. */
  const boxes = (body: string, language: string) =>
    Object.fromEntries(
      [...body.matchAll(new RegExp(`<textarea id="consent-${language}-(\\w+)"[^>]*>([^<]*)</textarea>`, 'g'))].map((m) => [
        m[1]!,
        m[2]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
      ]),
    );
  const NEW_WORDING = {
    offered: '{practice} offers you CCM with {practitioner}:\r\na care plan, check-ins and a care team at any hour.',
    cost_sharing: 'A monthly copay may apply.',
    one_practitioner: 'One practitioner bills CCM a month.',
    stop_any_time: 'You may stop at any time; it ends at the end of the month.',
  };

  it('shows an admin each language\'s current version, and publishes new English wording as version 2, leaving version 1 as it was', async () => {
    const page = await ada.get('/app/enrolment');
    expect(page.body).toContain('<h2 id="consent-text-title">Consent text</h2>');
    expect(text(page.body)).toContain('Publishing makes a new version, shown from then on; consents given earlier keep the text they were shown.');
    const en = await consentText('en');
    const es = await consentText('es');
    expect(en.version).toBe(1);
    expect(text(page.body)).toContain('English: version 1');
    expect(text(page.body)).toContain(`Spanish: version ${es.version}`);
    expect(boxes(page.body, 'en')).toEqual(en.elements);
    expect(boxes(page.body, 'es')).toEqual(es.elements);
    expect(page.body).toContain('lang="es" rows="4"');
    const before = await versions();

    const published = await ada.post('/app/enrolment/consent-text', { language: 'en', ...NEW_WORDING });
    expect(published.status, published.body.slice(0, 500)).toBe(303);
    expect(published.headers.location).toBe('/app/enrolment?notice=consent_text_published&language=en&version=2');
    const now = await consentText('en');
    // The browser's CRLF is kept as LF, like the API's text.
    expect(now).toMatchObject({ version: 2, elements: { ...NEW_WORDING, offered: NEW_WORDING.offered.replace('\r\n', '\n') }, createdBy: 'Ada Admin' });
    const after = await versions();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((v) => v.language === 'en' && v.version === 1)).toEqual(before.find((v) => v.language === 'en' && v.version === 1));
    expect((await consentText('es')).version).toBe(es.version);

    const shown = await ada.get(String(published.headers.location));
    expect(text(shown.body)).toContain('English consent text published as version 2');
    expect(text(shown.body)).toContain('English: version 2');
    expect(boxes(shown.body, 'en').one_practitioner).toBe(NEW_WORDING.one_practitioner);
  });

  it('brings an empty element back with the rest of what was typed, and publishes nothing', async () => {
    const before = await versions();
    const refused = await ada.post('/app/enrolment/consent-text', { language: 'en', ...NEW_WORDING, cost_sharing: '  ', one_practitioner: 'Only one of us bills it.' });
    expect(refused.status).toBe(400);
    expect(text(refused.body)).toContain('What it may cost: must say the element in full');
    expect(refused.body).toMatch(/<details class="card" data-consent-text="en" open>/);
    expect(refused.body).toMatch(/<textarea id="consent-en-cost_sharing" name="cost_sharing" lang="en" rows="4" required maxlength="2000" aria-invalid="true" aria-describedby="consent-text-en-error consent-text-help" autofocus>/);
    expect(boxes(refused.body, 'en').one_practitioner).toBe('Only one of us bills it.');
    expect(await versions()).toEqual(before);
  });

  it('is not shown to a coordinator, and refuses their publishing', async () => {
    const before = await versions();
    const page = await nora.get('/app/enrolment');
    expect(page.body).not.toContain('action="/app/enrolment/consent-text"');
    const refused = await nora.post('/app/enrolment/consent-text', { language: 'en', ...NEW_WORDING });
    expect(refused.status).toBe(403);
    expect(await versions()).toEqual(before);
  });
});

describe('a candidate, from the call list', () => {
  it('appears on Today marked as an invitation, and the script enrols them once every element is acknowledged', async () => {
    const c = await addCandidate({ firstName: 'Sol', lastName: 'Script', language: 'es' });
    await listForCall(s.t.db.pool, c.id, 'voice_interest', s.clock.now());
    const today = await nora.get('/app');
    const calls = today.body.slice(today.body.indexOf('<section aria-labelledby="call-list-title">'));
    const entry = calls.slice(calls.indexOf('data-invitation'));
    expect(entry.slice(0, entry.indexOf('</li>'))).toContain(`<a href="/app/enrolment/candidates/${c.id}"><strong>Script, Sol</strong></a>`);
    expect(entry.slice(0, entry.indexOf('</li>'))).toContain('said yes on a call: take consent by phone');
    expect(entry.slice(0, entry.indexOf('</li>'))).toContain('invitation');

    const page = await nora.get(`/app/enrolment/candidates/${c.id}`);
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain('said yes on a call: take consent by phone');
    for (const key of ELEMENTS) expect(page.body).toContain(`name="elements" value="${key}"`);
    // The script is the practice's Spanish text, with the billing practitioner's name.
    expect(page.body).toContain('Dr. Alan Grant, MD');
    expect(page.body).toContain('lang="es"');
    const textId = /name="consentTextId" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;

    const short = await postPairs(nora, `/app/enrolment/candidates/${c.id}/consent`, [['consentTextId', textId], ...ELEMENTS.slice(0, 3).map((e): [string, string] => ['elements', e])]);
    expect(short.statusCode).toBe(400);
    expect(text(short.body)).toContain('not acknowledged: stop_any_time');
    expect(await candidate(c.id)).toMatchObject({ state: 'listed' });

    const given = await postPairs(nora, `/app/enrolment/candidates/${c.id}/consent`, [['consentTextId', textId], ...ELEMENTS.map((e): [string, string] => ['elements', e])]);
    expect(given.statusCode).toBe(303);
    const enrolled = await candidate(c.id);
    expect(enrolled).toMatchObject({ state: 'consented', callListedAt: null });
    expect(given.headers.location).toBe(`/app/patients/${enrolled.patientId}?notice=consent_saved`);
    const patient = (await s.admin.get(`/api/v1/patients/${enrolled.patientId}`)).body;
    expect(patient).toMatchObject({ status: 'enrolled', language: 'es', consent: { status: 'granted', method: 'verbal', recordedBy: 'Nora Nurse, RN' } });

    // The patient's page shows the consent record and revokes it.
    const patientPage = await nora.get(`/app/patients/${patient.id}`);
    expect(patientPage.body).toContain('<h2 id="ccm-consent-title">CCM consent record</h2>');
    expect(text(patientPage.body)).toContain('given by phone');
    const noHow = await nora.post(`/app/patients/${patient.id}/consent/revoke`, { how: '', on: '2026-11-24' });
    expect(noHow.status).toBe(400);
    expect(text(noHow.body)).toContain('How they asked:');
    const revoked = await nora.post(`/app/patients/${patient.id}/consent/revoke`, { how: 'by phone to Nora', on: '2026-11-24' });
    expect(revoked.status).toBe(303);
    expect(revoked.headers.location).toBe(`/app/patients/${patient.id}?notice=consent_revoked`);
    expect((await s.admin.get(`/api/v1/patients/${patient.id}`)).body.status).toBe('disenrolled');
    expect(text((await nora.get(`/app/patients/${patient.id}`)).body)).toContain('Revoked');
  });

  it('records a no said by phone, and a call that settled nothing', async () => {
    const no = await addCandidate({ firstName: 'Noe', lastName: 'Declines' });
    const declined = await nora.post(`/app/enrolment/candidates/${no.id}/decline`, { note: 'has a cardiologist' });
    expect(declined.status).toBe(303);
    expect(await candidate(no.id)).toMatchObject({ state: 'declined', declinedHow: 'told Nora Nurse, RN by phone: has a cardiologist' });
    expect(text((await nora.get(String(declined.headers.location))).body)).toContain('No campaign will ask them again');

    const later = await addCandidate({ firstName: 'Cal', lastName: 'Later' });
    await listForCall(s.t.db.pool, later.id, 'no_answer', s.clock.now());
    const called = await nora.post(`/app/enrolment/candidates/${later.id}/called`, { note: 'no answer' });
    expect(called.status).toBe(303);
    expect(await candidate(later.id)).toMatchObject({ callListedAt: null, state: 'listed', lastCall: { by: 'Nora Nurse, RN', note: 'no answer' } });
    expect(text((await nora.get(String(called.headers.location))).body)).toContain('Nora Nurse, RN: no answer');
  });

  it("answers 404 for another practice's candidate", async () => {
    const other = await s.admin.post('/api/v1/practices', { name: 'Elsewhere Clinic', timezone: 'America/Chicago', phoneNumber: nextPhone() });
    const theirs = await s.admin.post(`/api/v1/practices/${other.body.id}/staff`, { name: 'Dr. Other', role: 'practitioner', credential: 'MD' });
    const c = await s.admin.post(`/api/v1/practices/${other.body.id}/candidates`, {
      firstName: 'Ola',
      lastName: 'Other',
      phone: nextPhone(),
      conditions: ['CHF', 'COPD'],
      billingPractitionerId: theirs.body.id,
    });
    expect((await nora.get(`/app/enrolment/candidates/${c.body.id}`)).status).toBe(404);
    expect((await nora.post(`/app/enrolment/candidates/${c.body.id}/called`, {})).status).toBe(404);
  });
});

describe('odd forms', () => {
  it('never answers 5xx to odd values in the enrolment forms', async () => {
    const c = await addCandidate();
    const ODD = ['', '%00', '\u0000', 'a'.repeat(3000), '2026-02-30', '9999-12-31', 'x', c.id];
    const forms: Array<[string, string[]]> = [
      ['/app/enrolment/candidates', ['firstName', 'lastName', 'phone', 'phoneType', 'conditions', 'billingPractitionerId', 'lastVisitOn', 'dateOfBirth', 'mrn', 'email', 'language', 'preferredChannel']],
      ['/app/enrolment/campaigns', ['name', 'which', 'candidateIds']],
      [`/app/enrolment/candidates/${c.id}/consent`, ['consentTextId', 'elements']],
      [`/app/enrolment/candidates/${c.id}/decline`, ['note']],
      ['/app/enrolment/consent-text', ['language', ...ELEMENTS]],
    ];
    const failures: string[] = [];
    for (const [url, fields] of forms) {
      for (const name of fields) {
        for (const value of ODD) {
          // Admins add and start campaigns; a coordinator with a staff record takes consent.
          const response = await postPairs(url.includes('/candidates/') ? nora : ada, url, [[name, value], ['which', 'ticked']]);
          if (response.statusCode >= 500) failures.push(`${url} ${name}=${value.slice(0, 20)}: ${response.statusCode}`);
        }
      }
    }
    for (const url of ['/app/enrolment?month=0000-13', '/app/enrolment?notice=%00&invited=-1', '/app/enrolment/candidates/x', `/app/enrolment/candidates/${c.id}?notice=__proto__`]) {
      const response = await ada.get(url);
      if (response.status >= 500) failures.push(`GET ${url}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });
});
