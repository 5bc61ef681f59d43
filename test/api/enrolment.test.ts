/**
 * Enrolment campaigns through the API, as a practice's staff use them: add
 * candidates (one, or a CSV list with good and bad rows), see each one's
 * standing, start a campaign, count the funnel for a month, take consent by
 * phone (the candidate becomes an enrolled patient), record a no, take a
 * candidate off the call list, revoke a consent, publish a new consent text.
 * Bad input is a 400 naming the field; another practice's candidate is 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/service.js';
import { apiClient, createApiKey, createPatient, createPractice, nextPhone, type ApiClient } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { changeCandidateState, listForCall } from '../../src/store/candidates.js';
import { insertCampaign } from '../../src/store/campaigns.js';

const ELEMENTS = ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'];

let s: Scenario;
let P: string;
let practitionerId: string;

/** A practitioner of the practice, who bills CCM. */
async function addPractitioner(api: ApiClient, practiceId: string, name = 'Dr. Alan Grant'): Promise<string> {
  const created = await api.post(`/api/v1/practices/${practiceId}/staff`, { name, role: 'practitioner', credential: 'MD' });
  expect(created.status).toBe(201);
  return created.body.id;
}

const candidateBody = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Ruth',
  lastName: 'Alvarez',
  phone: nextPhone(),
  phoneType: 'mobile',
  language: 'en',
  preferredChannel: 'sms',
  conditions: ['hypertension', 'type 2 diabetes'],
  billingPractitionerId: practitionerId,
  lastVisitOn: '2026-08-14',
  ...overrides,
});

async function addCandidate(overrides: Record<string, unknown> = {}, practice = P) {
  const created = await s.admin.post(`${practice}/candidates`, candidateBody(overrides));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; phone: string; state: string; standing: string };
}

const candidate = async (id: string) => (await s.admin.get(`/api/v1/candidates/${id}`)).body;

beforeAll(async () => {
  s = await startScenario();
  P = `/api/v1/practices/${s.practice.id}`;
  practitionerId = await addPractitioner(s.admin, s.practice.id);
});
afterAll(() => s.close());

describe('adding candidates', () => {
  it('adds one, listed, with its standing', async () => {
    const added = await s.admin.post(`${P}/candidates`, candidateBody({ phone: '(555) 410-7001', dateOfBirth: '3/21/1948', mrn: 'E7001' }));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ phone: '+15554107001', state: 'listed', standing: 'eligible', standingText: 'eligible', dateOfBirth: '1948-03-21', mrn: 'E7001', callReason: null });
    const again = await s.admin.post(`${P}/candidates`, candidateBody({ phone: '555-410-7001' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(added.body.id);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ conditions: ['hypertension'] }, 'body.conditions'],
      [{ phone: '12345' }, 'body.phone'],
      [{ lastVisitOn: '2027-01-05' }, 'body.lastVisitOn'],
      [{ lastVisitOn: '2/30/2026' }, 'body.lastVisitOn'],
      [{ language: 'fr' }, 'body.language'],
      [{ phoneType: 'pager' }, 'body.phoneType'],
      [{ billingPractitionerId: 'Dr. Grant' }, 'body.billingPractitionerId'],
    ];
    for (const [change, path] of cases) {
      const refused = await s.admin.post(`${P}/candidates`, candidateBody(change));
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.issues.map((i: { path: string }) => i.path), path).toContain(path);
    }
    const tooFew = await s.admin.post(`${P}/candidates`, candidateBody({ conditions: ['hypertension'] }));
    expect(tooFew.body.error.message).toContain('at least 2 chronic conditions');
    // A nurse is clinical staff: CCM is billed by a practitioner.
    const nurse = await s.admin.post(`${P}/candidates`, candidateBody({ billingPractitionerId: s.coordinator.id }));
    expect(nurse.status).toBe(400);
    expect(nurse.body.error.issues).toEqual([{ path: 'billingPractitionerId', message: expect.stringContaining('not a practitioner') }]);
  });

  it('lists each candidate with its state and standing: no visit, or none within a year, needs an initiating visit first', async () => {
    const recent = await addCandidate({ lastVisitOn: '2025-11-25' });
    const old = await addCandidate({ lastVisitOn: '2025-11-01' });
    const never = await addCandidate({ lastVisitOn: null });
    const list = (await s.admin.get(`${P}/candidates`)).body.data as Array<{ id: string; standing: string; standingText: string }>;
    const of = (id: string) => list.find((c) => c.id === id)!;
    expect(of(recent.id)).toMatchObject({ standing: 'eligible' });
    expect(of(old.id)).toMatchObject({ standing: 'needs_visit', standingText: 'needs an initiating visit first' });
    expect(of(never.id)).toMatchObject({ standing: 'needs_visit' });
    const listed = (await s.admin.get(`${P}/candidates?state=consented`)).body.data;
    expect(listed.every((c: { state: string }) => c.state === 'consented')).toBe(true);
  });
});

