/**
 * The week-2 questionnaire end to end, as a patient's phone uses it: the
 * text with its link, the token exchanged for a cookie, screen after screen,
 * the answers counted like a text's (observations, triage, the shared turn
 * for their own words), a self-harm answer on the red-flag path at once, and
 * the link's limits (expired, reused, forged, guessed).
 */
import type { Bundle, BundleEntry, Observation, Patient, Questionnaire, QuestionnaireResponse, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALL_LINK_IDS, HEALTH_LINK_ID, MESSAGE_LINK_ID, medicineLinkIds, phqLinkId, READING_LINK_IDS, SYMPTOM_LINK_IDS } from '../../src/flows/questionnaire/index.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { FormVisitor, formOf, tokenIn, useQuestionnaire } from '../helpers/questionnaire.js';
import { fhirValidator } from '../helpers/fhir-schema.js';
import { signInNora } from '../web/signed-in.js';

const DAY = 24 * 60 * 60 * 1000;
/** The 2nd Wednesday of December 2026, 10:00 in Chicago. */
const SENT_AT = '2026-12-09T16:00:00.000Z';

// One service for the file: Twilio's API is faked by nock, which one service at a time may hold.
let s: Scenario;
/** The panel's patients by the part they play, each with the token of their questionnaire's text. */
let sent: Record<string, Sent>;
let voice: { id: string; phone: string };

beforeAll(async () => {
  s = await startScenario({}, { start: '2026-12-08T18:00:00Z' });
  await useQuestionnaire(s);
  voice = await s.newPatient({ preferredChannel: 'voice' });
  sent = await panel(s, {
    first: {},
    cookie: {},
    counted: {},
    medicines: { medicines: ['Metformin', 'Amlodipine'] },
    leaves: {},
    csrf: {},
    selfHarm: {},
    opens: {},
    neverOpens: {},
  });
});
afterAll(async () => {
  await s.close();
});

interface Sent {
  patient: { id: string; phone: string };
  token: string;
  text: string;
  medications: Array<{ id: string }>;
}

/**
 * Patients enrolled before week 2 (with these medicines each), then the
 * clock moved to the questionnaire's send: each patient with the token of
 * their text.
 */
async function panel(s: Scenario, roles: Record<string, { overrides?: Record<string, unknown>; medicines?: string[] }>): Promise<Record<string, Sent>> {
  const made: Array<[string, { id: string; phone: string }, Array<{ id: string }>]> = [];
  for (const [role, spec] of Object.entries(roles)) {
    const patient = await s.newPatient(spec.overrides ?? {});
    const medications = [];
    for (const name of spec.medicines ?? []) {
      medications.push((await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name, dose: '1 tablet', times: ['08:00'], reminders: false })).body as { id: string });
    }
    made.push([role, patient, medications]);
  }
  await s.advanceTo(SENT_AT);
  await s.runDue();
  return Object.fromEntries(
    made.map(([role, patient, medications]) => {
      const text = s.sentTo(patient.phone).find((m) => tokenIn(m.Body));
      if (!text) throw new Error(`no questionnaire text went out to ${role}`);
      return [role, { patient, token: tokenIn(text.Body)!, text: text.Body, medications }];
    }),
  );
}

const ALL_WELL = { [HEALTH_LINK_ID]: 'good', [phqLinkId(1)]: 'not_at_all', [phqLinkId(2)]: 'several_days', [FALL_LINK_IDS.fell]: 'no', [SYMPTOM_LINK_IDS.any]: 'no' };

