/**
 * Every staff write, through the API and through the web app, as a table:
 * how to make what it needs, how to make the write, the access-log action it
 * must leave, and what it changes (read straight from the database).
 */
import { afterAll } from 'vitest';
import type { ApiClient } from '../helpers/api.js';
import { DEFAULT_EHR_SCOPES } from '../../src/actions/index.js';
import { connectEhr, type ConnectedEhr } from '../helpers/ehr.js';
import { nextPhone, patientBody } from '../helpers/api.js';
import { ADMIN_TOKEN } from '../helpers/service.js';
import type { Scenario } from '../helpers/scenario.js';
import { text } from '../helpers/twilio.js';
import { listForCall } from '../../src/store/candidates.js';
import type { Browser } from '../web/signed-in.js';

export interface World {
  s: Scenario;
  /** The bootstrap admin token. */
  api: ApiClient;
  /** A practice admin signed in to the web app, acting as the scenario's coordinator. */
  web: Browser;
}

type Subject = Record<string, string>;

export interface StaffWrite {
  via: 'api' | 'web';
  /** The route, as the app registers it: 'POST /api/v1/patients/:id/pause'. */
  route: string;
  /** What the write does, in words. */
  what: string;
  /** The access-log action it leaves. */
  action: string;
  prepare(w: World): Promise<Subject>;
  run(w: World, subject: Subject): Promise<number>;
  /** What the write changes, as stored. */
  state(w: World, subject: Subject): Promise<unknown>;
}

const MONTH = '2026-11';
const rows = async (w: World, sql: string, params: unknown[]) => (await w.s.t.db.pool.query(sql, params)).rows;
const status = async (response: Promise<{ status: number }>) => (await response).status;

let day = 0;
/** A day of the month no other entry of the scenario's coordinator has: staff time may not overlap. */
const freshDay = () => `${MONTH}-${String((day += 1)).padStart(2, '0')}T09:00`;

const patient = async (w: World): Promise<Subject> => ({ patientId: (await w.s.newPatient()).id });
const medication = async (w: World): Promise<Subject> => {
  const { patientId } = await patient(w);
  const created = await w.api.post(`/api/v1/patients/${patientId}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['09:00'] });
  return { patientId: patientId!, medicationId: created.body.id };
};
const APPOINTMENT = { startsAt: '2027-01-08T09:30', withWhom: 'Dr. Patel', location: 'Maple Family Medicine' };
const appointment = async (w: World): Promise<Subject> => {
  const { patientId } = await patient(w);
  const created = await w.api.post(`/api/v1/patients/${patientId}/appointments`, APPOINTMENT);
  return { patientId: patientId!, appointmentId: created.body.id };
};
const appointmentsOf = (w: World, x: Subject) => rows(w, 'SELECT id, status, location FROM appointments WHERE patient_id = $1 ORDER BY id', [x.patientId]);
const appointmentCsvFor = async (w: World): Promise<Subject> => {
  const { patientId } = await patient(w);
  return { patientId: patientId!, csv: `Patient Id,Appointment,With,Location\n${patientId},1/8/2027 9:30 AM,Dr. Patel,Maple Family Medicine\n` };
};
const paused = async (w: World): Promise<Subject> => {
  const subject = await patient(w);
  await w.api.post(`/api/v1/patients/${subject.patientId}/pause`, {});
  return subject;
};
/** A patient whose text raised an elevated alert (no escalation calls). */
const alert = async (w: World): Promise<Subject> => {
  const p = await w.s.newPatient();
  await w.s.say(p, 'can I get a ride to my appointment?');
  const [found] = await rows(w, 'SELECT id, case_id FROM alerts WHERE patient_id = $1', [p.id]);
  return { patientId: p.id, alertId: found.id, caseId: found.case_id };
};
const coordinator = async (w: World): Promise<Subject> => {
  const created = await w.api.post(`/api/v1/practices/${w.s.practice.id}/coordinators`, { name: 'Cora Coordinator', phone: nextPhone(), role: 'nurse' });
  return { coordinatorId: created.body.id };
};
const timeEntry = async (w: World): Promise<Subject> => {
  const { patientId } = await patient(w);
  const created = await w.api.post(`/api/v1/patients/${patientId}/time-entries`, { staffId: w.s.coordinator.id, activity: 'call', start: freshDay(), minutes: 10 });
  return { patientId: patientId!, entryId: created.body.id };
};
const approvedMonth = async (w: World): Promise<Subject> => {
  const subject = await patient(w);
  await w.api.post(`/api/v1/patients/${subject.patientId}/months/${MONTH}/approve`, { staffId: w.s.coordinator.id });
  return subject;
};
/** A text from a number no patient has, that a person should read, and a patient it may be about. */
const unknownText = async (w: World): Promise<Subject> => {
  const from = nextPhone();
  await text(w.s.t.service.app, from, w.s.practice.phoneNumber, "This is Ruth's daughter, please call me about her pills");
  const [message] = await rows(w, 'SELECT id FROM messages WHERE from_number = $1 AND patient_id IS NULL', [from]);
  return { textId: message.id, patientId: (await w.s.newPatient()).id };
};
const linkState = (w: World, x: Subject) =>
  rows(w, 'SELECT linked_patient_id, (SELECT count(*)::int FROM alerts WHERE patient_id = $2) AS alerts FROM messages WHERE id = $1', [x.textId, x.patientId]);
/** A patient's text for the front desk. */
const frontDeskText = async (w: World): Promise<Subject> => {
  const patient = await w.s.newPatient();
  await text(w.s.t.service.app, patient.phone, w.s.practice.phoneNumber, 'what time does the office open saturday');
  const [message] = await rows(w, 'SELECT id FROM messages WHERE patient_id = $1 AND office_topics IS NOT NULL', [patient.id]);
  return { textId: message.id, patientId: patient.id };
};
const frontDeskState = (w: World, x: Subject) =>
  rows(w, 'SELECT reviewed_at, passed_alert_id, (SELECT count(*)::int FROM alerts WHERE patient_id = $2) AS alerts FROM messages WHERE id = $1', [x.textId, x.patientId]);
const nothing = async (): Promise<Subject> => ({});
const withPhone = async (): Promise<Subject> => ({ phone: nextPhone() });

const patientState = (column: string) => async (w: World, x: Subject) => rows(w, `SELECT ${column} FROM patients WHERE id = $1`, [x.patientId]);
const patientsWithPhone = (w: World, x: Subject) => rows(w, 'SELECT id FROM patients WHERE phone = $1', [x.phone]);
const monthState = (w: World, x: Subject) =>
  rows(
    w,
    `SELECT m.status, m.complex, m.note_text, (SELECT count(*)::int FROM care_month_addenda a WHERE a.patient_id = m.patient_id) AS addenda
     FROM care_months m WHERE m.patient_id = $1 AND m.month = $2`,
    [x.patientId, MONTH],
  );
const alertState = (w: World, x: Subject) =>
  rows(w, 'SELECT status, (SELECT count(*)::int FROM escalation_attempts e WHERE e.alert_id = a.id) AS attempts FROM alerts a WHERE id = $1', [x.alertId]);
const caseState = (w: World, x: Subject) =>
  rows(w, 'SELECT status, resolution_note, (SELECT array_agg(status) FROM alerts WHERE case_id = c.id) AS alerts FROM cases c WHERE id = $1', [x.caseId]);
const caseTextState = async (w: World, x: Subject) => ({
  case: await caseState(w, x),
  texts: await rows(w, "SELECT body, status FROM messages WHERE patient_id = $1 AND kind = 'care_team_text'", [x.patientId]),
});
const practiceState = (w: World) => rows(w, 'SELECT quiet_start, quiet_end, cadence FROM practices WHERE id = $1', [w.s.practice.id]);
const ruleSets = (w: World) => rows(w, 'SELECT count(*)::int AS n FROM triage_rule_sets WHERE practice_id = $1', [w.s.practice.id]);
const entriesOf = (w: World, x: Subject) => rows(w, 'SELECT id, superseded_at, withdrawn_reason FROM time_entries WHERE patient_id = $1 ORDER BY id', [x.patientId]);

const csvFor = (phone: string) =>
  `First Name,Last Name,Phone,Consent,Consent Method,Consent Date,Consented By\nIna,Import,${phone},Yes,verbal,11/02/2026,Jane Doe RN\n`;

function uploadToWebApp(w: World, csv: string, url = '/app/admin/import') {
  const boundary = '----ccmaudit';
  const part = (name: string, value: string, file = false) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="patients.csv"\r\nContent-Type: text/csv' : ''}\r\n\r\n${value}\r\n`;
  return w.s.t.service.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: w.web.cookie! },
    payload: `${part('_csrf', w.web.csrf!)}${part('file', csv, true)}--${boundary}--\r\n`,
  });
}