describe('importing a CSV list', () => {
  const post = (csv: string, query = '') =>
    s.t.service.app.inject({
      method: 'POST',
      url: `${P}/candidates/import${query}`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      payload: csv,
    });

  it('adds the good rows and reports each bad row by line and column', async () => {
    const existing = await addCandidate();
    const csv = [
      'Patient Name,Phone,Phone Type,Conditions,Billing Practitioner,Last Visit,Language,Notes',
      `"Okafor, Grace",(555) 411-0001,cell,hypertension;COPD,Dr. Alan Grant,8/14/2026,Spanish,likes mornings`,
      `Ben Ito,(555) 411-0002,landline,CHF;diabetes,${practitionerId},,English,`,
      `One Condition,(555) 411-0003,mobile,asthma,Dr. Alan Grant,8/14/2026,en,`,
      `Un Known,(555) 411-0004,mobile,asthma;CHF,Dr. Nobody,8/14/2026,en,`,
      `Bad Phone,12345,mobile,asthma;CHF,Dr. Alan Grant,8/14/2026,en,`,
      `Bad Date,(555) 411-0006,mobile,asthma;CHF,Dr. Alan Grant,2/30/2026,en,`,
      `Al Ready,${existing.phone},mobile,asthma;CHF,Dr. Alan Grant,8/14/2026,en,`,
      `Twin Row,(555) 411-0001,mobile,asthma;CHF,Dr. Alan Grant,8/14/2026,en,`,
      '',
    ].join('\n');
    const response = await post(csv, '?ignore=Notes');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ imported: 2, existing: 1, failed: 5 });
    const byLine = new Map(result.rows.map((r: { line: number }) => [r.line, r]));
    const fields = (line: number) => (byLine.get(line) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    expect(fields(4)).toEqual(['conditions']);
    expect(fields(5)).toEqual(['billingPractitionerId']);
    expect(fields(6)).toEqual(['phone']);
    expect(fields(7)).toEqual(['lastVisitOn']);
    expect(byLine.get(8)).toMatchObject({ status: 'existing', candidateId: existing.id });
    expect((byLine.get(9) as { errors: unknown[] }).errors).toEqual([{ field: 'phone', message: 'same phone as line 2' }]);

    const grace = await candidate((byLine.get(2) as { candidateId: string }).candidateId);
    expect(grace).toMatchObject({ firstName: 'Grace', lastName: 'Okafor', phoneType: 'mobile', language: 'es', conditions: ['hypertension', 'COPD'], billingPractitionerId: practitionerId, lastVisitOn: '2026-08-14' });
    const ben = await candidate((byLine.get(3) as { candidateId: string }).candidateId);
    expect(ben).toMatchObject({ phoneType: 'landline', lastVisitOn: null, standing: 'needs_visit' });
  });

  it('names a missing or unknown column once, for the whole file', async () => {
    const missing = await post('First Name,Last Name,Phone,Conditions\nAna,Diaz,(555) 411-0101,CHF;COPD\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('"Last Visit"');
    expect(missing.json().error.message).toContain('"Billing Practitioner"');
    const unknown = await post('First Name,Last Name,Phone,Conditions,Last Visit,Room\nAna,Diaz,(555) 411-0101,CHF;COPD,,12\n', `?billingPractitionerId=${practitionerId}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('Unknown column: "Room"');
  });
});

describe('campaigns', () => {
  it('starts one through the API: the eligible are invited, the others skipped with why', async () => {
    const eligible = await addCandidate();
    const needsVisit = await addCandidate({ lastVisitOn: null });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const started = await s.admin.post(`${P}/campaigns`, { name: 'Winter panel', candidateIds: [eligible.id, needsVisit.id, unknown] });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.campaign).toMatchObject({ name: 'Winter panel', reminderDays: [3, 7], status: 'running' });
    expect(started.body.invited).toEqual([eligible.id]);
    expect(started.body.skipped).toEqual(
      expect.arrayContaining([
        { candidateId: needsVisit.id, reason: 'needs_visit' },
        { candidateId: unknown, reason: 'unknown' },
      ]),
    );
    expect(await candidate(eligible.id)).toMatchObject({ state: 'invited', campaignId: started.body.campaign.id });
    expect(await candidate(needsVisit.id)).toMatchObject({ state: 'listed' });
    const campaigns = (await s.admin.get(`${P}/campaigns`)).body.data;
    expect(campaigns.map((c: { id: string }) => c.id)).toContain(started.body.campaign.id);
  });

  it('refuses a campaign without a name or candidates, naming the field', async () => {
    const noName = await s.admin.post(`${P}/campaigns`, { candidateIds: 'all_listed' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.issues[0].path).toBe('body.name');
    const none = await s.admin.post(`${P}/campaigns`, { name: 'Empty', candidateIds: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.issues[0].path).toBe('body.candidateIds');
    const days = await s.admin.post(`${P}/campaigns`, { name: 'Backwards', candidateIds: 'all_listed', reminderDays: [7, 3] });
    expect(days.status).toBe(400);
    expect(days.body.error.issues[0].path).toBe('body.reminderDays');
  });
});

describe('the funnel', () => {
  it('counts each step in the month it happened, in the practice\'s timezone, for the practice and per campaign', async () => {
    // A practice of its own, so nothing else counts.
    const practice = await createPractice(s.admin, { timezone: 'America/Chicago' });
    const Q = `/api/v1/practices/${practice.id}`;
    const own = await addPractitioner(s.admin, practice.id);
    const db = s.t.db.pool;
    const campaign = await insertCampaign(db, { practiceId: practice.id, name: 'Fall', reminderDays: [3, 7], createdBy: 'test', at: new Date('2026-10-01T15:00:00Z') });
    const other = await insertCampaign(db, { practiceId: practice.id, name: 'November', reminderDays: [3, 7], createdBy: 'test', at: new Date('2026-11-02T15:00:00Z') });
    const add = async (lastVisitOn: string | null = '2026-08-14') => (await addCandidate({ billingPractitionerId: own, lastVisitOn }, Q)).id;
    const [a, b, c, d, e, f] = [await add(), await add(), await add(), await add(), await add(), await add()];
    await add(null); // listed, needs a visit
    const at = (iso: string) => new Date(iso);
    // October: a and b invited; b opts out at 23:30 on Oct 31 in Chicago (Nov 1 in UTC): October's.
    await changeCandidateState(db, a, { state: 'invited', campaignId: campaign.id, at: at('2026-10-20T15:00:00Z') });
    await changeCandidateState(db, b, { state: 'invited', campaignId: campaign.id, at: at('2026-10-20T15:00:00Z') });
    await changeCandidateState(db, b, { state: 'opted_out', at: at('2026-11-01T04:30:00Z') });
    // a says yes in November and consents; c, d, e, f invited in November (the other campaign).
    await changeCandidateState(db, a, { state: 'interested', at: at('2026-11-03T15:00:00Z') });
    const patient = await createPatient(s.admin, practice.id);
    await changeCandidateState(db, a, { state: 'consented', patientId: patient.id, at: at('2026-11-04T15:00:00Z') });
    for (const id of [c, d, e, f]) await changeCandidateState(db, id, { state: 'invited', campaignId: other.id, at: at('2026-11-05T15:00:00Z') });
    await changeCandidateState(db, c, { state: 'declined', how: 'replied no by text', at: at('2026-11-06T15:00:00Z') });
    await changeCandidateState(db, d, { state: 'no_answer', at: at('2026-11-20T15:00:00Z') });
    await changeCandidateState(db, e, { state: 'interested', at: at('2026-11-07T15:00:00Z') });

    const october = (await s.admin.get(`${Q}/enrolment/funnel?month=2026-10`)).body;
    expect(october.counts).toEqual({ invited: 2, reached: 0, interested: 0, consented: 0, declined: 0, optedOut: 1, noAnswer: 0 });
    const november = (await s.admin.get(`${Q}/enrolment/funnel?month=2026-11`)).body;
    expect(november.counts).toEqual({ invited: 4, reached: 3, interested: 2, consented: 1, declined: 1, optedOut: 0, noAnswer: 1 });
    expect(november.needsVisit).toBe(1);
    const byName = new Map(november.campaigns.map((k: { name: string; counts: unknown }) => [k.name, k.counts]));
    expect(byName.get('Fall')).toMatchObject({ invited: 0, interested: 1, consented: 1 });
    expect(byName.get('November')).toMatchObject({ invited: 4, interested: 1, declined: 1, noAnswer: 1 });
    const one = (await s.admin.get(`${Q}/enrolment/funnel?month=2026-11&campaignId=${other.id}`)).body;
    expect(one.counts).toMatchObject({ invited: 4, consented: 0 });
    // This month by default.
    expect((await s.admin.get(`${Q}/enrolment/funnel`)).body.month).toBe('2026-11');

    const badMonth = await s.admin.get(`${Q}/enrolment/funnel?month=2026-13`);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.error.issues[0].path).toBe('querystring.month');
    const elsewhere = await s.admin.get(`${P}/enrolment/funnel?campaignId=${other.id}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.issues[0].path).toBe('campaignId');
  });
});