describe('the questionnaire goes out by text in week 2', () => {
  it('texts a link whose token is kept only as a hash, at the cadence time; a patient who takes calls gets a symptoms call instead', async () => {
    const { patient, token, text } = sent.first!;
    expect(text).toMatch(/^Hi \w+, Riverside Family Medicine has a few questions/);
    expect(text).toContain(`https://hooks.example.com/q/${token}`);
    const stored = await s.t.db.pool.query<{ body: string; sent_at: Date }>("SELECT body, sent_at FROM messages WHERE patient_id = $1 AND kind = 'questionnaire_invite'", [patient.id]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.body).toContain('/q/[link]');
    expect(stored.rows[0]!.sent_at.toISOString()).toBe(SENT_AT);
    // Nowhere in the database in the clear, nor in the logs.
    const leaks = await s.t.db.pool.query("SELECT 1 FROM messages WHERE body LIKE '%' || $1 || '%'", [token]);
    expect(leaks.rows).toHaveLength(0);
    const tokens = await s.t.db.pool.query<{ token_hash: Buffer }>('SELECT token_hash FROM questionnaire_tokens t JOIN questionnaire_links l ON l.id = t.link_id WHERE l.patient_id = $1', [patient.id]);
    expect(tokens.rows).toHaveLength(1);
    expect(tokens.rows[0]!.token_hash.length).toBe(32);
    expect(s.t.logs.text).not.toContain(token);

    const { rows } = await s.t.db.pool.query("SELECT kind, flow FROM outreach WHERE patient_id = $1 AND slot LIKE 'check_in:2026-12:2:%'", [voice.id]);
    expect(rows).toEqual([{ kind: 'check_in', flow: 'symptoms' }]);
    expect(s.sentTo(voice.phone).some((m) => tokenIn(m.Body))).toBe(false);
  });
});