type Write = Omit<StaffWrite, 'via' | 'route' | 'what' | 'action'>;
const prefixed = (prefix: string, route: string) => route.replace(' ', ` ${prefix}`);
const api = (route: string, what: string, action: string, write: Write): StaffWrite => ({ via: 'api', route: prefixed('/api/v1', route), what, action, ...write });
const web = (route: string, what: string, action: string, write: Write): StaffWrite => ({ via: 'web', route: prefixed('/app', route), what, action, ...write });
const P = (w: World) => `/api/v1/practices/${w.s.practice.id}`;

/** One loopback EHR per practice, connected on first use (only the chart imports need one). */
const ehrs = new Map<string, Promise<ConnectedEhr>>();
afterAll(async () => {
  for (const ehr of ehrs.values()) await (await ehr).close();
});
let charts = 0;
/** A chart on the practice's EHR, under a fresh MRN: one ICD-10 problem, a phone nobody has. */
const chartOnEhr = async (w: World): Promise<Subject> => {
  const ehr = await ehrOf(w);
  const mrn = `CHART-${(charts += 1)}`;
  const patient = await ehr.fhir.repo.createResource({
    resourceType: 'Patient',
    identifier: [{ value: mrn }],
    name: [{ family: 'Okafor', given: ['Grace'] }],
    telecom: [{ system: 'phone', value: nextPhone(), use: 'mobile' }],
  });
  await ehr.fhir.repo.createResource({
    resourceType: 'Condition',
    subject: { reference: `Patient/${patient.id}` },
    clinicalStatus: { coding: [{ code: 'active' }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10', display: 'Essential (primary) hypertension' }] },
  });
  return { mrn };
};
/** The practice's loopback EHR, connected once (the connection's own write reuses its settings). */
const ehrOf = (w: World) => {
  if (!ehrs.has(w.s.practice.id)) ehrs.set(w.s.practice.id, connectEhr(w.api, w.s.practice.id, () => w.s.clock.now()));
  return ehrs.get(w.s.practice.id)!;
};
/** A month write-back the EHR refused, as the outbox keeps it: the admin's retry sends it again. */
const failedWriteBack = async (w: World): Promise<Subject> => {
  await ehrOf(w);
  const patient = await w.api.post(`${P(w)}/patients`, patientBody({ phone: nextPhone() }));
  const at = w.s.clock.now();
  const [row] = await rows(
    w,
    `INSERT INTO ehr_writebacks (practice_id, patient_id, month, kind, status, attempts, last_http_status, last_error, created_at, updated_at)
     VALUES ($1, $2, $3, 'month', 'failed', 1, 400, 'refused by the EHR', $4, $4) RETURNING id`,
    [w.s.practice.id, patient.body.id, MONTH, at],
  );
  return { writeBackId: row.id };
};
const chartPatient = (w: World, x: Subject) => rows(w, 'SELECT id, conditions FROM patients WHERE practice_id = $1 AND mrn = $2', [w.s.practice.id, x.mrn]);

/** The practice's practitioner, who bills CCM for its candidates: added once per practice. */
const practitioners = new Map<string, Promise<string>>();
const practitionerOf = (w: World) => {
  if (!practitioners.has(w.s.practice.id)) {
    practitioners.set(w.s.practice.id, w.api.post(`${P(w)}/staff`, { name: 'Dr. Paula Practitioner', role: 'practitioner', credential: 'MD' }).then((r) => r.body.id as string));
  }
  return practitioners.get(w.s.practice.id)!;
};
const CONSENT_ELEMENTS = ['offered', 'cost_sharing', 'one_practitioner', 'stop_any_time'];
const candidateBody = async (w: World, phone: string) => ({
  firstName: 'Cora',
  lastName: 'Candidate',
  phone,
  conditions: ['hypertension', 'COPD'],
  billingPractitionerId: await practitionerOf(w),
  lastVisitOn: '2026-09-01',
});
const candidateCsv = async (w: World, phone: string) => `First Name,Last Name,Phone,Conditions,Billing Practitioner,Last Visit\nCal,Csv,${phone},CHF;COPD,${await practitionerOf(w)},9/1/2026\n`;
/** A candidate of the practice, listed; on the call list when asked. */
const candidate = async (w: World, listed = false): Promise<Subject> => {
  const created = await w.api.post(`${P(w)}/candidates`, await candidateBody(w, nextPhone()));
  if (listed) await listForCall(w.s.t.db.pool, created.body.id, 'no_answer', w.s.clock.now());
  const text = await w.api.get(`${P(w)}/consent-text?language=en`);
  return { candidateId: created.body.id, textId: text.body.id };
};
const calledCandidate = (w: World) => candidate(w, true);
/** A patient enrolled from a candidate by a consent taken by phone: a consent that can be revoked. */
const consented = async (w: World): Promise<Subject> => {
  const { candidateId, textId } = await candidate(w);
  const given = await w.api.post(`/api/v1/candidates/${candidateId}/consent`, { consentTextId: textId, elements: CONSENT_ELEMENTS, staffId: w.s.coordinator.id });
  return { candidateId: candidateId!, patientId: given.body.patient.id };
};
const candidateState = (w: World, x: Subject) => rows(w, 'SELECT state, campaign_id, patient_id, call_listed_at FROM candidates WHERE id = $1', [x.candidateId]);
const candidatesWithPhone = (w: World, x: Subject) => rows(w, 'SELECT id FROM candidates WHERE phone = $1', [x.phone]);
const consentState = (w: World, x: Subject) => rows(w, 'SELECT revoked_at FROM ccm_consents WHERE patient_id = $1', [x.patientId]);
const consentTexts = (w: World) => rows(w, 'SELECT count(*)::int AS n FROM consent_texts WHERE practice_id = $1', [w.s.practice.id]);
const CONSENT_TEXT = {
  language: 'en',
  elements: {
    offered: '{practice} offers you CCM with {practitioner}.',
    cost_sharing: 'A monthly copay may apply.',
    one_practitioner: 'One practitioner bills CCM a month.',
    stop_any_time: 'You may stop at any time; it ends at the end of the month.',
  },
};
/** A form with repeated fields (the script's ticked elements), as a browser sends it. */
const postPairsToWebApp = (w: World, url: string, pairs: Array<[string, string]>) =>
  w.s.t.service.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams([...pairs, ['_csrf', w.web.csrf!]]).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: w.web.cookie! },
  });