describe('consent and the call list', () => {
  it('takes consent by phone: the candidate becomes an enrolled patient, the record names who and which text', async () => {
    const c = await addCandidate({ firstName: 'Vera', lastName: 'Verbal' });
    const text = (await s.admin.get(`${P}/consent-text?language=en`)).body;
    expect(text).toMatchObject({ language: 'en', version: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const missing = await s.admin.post(`/api/v1/candidates/${c.id}/consent`, { consentTextId: text.id, elements: ELEMENTS.slice(0, 3), staffId: s.coordinator.id });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('stop_any_time');
    const nobody = await s.admin.post(`/api/v1/candidates/${c.id}/consent`, { consentTextId: text.id, elements: ELEMENTS });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.issues[0].path).toBe('staffId');

    const given = await s.admin.post(`/api/v1/candidates/${c.id}/consent`, { consentTextId: text.id, elements: ELEMENTS, staffId: s.coordinator.id });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(given.body.patient).toMatchObject({ firstName: 'Vera', status: 'enrolled', consent: { status: 'granted', method: 'verbal', recordedBy: 'Nora Nurse, RN' } });
    expect(given.body.consent).toMatchObject({
      method: 'verbal',
      obtainedBy: 'Nora Nurse, RN',
      obtainedByStaffId: s.coordinator.id,
      billingPractitionerId: practitionerId,
      consentTextId: text.id,
      elementsAcknowledged: ELEMENTS,
      signatureName: null,
    });
    expect(await candidate(c.id)).toMatchObject({ state: 'consented', patientId: given.body.patient.id });
    const schedule = (await s.admin.get(`/api/v1/patients/${given.body.patient.id}/schedule`)).body;
    expect(schedule.reason ?? null).toBeNull();
    const twice = await s.admin.post(`/api/v1/candidates/${c.id}/consent`, { consentTextId: text.id, elements: ELEMENTS, staffId: s.coordinator.id });
    expect(twice.status).toBe(409);
  });

  it('records a no said by phone, never asked again', async () => {
    const c = await addCandidate();
    const declined = await s.admin.post(`/api/v1/candidates/${c.id}/decline`, { note: 'sees a cardiologist for this', staffId: s.coordinator.id });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', declinedHow: 'told Nora Nurse, RN by phone: sees a cardiologist for this' });
    const campaign = await s.admin.post(`${P}/campaigns`, { name: 'Again', candidateIds: [c.id] });
    expect(campaign.body.invited).toEqual([]);
  });

  it('lists a candidate left for a person on the call list, marked as an invitation, until called', async () => {
    const c = await addCandidate({ firstName: 'Cal', lastName: 'Later' });
    await listForCall(s.t.db.pool, c.id, 'no_answer', s.clock.now());
    const before = (await s.admin.get(`${P}/call-list`)).body;
    const entry = before.invitations.find((i: { candidate: { id: string } }) => i.candidate.id === c.id);
    expect(entry).toMatchObject({ kind: 'invitation', candidate: { firstName: 'Cal', phone: c.phone }, reason: { code: 'no_answer', detail: 'did not answer the invitation' } });
    expect(before.data.map((e: { patient: { id: string } }) => e.patient.id)).not.toContain(c.id);

    const nobody = await s.admin.post(`/api/v1/candidates/${c.id}/called`, {});
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.issues[0].path).toBe('staffId');
    const called = await s.admin.post(`/api/v1/candidates/${c.id}/called`, { note: 'left a message', staffId: s.coordinator.id });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ callReason: null, callListedAt: null, lastCall: { by: 'Nora Nurse, RN', note: 'left a message', at: s.clock.now().toISOString() } });
    const after = (await s.admin.get(`${P}/call-list`)).body;
    expect(after.invitations.map((i: { candidate: { id: string } }) => i.candidate.id)).not.toContain(c.id);
  });

  it('revokes a consent: CCM ends at the end of that month and the patient is disenrolled', async () => {
    const c = await addCandidate();
    const text = (await s.admin.get(`${P}/consent-text?language=en`)).body;
    const given = (await s.admin.post(`/api/v1/candidates/${c.id}/consent`, { consentTextId: text.id, elements: ELEMENTS, staffId: s.coordinator.id })).body;
    const noHow = await s.admin.post(`/api/v1/patients/${given.patient.id}/consent/revoke`, {});
    expect(noHow.status).toBe(400);
    expect(noHow.body.error.issues[0].path).toBe('body.how');
    const revoked = await s.admin.post(`/api/v1/patients/${given.patient.id}/consent/revoke`, { how: 'by phone to Nora Nurse', on: '2026-11-24' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ id: given.consent.id, revokedHow: 'by phone to Nora Nurse', revocationEffectiveOn: '2026-11-30', revokedRecordedBy: 'admin token' });
    expect((await s.admin.get(`/api/v1/patients/${given.patient.id}`)).body.status).toBe('disenrolled');
  });

  it('publishes a new consent text version; the old one, and what was agreed to, stay', async () => {
    const before = (await s.admin.get(`${P}/consent-text?language=es`)).body;
    const elements = {
      offered: '{practice} le ofrece CCM con {practitioner}: un plan de cuidado y llamadas o mensajes.',
      cost_sharing: 'Puede haber un copago mensual.',
      one_practitioner: 'Solo un profesional cobra CCM cada mes.',
      stop_any_time: 'Puede dejarlo cuando quiera; termina al final del mes.',
    };
    const published = await s.admin.put(`${P}/consent-text`, { language: 'es', elements });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toMatchObject({ language: 'es', version: before.version + 1, createdBy: 'admin token' });
    expect(published.body.body).toContain('Riverside Family Medicine le ofrece CCM');
    expect((await s.admin.get(`${P}/consent-text?language=es`)).body.id).toBe(published.body.id);
    const { rows } = await s.t.db.pool.query('SELECT id, body FROM consent_texts WHERE id = $1', [before.id]);
    expect(rows[0].body).toBe(before.body);

    const empty = await s.admin.put(`${P}/consent-text`, { language: 'es', elements: { ...elements, cost_sharing: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].path).toBe('body.elements.cost_sharing');
  });
});