describe('filling in the form', () => {
  it('exchanges the token for a cookie and redirects: the token never stays in the address, and no page sends a referrer', async () => {
    const { token } = sent.cookie!;
    const phone = new FormVisitor(s);
    const opened = await phone.open(token);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe('/q');
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    expect(String(opened.headers['set-cookie'])).toMatch(/ccm_form=[\w-]+; Path=\/q; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure/);
    const first = await phone.request('GET', '/q');
    expect(first.status).toBe(200);
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    expect(first.html).toContain('<meta name="referrer" content="no-referrer">');
    expect(first.html).toContain('Riverside Family Medicine');
    expect(first.html).not.toContain(token);
    expect(s.t.logs.text).not.toContain(token);
  });

  it('counts the answers like a text: readings, a fall, the PHQ-2, and their own words reach a person', async () => {
    const { patient, token } = sent.counted!;
    const phone = new FormVisitor(s);
    await phone.open(token);
    const { last, screens } = await phone.answerAll({
      ...ALL_WELL,
      [READING_LINK_IDS.systolic]: '168',
      [READING_LINK_IDS.diastolic]: '102',
      [READING_LINK_IDS.glucose]: '',
      [READING_LINK_IDS.weight]: '201 lbs',
      [FALL_LINK_IDS.fell]: 'yes',
      [FALL_LINK_IDS.hurt]: 'no',
      [MESSAGE_LINK_ID]: 'my ankles have been puffy since the new pill',
    });
    expect(screens).toEqual(['health', 'mood', 'readings', 'falls', 'falls.more', 'symptoms', 'message']);
    expect(last.status).toBe(303);
    expect(last.location).toBe('/q/thanks');
    expect((await phone.request('GET', '/q/thanks')).html).toContain('<h1>Thank you</h1>');

    const observations = await s.observations(patient.id);
    const kinds = observations.map((o) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['self_rated_health', 'depression_screen', 'blood_pressure', 'weight', 'concern_reported']));
    expect(observations.find((o) => o.kind === 'blood_pressure')!.value).toEqual({ systolic: 168, diastolic: 102 });
    expect(observations.find((o) => o.kind === 'depression_screen')!.value).toEqual({ instrument: 'phq2', score: 1 });
    expect(observations.some((o) => o.kind === 'concern_reported' && o.value.category === 'fall')).toBe(true);
    // Their words were read by the shared turn: swelling is a concern a nurse hears about.
    expect(observations.some((o) => o.kind === 'concern_reported' && o.value.category === 'swelling')).toBe(true);
    const alerts = await s.alerts(patient.id);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a: { level: string }) => a.level === 'elevated')).toBe(true);
    // The transcript shows what was asked and answered, on the form channel.
    const { rows } = await s.t.db.pool.query("SELECT channel, body FROM messages WHERE patient_id = $1 AND kind = 'questionnaire_answer'", [patient.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].channel).toBe('form');
    expect(rows[0].body).toContain('168');
    expect(rows[0].body).toContain('my ankles have been puffy');
    // Answering is a reply: the patient is not a non-responder this month.
    const answered = await s.t.db.pool.query('SELECT last_reply_at FROM patients WHERE id = $1', [patient.id]);
    expect(answered.rows[0].last_reply_at).not.toBeNull();

    // The link again, after it was sent: "already received", nothing asked twice.
    const page = await new FormVisitor(s, '198.51.100.4').open(token);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/already/i);
    expect(formOf(page.html).hidden.screen).toBeUndefined();
  });

  it('asks each medicine in turn, and why only when it was not taken', async () => {
    const { patient, token, medications } = sent.medicines!;
    const [a, b] = medications as [{ id: string }, { id: string }];
    const phone = new FormVisitor(s);
    await phone.open(token);
    const { screens } = await phone.answerAll({
      ...ALL_WELL,
      [medicineLinkIds(a.id).taken]: 'yes',
      [medicineLinkIds(b.id).taken]: 'missed',
      [medicineLinkIds(b.id).why]: 'cost',
    });
    expect(screens.filter((id) => id.startsWith('medicine'))).toHaveLength(3);
    const adherence = (await s.observations(patient.id)).filter((o) => o.kind === 'medication_adherence').map((o) => o.value);
    expect(adherence).toEqual(expect.arrayContaining([{ medicationId: a.id, taken: true }, expect.objectContaining({ medicationId: b.id, taken: false, reason: 'cost' })]));
  });

  it('keeps the answers when the patient leaves and comes back, and shows what to fix', async () => {
    const { token } = sent.leaves!;
    const phone = new FormVisitor(s);
    await phone.open(token);
    const health = await phone.request('GET', '/q');
    expect((await phone.post(health, { [HEALTH_LINK_ID]: 'fair' })).location).toBe('/q');
    // A required PHQ item left blank: the screen again, saying what to fix.
    const mood = await phone.request('GET', '/q');
    const blank = await phone.post(mood, { [phqLinkId(1)]: 'not_at_all' });
    expect(blank.status).toBe(422);
    expect(blank.html).toContain('role="alert"');
    expect(blank.html).toContain('aria-invalid="true"');
    // The phone is put away; a new visit from the text's link starts where they were.
    const later = new FormVisitor(s, '192.0.2.33');
    await later.open(token);
    expect(formOf((await later.request('GET', '/q')).html).hidden.screen).toBe('mood');
    const back = await later.request('GET', '/q?screen=health');
    expect(back.html).toMatch(/value="fair" checked/);
    // Another patient's link opens their own form: nothing of this one's shows there.
    const other = new FormVisitor(s, '192.0.2.34');
    await other.open(sent.first!.token);
    const theirs = await other.request('GET', '/q');
    expect(formOf(theirs.html).hidden.screen).toBe('health');
    expect(theirs.html).not.toContain(' checked');
  });

  it("refuses a post without the page's CSRF token, and a body it cannot read, with a clear 4xx", async () => {
    const { token } = sent.csrf!;
    const phone = new FormVisitor(s);
    await phone.open(token);
    const page = await phone.request('GET', '/q');
    const forged = await phone.request('POST', '/q', { ...formOf(page.html).hidden, _csrf: 'not-it', [HEALTH_LINK_ID]: 'good' });
    expect(forged.status).toBe(403);
    const unreadable = await s.t.service.app.inject({ method: 'POST', url: '/q', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `ccm_form=${phone.cookie}` }, payload: 'nothing=here' });
    expect(unreadable.statusCode).toBe(400);
    const noVisit = await s.t.service.app.inject({ method: 'GET', url: '/q' });
    expect(noVisit.statusCode).toBe(200);
    expect(noVisit.body).toMatch(/expired/i);
  });
});