/** Routes that take a POST but change no record: reading, signing in and out, staying signed in. */
export const NOT_STAFF_WRITES = ['POST /api/v1/practices/:id/triage-rules/replay', 'POST /app/login', 'POST /app/sign-out', 'POST /app/keepalive'];

export const STAFF_WRITES: StaffWrite[] = [
  // Practices and their settings.
  api('POST /practices', 'create a practice', 'practice.create', {
    prepare: withPhone,
    run: (w, x) => status(w.api.post('/api/v1/practices', { name: 'Lakeside Clinic', timezone: 'America/Chicago', phoneNumber: x.phone })),
    state: (w, x) => rows(w, 'SELECT id FROM practices WHERE phone_number = $1', [x.phone]),
  }),
  api('PATCH /practices/:id', 'change quiet hours', 'practice.update', {
    prepare: nothing,
    run: (w) => status(w.api.patch(P(w), { quietHours: { start: '21:30', end: '07:30' } })),
    state: practiceState,
  }),
  api('PATCH /practices/:id', 'change the check-in cadence', 'practice.update', {
    prepare: async (w) => ({ slots: JSON.stringify((await w.api.get(P(w))).body.outreach.cadence.slots) }),
    run: (w, x) => status(w.api.patch(P(w), { outreach: { cadence: { time: '10:30', slots: JSON.parse(x.slots!) } } })),
    state: practiceState,
  }),
  api('PUT /practices/:id/triage-rules', 'replace the triage rules', 'triage_rules.replace', {
    prepare: async (w) => ({ rules: JSON.stringify((await w.api.get(`${P(w)}/triage-rules`)).body.rules) }),
    run: (w, x) => status(w.api.put(`${P(w)}/triage-rules`, { rules: JSON.parse(x.rules!) })),
    state: ruleSets,
  }),
  api('PUT /practices/:id/ehr/connection', "connect the practice's EHR", 'ehr_connection.update', {
    prepare: async (w) => ({ settings: JSON.stringify((await ehrOf(w)).settings) }),
    run: (w, x) => status(w.api.put(`${P(w)}/ehr/connection`, { ...JSON.parse(x.settings!), scopes: DEFAULT_EHR_SCOPES.split(' ').reverse().join(' ') })),
    state: (w) => rows(w, 'SELECT scopes FROM ehr_connections WHERE practice_id = $1', [w.s.practice.id]),
  }),
  api('POST /practices/:id/ehr/write-backs/:writeBackId/retry', 'send a refused write-back again', 'ehr_writeback.retry', {
    prepare: failedWriteBack,
    run: (w, x) => status(w.api.post(`${P(w)}/ehr/write-backs/${x.writeBackId}/retry`, {})),
    state: (w, x) => rows(w, 'SELECT status FROM ehr_writebacks WHERE id = $1', [x.writeBackId]),
  }),
  api('POST /practices/:id/ehr/chart/import', "import a patient's chart from the EHR by MRN", 'ehr_chart.import', {
    prepare: chartOnEhr,
    run: (w, x) => status(w.api.post(`${P(w)}/ehr/chart/import`, { mrn: x.mrn, conditions: ['I10'], medications: [] })),
    state: chartPatient,
  }),
  web('POST /admin/ehr/chart/import', "import a patient's chart from the EHR by MRN", 'web.ehr_chart.import', {
    prepare: chartOnEhr,
    run: (w, x) => status(w.web.post('/app/admin/ehr/chart/import', { mrn: x.mrn!, conditions: 'I10' })),
    state: chartPatient,
  }),
  web('POST /admin/quiet-hours', 'change quiet hours', 'web.practice.update', {
    prepare: nothing,
    run: (w) => status(w.web.post('/app/admin/quiet-hours', { start: '20:00', end: '07:00' })),
    state: practiceState,
  }),
  web('POST /admin/cadence', 'change the check-in time', 'web.practice.update', {
    prepare: nothing,
    run: (w) => status(w.web.post('/app/admin/cadence', { time: '11:15' })),
    state: practiceState,
  }),
  web('POST /admin/triage-rules', 'save triage rules', 'web.triage_rules.replace', {
    prepare: async (w) => {
      const current = (await w.api.get(`${P(w)}/triage-rules`)).body;
      return { rules: JSON.stringify({ rules: current.rules, stable: current.stable }) };
    },
    run: (w, x) => status(w.web.post('/app/admin/triage-rules', { action: 'save', rules: x.rules! })),
    state: ruleSets,
  }),

  // Staff, logins, API keys.
  api('POST /practices/:id/coordinators', 'add a coordinator', 'coordinator.create', {
    prepare: withPhone,
    run: (w, x) => status(w.api.post(`${P(w)}/coordinators`, { name: 'Omar Oncall', phone: x.phone, role: 'nurse' })),
    state: (w, x) => rows(w, 'SELECT id FROM coordinators WHERE phone = $1', [x.phone]),
  }),
  api('PATCH /practices/:id/coordinators/:coordinatorId', 'change a coordinator', 'coordinator.update', {
    prepare: coordinator,
    run: (w, x) => status(w.api.patch(`${P(w)}/coordinators/${x.coordinatorId}`, { onCallOrder: 7 })),
    state: (w, x) => rows(w, 'SELECT on_call_order FROM coordinators WHERE id = $1', [x.coordinatorId]),
  }),
  api('POST /practices/:id/staff', 'add a staff member', 'staff.create', {
    prepare: withPhone,
    run: (w, x) => status(w.api.post(`${P(w)}/staff`, { name: 'Dr. Alan Grant', role: 'practitioner', credential: 'MD', phone: x.phone })),
    state: (w, x) => rows(w, 'SELECT id FROM coordinators WHERE phone = $1', [x.phone]),
  }),
  api('POST /practices/:id/users', 'create a login', 'user.create', {
    prepare: async () => ({ email: `${nextPhone().slice(1)}@riverside.example` }),
    run: (w, x) => status(w.api.post(`${P(w)}/users`, { name: 'Lena Login', email: x.email, role: 'coordinator', password: 'correct horse battery staple' })),
    state: (w, x) => rows(w, 'SELECT id FROM users WHERE email = $1', [x.email]),
  }),
  api('POST /practices/:id/api-keys', 'create an API key', 'api_key.create', {
    prepare: nothing,
    run: (w) => status(w.api.post(`${P(w)}/api-keys`, { name: 'Front desk', role: 'coordinator' })),
    state: (w) => rows(w, 'SELECT count(*)::int AS n FROM api_keys WHERE practice_id = $1', [w.s.practice.id]),
  }),
  api('DELETE /practices/:id/api-keys/:keyId', 'revoke an API key', 'api_key.revoke', {
    prepare: async (w) => ({ keyId: (await w.api.post(`${P(w)}/api-keys`, { name: 'Old key', role: 'admin' })).body.id }),
    run: (w, x) => status(w.api.delete(`${P(w)}/api-keys/${x.keyId}`)),
    state: (w, x) => rows(w, 'SELECT revoked_at FROM api_keys WHERE id = $1', [x.keyId]),
  }),
  web('POST /admin/coordinators', 'add a coordinator', 'web.coordinator.create', {
    prepare: withPhone,
    run: (w, x) => status(w.web.post('/app/admin/coordinators', { name: 'Omar Oncall', phone: x.phone!, role: 'nurse', onCallOrder: '4' })),
    state: (w, x) => rows(w, 'SELECT id FROM coordinators WHERE phone = $1', [x.phone]),
  }),
  web('POST /admin/coordinators/:coordinatorId', 'change the on-call order', 'web.coordinator.update', {
    prepare: coordinator,
    run: (w, x) => status(w.web.post(`/app/admin/coordinators/${x.coordinatorId}`, { action: 'set', onCallOrder: '5' })),
    state: (w, x) => rows(w, 'SELECT on_call_order FROM coordinators WHERE id = $1', [x.coordinatorId]),
  }),
  web('POST /admin/users', 'create a login', 'web.user.create', {
    prepare: async () => ({ email: `${nextPhone().slice(1)}@riverside.example` }),
    run: (w, x) => status(w.web.post('/app/admin/users', { name: 'Lena Login', email: x.email!, role: 'coordinator', password: 'correct horse battery staple' })),
    state: (w, x) => rows(w, 'SELECT id FROM users WHERE email = $1', [x.email]),
  }),

  // Patients: enrolment, import, details, outreach, medications, check-ins.
  api('POST /practices/:id/patients', 'enrol a patient', 'patient.create', {
    prepare: withPhone,
    run: (w, x) => status(w.api.post(`${P(w)}/patients`, patientBody({ phone: x.phone }))),
    state: patientsWithPhone,
  }),
  api('POST /practices/:id/patients/import', 'import patients from a CSV file', 'patient.create', {
    prepare: withPhone,
    run: async (w, x) =>
      (
        await w.s.t.service.app.inject({
          method: 'POST',
          url: `${P(w)}/patients/import`,
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
          payload: csvFor(x.phone!),
        })
      ).statusCode,
    state: patientsWithPhone,
  }),
  api('PATCH /patients/:id', 'change a patient', 'patient.update', {
    prepare: patient,
    run: (w, x) => status(w.api.patch(`/api/v1/patients/${x.patientId}`, { language: 'es' })),
    state: patientState('language'),
  }),
  api('POST /patients/:id/pause', 'pause outreach', 'patient.pause', {
    prepare: patient,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/pause`, {})),
    state: patientState('paused_at'),
  }),
  api('POST /patients/:id/resume', 'resume outreach', 'patient.resume', {
    prepare: paused,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/resume`, {})),
    state: patientState('paused_at'),
  }),
  api('POST /patients/:id/medications', 'add a medication', 'medication.create', {
    prepare: patient,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/medications`, { name: 'metformin', dose: '500 mg', times: ['09:00'] })),
    state: (w, x) => rows(w, 'SELECT id FROM medications WHERE patient_id = $1', [x.patientId]),
  }),
  api('PATCH /patients/:id/medications/:medicationId', 'change a medication', 'medication.update', {
    prepare: medication,
    run: (w, x) => status(w.api.patch(`/api/v1/patients/${x.patientId}/medications/${x.medicationId}`, { dose: '20 mg' })),
    state: (w, x) => rows(w, 'SELECT dose FROM medications WHERE id = $1', [x.medicationId]),
  }),
  api('POST /patients/:id/appointments', 'add an appointment', 'appointment.create', {
    prepare: patient,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/appointments`, APPOINTMENT)),
    state: appointmentsOf,
  }),
  api('PATCH /patients/:id/appointments/:appointmentId', 'change an appointment', 'appointment.update', {
    prepare: appointment,
    run: (w, x) => status(w.api.patch(`/api/v1/patients/${x.patientId}/appointments/${x.appointmentId}`, { location: 'Telehealth' })),
    state: appointmentsOf,
  }),
  api('POST /patients/:id/appointments/:appointmentId/cancel', 'cancel an appointment', 'appointment.cancel', {
    prepare: appointment,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/appointments/${x.appointmentId}/cancel`, {})),
    state: appointmentsOf,
  }),
  api('POST /practices/:id/appointments/import', 'import appointments from a CSV file', 'appointment.import', {
    prepare: appointmentCsvFor,
    run: async (w, x) =>
      (
        await w.s.t.service.app.inject({
          method: 'POST',
          url: `${P(w)}/appointments/import`,
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
          payload: x.csv!,
        })
      ).statusCode,
    state: appointmentsOf,
  }),
  api('POST /patients/:id/check-ins', 'start a check-in', 'check_in.start', {
    prepare: patient,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/check-ins`, { flow: 'wellness' })),
    state: (w, x) => rows(w, 'SELECT id FROM conversations WHERE patient_id = $1', [x.patientId]),
  }),
  api('POST /conversations/:id/cancel', 'cancel a check-in', 'conversation.cancel', {
    prepare: async (w) => {
      const { patientId } = await patient(w);
      return { conversationId: (await w.api.post(`/api/v1/patients/${patientId}/check-ins`, { flow: 'wellness' })).body.conversationId };
    },
    run: (w, x) => status(w.api.post(`/api/v1/conversations/${x.conversationId}/cancel`, {})),
    state: (w, x) => rows(w, 'SELECT status FROM conversations WHERE id = $1', [x.conversationId]),
  }),
  web('POST /admin/patients', 'enrol a patient', 'web.patient.create', {
    prepare: withPhone,
    run: (w, x) =>
      status(
        w.web.post('/app/admin/patients', {
          firstName: 'Rosa',
          lastName: 'Ramirez',
          phone: x.phone!,
          conditions: 'hypertension',
          consentStatus: 'granted',
          consentMethod: 'verbal',
          consentRecordedBy: 'Ada Admin',
        }),
      ),
    state: patientsWithPhone,
  }),
  web('POST /admin/import', 'import patients from a CSV file', 'web.patient.import', {
    prepare: withPhone,
    run: async (w, x) => (await uploadToWebApp(w, csvFor(x.phone!))).statusCode,
    state: patientsWithPhone,
  }),
  web('POST /admin/appointments/import', 'import appointments from a CSV file', 'web.appointment.import', {
    prepare: appointmentCsvFor,
    run: async (w, x) => (await uploadToWebApp(w, x.csv!, '/app/admin/appointments/import')).statusCode,
    state: appointmentsOf,
  }),
  web('POST /patients/:id/appointments', 'add an appointment', 'web.appointment.create', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/appointments`, { ...APPOINTMENT, purpose: 'blood pressure follow-up' })),
    state: appointmentsOf,
  }),
  web('POST /patients/:id/appointments/:appointmentId/cancel', 'cancel an appointment', 'web.appointment.cancel', {
    prepare: appointment,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/appointments/${x.appointmentId}/cancel`, {})),
    state: appointmentsOf,
  }),
  web('POST /patients/:id/pause', 'pause outreach', 'web.patient.pause', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/pause`, {})),
    state: patientState('paused_at'),
  }),
  web('POST /patients/:id/resume', 'resume outreach', 'web.patient.resume', {
    prepare: paused,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/resume`, {})),
    state: patientState('paused_at'),
  }),
  web('POST /patients/:id/medications/:medicationId', 'change a medication', 'web.medication.update', {
    prepare: medication,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/medications/${x.medicationId}`, { dose: '20 mg', times: '09:00', active: 'on', reminders: 'on' })),
    state: (w, x) => rows(w, 'SELECT dose FROM medications WHERE id = $1', [x.medicationId]),
  }),
  web('POST /patients/:id/medications', 'add a medication', 'web.medication.create', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/medications`, { name: 'amlodipine', dose: '5 mg', times: '09:00', reminders: 'on' })),
    state: (w, x) => rows(w, 'SELECT name FROM medications WHERE patient_id = $1', [x.patientId]),
  }),
  web('POST /patients/:id/medications/:medicationId/stop', 'stop a medication', 'web.medication.update', {
    prepare: medication,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/medications/${x.medicationId}/stop`, {})),
    state: (w, x) => rows(w, 'SELECT active FROM medications WHERE id = $1', [x.medicationId]),
  }),
  web('POST /patients/:id/care-plan', 'write a care plan', 'web.care_plan.write', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/care-plan`, { status: 'active', 'problem-0-condition': 'hypertension', 'problem-0-icd10': '', goals: 'BP under 130/80', interventions: '', reviewSchedule: '' })),
    state: (w, x) => rows(w, 'SELECT care_plan FROM patients WHERE id = $1', [x.patientId]),
  }),
  web('POST /patients/:id/consent', 'record consent', 'web.patient.update', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/consent`, { status: 'granted', method: 'written', recordedOn: '2026-11-02', recordedBy: 'Ada Admin' })),
    state: patientState('consent_method'),
  }),
  web('POST /patients/:id/email', "change a patient's email", 'web.patient.update', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/email`, { email: 'ada@example.org', emailConsent: 'link' })),
    state: patientState('email'),
  }),
  web('POST /patients/:id/mrn', "record a patient's medical record number", 'web.patient.update', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/mrn`, { mrn: 'E100423' })),
    state: patientState('mrn'),
  }),
  web('POST /patients/:id/check-ins', 'start a check-in', 'web.check_in.start', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/check-ins`, { flow: 'wellness' })),
    state: (w, x) => rows(w, 'SELECT id FROM conversations WHERE patient_id = $1', [x.patientId]),
  }),

  // Alerts and texts from unknown numbers.
  api('POST /alerts/:id/acknowledge', 'acknowledge an alert', 'alert.acknowledge', {
    prepare: alert,
    run: (w, x) => status(w.api.post(`/api/v1/alerts/${x.alertId}/acknowledge`, { coordinatorId: w.s.coordinator.id })),
    state: alertState,
  }),
  api('POST /alerts/:id/resolve', 'resolve an alert', 'alert.resolve', {
    prepare: alert,
    run: (w, x) => status(w.api.post(`/api/v1/alerts/${x.alertId}/resolve`, { coordinatorId: w.s.coordinator.id, note: 'Called back; fine.' })),
    state: alertState,
  }),
  api('POST /unmatched-texts/:id/review', 'review a text from an unknown number', 'unmatched_text.review', {
    prepare: unknownText,
    run: (w, x) => status(w.api.post(`/api/v1/unmatched-texts/${x.textId}/review`, { coordinatorId: w.s.coordinator.id, note: 'Called back' })),
    state: (w, x) => rows(w, 'SELECT reviewed_at FROM messages WHERE id = $1', [x.textId]),
  }),
  api('POST /unmatched-texts/:id/link', 'link a text from an unknown number to a patient', 'unmatched_text.link', {
    prepare: unknownText,
    run: (w, x) => status(w.api.post(`/api/v1/unmatched-texts/${x.textId}/link`, { coordinatorId: w.s.coordinator.id, patientId: x.patientId })),
    state: linkState,
  }),
  web('POST /unknown-senders/:id/link', 'link a text from an unknown number to a patient', 'web.unmatched_text.link', {
    prepare: unknownText,
    run: (w, x) => status(w.web.post(`/app/unknown-senders/${x.textId}/link`, { patientId: x.patientId! })),
    state: linkState,
  }),
  web('POST /unknown-senders/:id/resolve', 'resolve a text from an unknown number', 'web.unmatched_text.review', {
    prepare: unknownText,
    run: (w, x) => status(w.web.post(`/app/unknown-senders/${x.textId}/resolve`, { note: 'Called back' })),
    state: (w, x) => rows(w, 'SELECT reviewed_at FROM messages WHERE id = $1', [x.textId]),
  }),
  api('POST /front-desk-texts/:id/resolve', "resolve a patient's text at the front desk", 'front_desk_text.resolve', {
    prepare: frontDeskText,
    run: (w, x) => status(w.api.post(`/api/v1/front-desk-texts/${x.textId}/resolve`, { coordinatorId: w.s.coordinator.id, note: 'Told her: 9 to noon' })),
    state: frontDeskState,
  }),
  api('POST /front-desk-texts/:id/pass-to-care-team', "pass a patient's text from the front desk to the care team", 'front_desk_text.pass_to_care_team', {
    prepare: frontDeskText,
    run: (w, x) => status(w.api.post(`/api/v1/front-desk-texts/${x.textId}/pass-to-care-team`, { coordinatorId: w.s.coordinator.id })),
    state: frontDeskState,
  }),
  web('POST /front-desk/:id/resolve', "resolve a patient's text at the front desk", 'web.front_desk_text.resolve', {
    prepare: frontDeskText,
    run: (w, x) => status(w.web.post(`/app/front-desk/${x.textId}/resolve`, { note: 'Told her: 9 to noon' })),
    state: frontDeskState,
  }),
  web('POST /front-desk/:id/pass', "pass a patient's text from the front desk to the care team", 'web.front_desk_text.pass_to_care_team', {
    prepare: frontDeskText,
    run: (w, x) => status(w.web.post(`/app/front-desk/${x.textId}/pass`, {})),
    state: frontDeskState,
  }),
  web('POST /alerts/:id/acknowledge', 'acknowledge an alert', 'web.alert.acknowledge', {
    prepare: alert,
    run: (w, x) => status(w.web.post(`/app/alerts/${x.alertId}/acknowledge`, {})),
    state: alertState,
  }),
  web('POST /alerts/:id/resolve', 'resolve an alert', 'web.alert.resolve', {
    prepare: alert,
    run: (w, x) => status(w.web.post(`/app/alerts/${x.alertId}/resolve`, { note: 'Called back; fine.' })),
    state: alertState,
  }),
  web('POST /alerts/:id/call', 'ring my phone about an alert', 'web.alert.call', {
    prepare: alert,
    run: (w, x) => status(w.web.post(`/app/alerts/${x.alertId}/call`, {})),
    state: alertState,
  }),

  // A patient's case: all their alerts at once.
  api('POST /cases/:id/acknowledge', 'acknowledge a case', 'case.acknowledge', {
    prepare: alert,
    run: (w, x) => status(w.api.post(`/api/v1/cases/${x.caseId}/acknowledge`, { coordinatorId: w.s.coordinator.id })),
    state: caseState,
  }),
  api('POST /cases/:id/resolve', 'resolve a case', 'case.resolve', {
    prepare: alert,
    run: (w, x) => status(w.api.post(`/api/v1/cases/${x.caseId}/resolve`, { coordinatorId: w.s.coordinator.id, note: 'Called back; fine.' })),
    state: caseState,
  }),
  api('POST /cases/:id/text', "text a case's patient", 'case.text', {
    prepare: alert,
    run: (w, x) => status(w.api.post(`/api/v1/cases/${x.caseId}/text`, { coordinatorId: w.s.coordinator.id, words: 'Yes, Tuesday at 10. - from the API' })),
    state: caseTextState,
  }),
  web('POST /cases/:id/text', "text a case's patient", 'web.case.text', {
    prepare: alert,
    run: (w, x) => status(w.web.post(`/app/cases/${x.caseId}/text`, { words: 'Yes, Tuesday at 10. - from the app' })),
    state: caseTextState,
  }),
  web('POST /cases/:id/acknowledge', 'acknowledge a case', 'web.case.acknowledge', {
    prepare: alert,
    run: (w, x) => status(w.web.post(`/app/cases/${x.caseId}/acknowledge`, {})),
    state: caseState,
  }),
  web('POST /cases/:id/resolve', 'resolve a case', 'web.case.resolve', {
    prepare: alert,
    run: (w, x) => status(w.web.post(`/app/cases/${x.caseId}/resolve`, { note: 'Called back; fine.' })),
    state: caseState,
  }),

  // Records: time, care plans, the monthly record.
  api('POST /patients/:id/time-entries', 'log time', 'time_entry.create', {
    prepare: patient,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/time-entries`, { staffId: w.s.coordinator.id, activity: 'call', start: x.start ?? (x.start = freshDay()), minutes: 15 })),
    state: entriesOf,
  }),
  api('PATCH /patients/:id/time-entries/:entryId', 'correct a time entry', 'time_entry.correct', {
    prepare: timeEntry,
    run: (w, x) => status(w.api.patch(`/api/v1/patients/${x.patientId}/time-entries/${x.entryId}`, { minutes: 12, reason: 'ran longer' })),
    state: entriesOf,
  }),
  api('POST /patients/:id/time-entries/:entryId/withdraw', 'withdraw a time entry', 'time_entry.withdraw', {
    prepare: timeEntry,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/time-entries/${x.entryId}/withdraw`, { reason: 'wrong patient' })),
    state: entriesOf,
  }),
  api('PUT /patients/:id/care-plan', 'write a care plan', 'care_plan.write', {
    prepare: patient,
    run: (w, x) => status(w.api.put(`/api/v1/patients/${x.patientId}/care-plan`, { status: 'active', problems: [{ condition: 'hypertension' }] })),
    state: (w, x) => rows(w, 'SELECT care_plan FROM patients WHERE id = $1', [x.patientId]),
  }),
  api('PATCH /patients/:id/months/:month', 'record decisions about the month', 'care_month.update', {
    prepare: patient,
    run: (w, x) => status(w.api.patch(`/api/v1/patients/${x.patientId}/months/${MONTH}`, { complex: true })),
    state: monthState,
  }),
  api('POST /patients/:id/months/:month/approve', 'approve the month', 'care_month.approve', {
    prepare: patient,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/months/${MONTH}/approve`, { staffId: w.s.coordinator.id })),
    state: monthState,
  }),
  api('POST /patients/:id/months/:month/addenda', 'add an addendum', 'care_month.addendum', {
    prepare: approvedMonth,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/months/${MONTH}/addenda`, { text: 'Patient called back; no change.' })),
    state: monthState,
  }),
  web('POST /patients/:id/time-entries', 'log time', 'web.time_entry.create', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/time-entries`, { activity: 'call', start: x.start ?? (x.start = freshDay()), minutes: '15' })),
    state: entriesOf,
  }),
  web('POST /patients/:id/months/:month/note', 'edit the month’s note', 'web.month.update', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/months/${MONTH}/note`, { note: 'Reviewed the BP log.' })),
    state: monthState,
  }),
  web('POST /patients/:id/months/:month/decisions', 'record decisions about the month', 'web.month.update', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/months/${MONTH}/decisions`, { complex: '1' })),
    state: monthState,
  }),
  web('POST /patients/:id/months/:month/approve', 'approve the month', 'web.month.approve', {
    prepare: patient,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/months/${MONTH}/approve`, {})),
    state: monthState,
  }),
  web('POST /patients/:id/months/:month/addenda', 'add an addendum', 'web.month.addendum', {
    prepare: approvedMonth,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/months/${MONTH}/addenda`, { text: 'Patient called back; no change.' })),
    state: monthState,
  }),
  // Enrolment campaigns: candidates, campaigns, consent taken by phone, a no, a call, revocation, the consent text.
  api('POST /practices/:id/candidates', 'add a candidate', 'candidate.create', {
    prepare: withPhone,
    run: async (w, x) => status(w.api.post(`${P(w)}/candidates`, await candidateBody(w, x.phone!))),
    state: candidatesWithPhone,
  }),
  api('POST /practices/:id/candidates/import', 'import candidates from a CSV file', 'candidate.import', {
    prepare: withPhone,
    run: async (w, x) =>
      (
        await w.s.t.service.app.inject({
          method: 'POST',
          url: `${P(w)}/candidates/import`,
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
          payload: await candidateCsv(w, x.phone!),
        })
      ).statusCode,
    state: candidatesWithPhone,
  }),
  api('POST /practices/:id/campaigns', 'start a campaign', 'campaign.create', {
    prepare: (w) => candidate(w),
    run: (w, x) => status(w.api.post(`${P(w)}/campaigns`, { name: 'Audit campaign', candidateIds: [x.candidateId] })),
    state: candidateState,
  }),
  api('POST /candidates/:id/consent', 'record consent taken by phone', 'candidate.consent', {
    prepare: (w) => candidate(w),
    run: (w, x) => status(w.api.post(`/api/v1/candidates/${x.candidateId}/consent`, { consentTextId: x.textId, elements: CONSENT_ELEMENTS, staffId: w.s.coordinator.id })),
    state: candidateState,
  }),
  api('POST /candidates/:id/decline', 'record a no said by phone', 'candidate.decline', {
    prepare: (w) => candidate(w),
    run: (w, x) => status(w.api.post(`/api/v1/candidates/${x.candidateId}/decline`, { staffId: w.s.coordinator.id })),
    state: candidateState,
  }),
  api('POST /candidates/:id/called', 'take a candidate off the call list', 'candidate.called', {
    prepare: calledCandidate,
    run: (w, x) => status(w.api.post(`/api/v1/candidates/${x.candidateId}/called`, { staffId: w.s.coordinator.id, note: 'no answer' })),
    state: candidateState,
  }),
  api('PUT /practices/:id/consent-text', 'publish a new consent text', 'consent_text.publish', {
    prepare: nothing,
    run: (w) => status(w.api.put(`${P(w)}/consent-text`, CONSENT_TEXT)),
    state: consentTexts,
  }),
  api('POST /patients/:id/consent/revoke', 'revoke a CCM consent', 'consent.revoke', {
    prepare: consented,
    run: (w, x) => status(w.api.post(`/api/v1/patients/${x.patientId}/consent/revoke`, { how: 'by phone' })),
    state: consentState,
  }),
  web('POST /enrolment/candidates', 'add a candidate', 'web.candidate.create', {
    prepare: withPhone,
    run: async (w, x) => {
      const body = await candidateBody(w, x.phone!);
      return status(w.web.post('/app/enrolment/candidates', { ...body, conditions: body.conditions.join(', ') }));
    },
    state: candidatesWithPhone,
  }),
  web('POST /enrolment/candidates/import', 'import candidates from a CSV file', 'web.candidate.import', {
    prepare: withPhone,
    run: async (w, x) => (await uploadToWebApp(w, await candidateCsv(w, x.phone!), '/app/enrolment/candidates/import')).statusCode,
    state: candidatesWithPhone,
  }),
  web('POST /enrolment/campaigns', 'start a campaign', 'web.campaign.create', {
    prepare: (w) => candidate(w),
    run: async (w, x) => (await postPairsToWebApp(w, '/app/enrolment/campaigns', [['name', 'Audit campaign'], ['which', 'ticked'], ['candidateIds', x.candidateId!]])).statusCode,
    state: candidateState,
  }),
  web('POST /enrolment/candidates/:id/consent', 'record consent taken by phone', 'web.candidate.consent', {
    prepare: (w) => candidate(w),
    run: async (w, x) =>
      (await postPairsToWebApp(w, `/app/enrolment/candidates/${x.candidateId}/consent`, [['consentTextId', x.textId!], ...CONSENT_ELEMENTS.map((e): [string, string] => ['elements', e])])).statusCode,
    state: candidateState,
  }),
  web('POST /enrolment/candidates/:id/decline', 'record a no said by phone', 'web.candidate.decline', {
    prepare: (w) => candidate(w),
    run: (w, x) => status(w.web.post(`/app/enrolment/candidates/${x.candidateId}/decline`, {})),
    state: candidateState,
  }),
  web('POST /enrolment/candidates/:id/called', 'take a candidate off the call list', 'web.candidate.called', {
    prepare: calledCandidate,
    run: (w, x) => status(w.web.post(`/app/enrolment/candidates/${x.candidateId}/called`, {})),
    state: candidateState,
  }),
  web('POST /enrolment/consent-text', 'publish a new consent text', 'web.consent_text.publish', {
    prepare: nothing,
    run: (w) => status(w.web.post('/app/enrolment/consent-text', { language: CONSENT_TEXT.language, ...CONSENT_TEXT.elements })),
    state: consentTexts,
  }),
  web('POST /patients/:id/consent/revoke', 'revoke a CCM consent', 'web.consent.revoke', {
    prepare: consented,
    run: (w, x) => status(w.web.post(`/app/patients/${x.patientId}/consent/revoke`, { how: 'by phone', on: '2026-11-24' })),
    state: consentState,
  }),
];