describe('another practice', () => {
  it("answers 404 for another practice's candidate, and 403 for a coordinator's key adding one", async () => {
    const c = await addCandidate();
    const elsewhere = await createPractice(s.admin);
    const key = await createApiKey(s.admin, elsewhere.id, 'admin');
    const them = apiClient(s.t.service.app, key.token);
    expect((await them.get(`/api/v1/candidates/${c.id}`)).status).toBe(404);
    expect((await them.post(`/api/v1/candidates/${c.id}/decline`, { staffId: s.coordinator.id })).status).toBe(404);
    expect((await them.post(`/api/v1/candidates/${c.id}/called`, {})).status).toBe(404);
    expect((await them.get(`${P}/candidates`)).status).toBe(404);
    const coordinatorKey = await createApiKey(s.admin, s.practice.id, 'coordinator');
    const coordinator = apiClient(s.t.service.app, coordinatorKey.token);
    expect((await coordinator.post(`${P}/candidates`, candidateBody())).status).toBe(403);
    expect((await coordinator.get(`${P}/candidates`)).status).toBe(200);
  });
});

describe('odd input', () => {
  const ODD: unknown[] = ['', ' ', '\u0000', 'a'.repeat(5000), '2026-02-30', '9999-12-31', '0000-01-01', -1, 2 ** 53 + 1, null, true, [], {}, ['x'], ['\u0000', '\u0000'], 'all_listed'];

  it('answers every odd value in every field with a 4xx, never a 5xx', async () => {
    const c = await addCandidate();
    const patient = (await s.admin.post(`/api/v1/candidates/${(await addCandidate()).id}/consent`, {
      consentTextId: (await s.admin.get(`${P}/consent-text?language=en`)).body.id,
      elements: ELEMENTS,
      staffId: s.coordinator.id,
    })).body.patient;
    const bodies: Array<{ method: 'POST' | 'PUT'; url: string; body: Record<string, unknown> }> = [
      { method: 'POST', url: `${P}/candidates`, body: candidateBody() },
      { method: 'POST', url: `${P}/campaigns`, body: { name: 'Odd', candidateIds: [c.id], reminderDays: [3, 7] } },
      { method: 'POST', url: `/api/v1/candidates/${c.id}/consent`, body: { consentTextId: c.id, elements: ELEMENTS, staffId: s.coordinator.id } },
      { method: 'POST', url: `/api/v1/candidates/${c.id}/decline`, body: { note: 'no', staffId: s.coordinator.id } },
      { method: 'POST', url: `/api/v1/patients/${patient.id}/consent/revoke`, body: { how: 'by phone', on: '2026-11-20' } },
      { method: 'PUT', url: `${P}/consent-text`, body: { language: 'en', elements: { offered: 'a', cost_sharing: 'b', one_practitioner: 'c', stop_any_time: 'd' } } },
    ];
    const failures: string[] = [];
    for (const { method, url, body } of bodies) {
      for (const key of Object.keys(body)) {
        for (const value of ODD) {
          const sent = { ...body, [key]: value, ...(key === 'phone' ? {} : url.endsWith('/candidates') ? { phone: nextPhone() } : {}) };
          const response = method === 'POST' ? await s.admin.post(url, sent) : await s.admin.put(url, sent);
          if (response.status >= 500) failures.push(`${method} ${url} ${key}=${JSON.stringify(value).slice(0, 40)}: ${response.status}`);
        }
      }
    }
    for (const path of ['/api/v1/candidates/x', `/api/v1/candidates/${c.id}x`, `${P}/enrolment/funnel?month=0000-01`, `${P}/enrolment/funnel?campaignId=x`, `${P}/consent-text?language=fr`, `${P}/candidates?state=x`]) {
      const response = await s.admin.get(path);
      if (response.status >= 500 || response.status < 400) failures.push(`GET ${path}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });
});