describe('a self-harm answer', () => {
  it('takes the red-flag path at once: 988 first on the page, an urgent alert, the on-call coordinator rung', async () => {
    const { patient, token } = sent.selfHarm!;
    const phone = new FormVisitor(s);
    await phone.open(token);
    const answers: Record<string, string> = { ...ALL_WELL, [phqLinkId(1)]: 'more_than_half', [phqLinkId(2)]: 'nearly_every_day' };
    for (let n = 3; n <= 9; n++) answers[phqLinkId(n)] = 'several_days';
    const { last, screens } = await phone.answerAll(answers);
    // PHQ-2 of 5: the PHQ-9's other seven were asked.
    expect(screens.slice(0, 2)).toEqual(['health', 'mood']);
    expect(screens.length).toBeGreaterThan(2);
    expect(last.location).toBe('/q/crisis');
    const crisis = await phone.request('GET', '/q/crisis');
    const body = crisis.html.slice(crisis.html.indexOf('<body'));
    expect(body.indexOf('988')).toBeGreaterThan(-1);
    expect(body.indexOf('988')).toBeLessThan(body.indexOf('Riverside'));
    expect(crisis.html).toContain('href="tel:988"');
    expect(crisis.html).toContain('href="tel:911"');
    const alerts = await s.alerts(patient.id);
    expect(alerts).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'urgent' })]));
    await s.runDue();
    expect(s.twilio.calls.some((c) => c.To === s.coordinator.phone)).toBe(true);
    // The rest of the form still works, and the alert is not raised twice.
    const { last: end } = await phone.answerAll({ ...answers, [MESSAGE_LINK_ID]: '' });
    expect(end.location).toBe('/q/thanks');
    const after = await s.alerts(patient.id);
    expect(after.filter((a: { level: string }) => a.level === 'urgent')).toHaveLength(1);
    // A PHQ-9 of 12 (moderate): a depression screen a coordinator follows up.
    expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'elevated', reason: 'depression_screen' })]));
  });
});

describe("the link's limits", () => {
  it('a forged token opens nothing and says nothing about why; guessing soon gets a 429', async () => {
    const guesser = new FormVisitor(s, '198.51.100.200');
    const first = await guesser.open('A'.repeat(43));
    expect(first.status).toBe(404);
    expect(first.html).toMatch(/expired/i);
    let last = first;
    for (let i = 0; i < 12; i++) last = await guesser.open(`guess${i}${'x'.repeat(38)}`);
    expect(last.status).toBe(429);
    // Another phone is not held up by the guesser.
    expect((await new FormVisitor(s, '198.51.100.201').open(sent.opens!.token)).status).toBe(303);
  });

  it('reminds once after 2 days unopened, with a link of its own; after 7 days the link has expired and counts as unanswered', async () => {
    const { patient, token } = sent.neverOpens!;
    await s.advance(2 * DAY + 60_000);
    const links = s.sentTo(patient.phone).filter((m) => tokenIn(m.Body));
    expect(links).toHaveLength(2);
    expect(links[1]!.Body).toMatch(/would still like your answers/);
    const second = tokenIn(links[1]!.Body)!;
    expect(second).not.toBe(token);
    // The patient who opened theirs (above) gets no reminder.
    expect(s.sentTo(sent.opens!.patient.phone).filter((m) => tokenIn(m.Body))).toHaveLength(1);
    await s.advance(6 * DAY);
    const page = await new FormVisitor(s).open(second);
    expect(page.html).toMatch(/expired/i);
    const { rows } = await s.t.db.pool.query("SELECT type FROM patient_events WHERE patient_id = $1 AND type LIKE 'questionnaire%' ORDER BY at", [patient.id]);
    expect(rows.map((r: { type: string }) => r.type)).toEqual(['questionnaire_sent', 'questionnaire_unanswered']);
    const counted = await s.t.db.pool.query('SELECT unanswered_contacts FROM patients WHERE id = $1', [patient.id]);
    expect(counted.rows[0].unanswered_contacts).toBeGreaterThanOrEqual(1);

    // From the practice's non-responder day, the patient who never answered is on the call list; one who sent the form is not.
    await s.advanceTo('2026-12-21T15:00:00Z');
    const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body.data as Array<{ patient: { id: string }; reasons: Array<{ code: string }> }>;
    const reasons = (id: string) => list.find((e) => e.patient.id === id)?.reasons.map((r) => r.code) ?? [];
    expect(reasons(patient.id)).toContain('non_responder');
    expect(reasons(sent.counted!.patient.id)).not.toContain('non_responder');
  });
});

describe("the month's record of a patient who answered", () => {
  /** The 2nd Wednesday of January 2027, 10:00 in Chicago: the next questionnaire after December's. */
  const JANUARY_SENT_AT = '2027-01-13T16:00:00.000Z';
  const month = (patientId: string) => `/api/v1/patients/${patientId}/months/2027-01`;
  let patient: { id: string; phone: string };

  // A patient of their own, enrolled after December's went out: January's questionnaire is theirs alone.
  beforeAll(async () => {
    patient = await s.newPatient();
    await s.advanceTo(JANUARY_SENT_AT);
    await s.runDue();
    const text = s.sentTo(patient.phone).find((m) => tokenIn(m.Body));
    if (!text) throw new Error('no questionnaire text went out in January');
    const phone = new FormVisitor(s, '203.0.113.90');
    await phone.open(tokenIn(text.Body)!);
    // PHQ-2 of 4 opens the PHQ-9: six more at "several days", item 9 "not at all": 10, moderate.
    const answers: Record<string, string> = { ...ALL_WELL, [HEALTH_LINK_ID]: 'fair', [phqLinkId(1)]: 'more_than_half', [phqLinkId(2)]: 'more_than_half' };
    for (let n = 3; n <= 8; n++) answers[phqLinkId(n)] = 'several_days';
    answers[phqLinkId(9)] = 'not_at_all';
    const { last } = await phone.answerAll({ ...answers, [READING_LINK_IDS.systolic]: '138', [READING_LINK_IDS.diastolic]: '86' });
    expect(last.location).toBe('/q/thanks');
  });

  it('lists the questionnaire with its scores, counts it as contact, and says so in the note', async () => {
    const response = await s.admin.get(month(patient.id));
    expect(response.status).toBe(200);
    const record = response.body;
    expect(record.questionnaires).toHaveLength(1);
    expect(record.questionnaires[0]).toMatchObject({
      partsAnswered: ['health', 'mood', 'readings', 'falls', 'symptoms'],
      selfRatedHealth: { answer: 'fair', score: 2 },
      phq2: 4,
      phq9: { score: 10, severity: 'moderate' },
      selfHarmAnswer: null,
    });
    expect(record.botActivity).toMatchObject({ questionnairesSent: 1, questionnairesAnswered: 1 });
    expect(record.interactions).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'form', actor: 'patient', direction: 'inbound' })]));
    expect(record.interactions.map((i: { summary: string }) => i.summary)).toEqual(expect.arrayContaining(['Questionnaire sent', 'Questionnaire link opened']));
    expect(record.reported.bloodPressure.readings).toEqual([expect.objectContaining({ systolic: 138, diastolic: 86 })]);
    expect(record.note.text).toContain(
      'Patient answered the monthly questionnaire on Jan 13, covering self-rated health, mood, home readings, falls and symptoms: self-rated health fair; PHQ-2 score 4 (positive screen); PHQ-9 score 10 (moderate).',
    );
    // Automated contact: no staff minutes, so no code.
    expect(record.time.clinicalStaffSeconds).toBe(0);
    expect(record.codes).toEqual([]);
  });

  it('exports a QuestionnaireResponse and its LOINC-coded Observations in a bundle that validates against R4', async () => {
    const fhir = await s.admin.get(`${month(patient.id)}/export?format=fhir`);
    expect(fhir.status).toBe(200);
    const problems = fhirValidator()(fhir.body);
    expect(problems, problems.join('\n')).toEqual([]);
    const bundle = fhir.body as Bundle;
    const ofType = <T extends Resource>(type: T['resourceType']) =>
      (bundle.entry ?? []).filter((e): e is BundleEntry<T> => e.resource?.resourceType === type);
    const [response, ...others] = ofType<QuestionnaireResponse>('QuestionnaireResponse');
    expect(others).toEqual([]);
    const patientUrl = ofType<Patient>('Patient')[0]!.fullUrl;
    expect(response!.resource).toMatchObject({ status: 'completed', subject: { reference: patientUrl }, questionnaire: expect.stringMatching(/week-2-assessment\|1-[0-9a-f]{12}$/) });
    expect(Date.parse(response!.resource!.authored!)).toBeGreaterThanOrEqual(Date.parse(JANUARY_SENT_AT));
    expect(ofType<Questionnaire>('Questionnaire')).toHaveLength(1);
    const derived = ofType<Observation>('Observation')
      .map((e) => e.resource!)
      .filter((o) => o.derivedFrom?.[0]?.reference === response!.fullUrl);
    const withCode = (code: string) => derived.find((o) => o.code.coding?.[0]?.code === code)!;
    expect(derived.map((o) => o.code.coding?.[0]?.code)).toEqual(expect.arrayContaining(['61577-3', '44250-9', '44255-8', '55758-7', '44261-6']));
    expect(withCode('55758-7').valueInteger).toBe(4);
    expect(withCode('44261-6').valueInteger).toBe(10);
    expect(withCode('44250-9').valueCodeableConcept?.coding?.[0]?.code).toBe('LA6570-1');
  });

  it('shows the answers on the timeline, one per line, beside the questionnaire sent and opened; the transcript API carries the form channel', async () => {
    const nora = await signInNora(s);
    const page = await nora.get(`/app/patients/${patient.id}`);
    expect(page.status).toBe(200);
    const timeline = page.body.slice(page.body.indexOf('id="timeline-title"'));
    expect(timeline).toContain('Questionnaire answered (form)');
    expect(timeline).toContain('Questionnaire sent');
    expect(timeline).toContain('Questionnaire link opened');
    expect(timeline).toMatch(/In general, would you say your health is: Fair<br>/);
    const transcript = await s.admin.get(`/api/v1/patients/${patient.id}/transcript`);
    expect(transcript.status).toBe(200);
    expect(transcript.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'message', channel: 'form', kind: 'questionnaire_answer' })]));
  });
});

describe('a self-harm answer on the last screen', () => {
  it('sends the form as well as taking the red-flag path, so nothing waits on a patient who stops at the crisis page', async () => {
    // A practice whose questionnaire ends with the mood part; February's goes to a patient of its own.
    expect((await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: { questionnaire: { parts: ['health', 'mood'] } } })).status).toBe(200);
    const patient = await s.newPatient();
    await s.advanceTo('2027-02-10T16:00:00.000Z');
    await s.runDue();
    // February's is the last link texted (the patient, enrolled as January's went, had that one too).
    const text = s.sentTo(patient.phone).filter((m) => tokenIn(m.Body)).at(-1)!;
    const phone = new FormVisitor(s, '203.0.113.91');
    expect((await phone.open(tokenIn(text.Body)!)).status).toBe(303);
    const answers: Record<string, string> = { [phqLinkId(1)]: 'nearly_every_day', [phqLinkId(2)]: 'nearly_every_day' };
    for (let n = 3; n <= 9; n++) answers[phqLinkId(n)] = 'several_days';
    const { last, screens } = await phone.answerAll(answers);
    expect(screens.at(-1)).toBe('mood.more-3');
    expect(last.location).toBe('/q/crisis');
    const crisis = await phone.request('GET', '/q/crisis');
    expect(crisis.html).toContain('href="tel:988"');
    const { rows } = await s.t.db.pool.query('SELECT submitted_at, escalated_at FROM questionnaire_links WHERE patient_id = $1 ORDER BY created_at DESC LIMIT 1', [patient.id]);
    expect(rows[0].submitted_at).not.toBeNull();
    expect(rows[0].escalated_at).not.toBeNull();
    expect((await s.observations(patient.id)).filter((o) => o.kind === 'depression_screen').map((o) => o.value.instrument)).toEqual(['phq2', 'phq9']);
    // "Continue" finds the form sent.
    const next = await phone.request('POST', '/q/continue', {});
    expect(next.location).toBe('/q');
    expect((await phone.request('GET', '/q')).html).toMatch(/already have your answers/);
  });
});
