/**
 * A busy month for Rosa Martínez (December 2026, Spanish-speaking, three
 * problems under the care plan): readings of every kind, missed doses, a
 * fall, a weight gain, alerts handled and one still open, calls, a care-plan
 * revision and staff time by several people. Built from the sources the way
 * the service builds a record, with fixed ids and times so the drafted note
 * is the same on every run. `everyKind` adds one of every observation, event,
 * alert reason, call status, activity and warning the code knows.
 */
import { buildMonthRecord, type MonthSources } from '../../src/documentation/record.js';
import { questionnaireIn, observationsOf } from './sample-questionnaire.js';

/** A fixed uuid per name: real-looking ids, so a leaked id is caught as a uuid. */
export const id = (n: number) => `5f1c0d2e-8a4b-4c3d-9e2f-${String(n).padStart(12, '0')}`;

const at = (day: number, hour: number, minute = 0) => `2026-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

export const LIS = id(901);
export const MET = id(902);
export const FUR = id(903);

export function busySources(): MonthSources {
  const questionnaire = questionnaireIn({ id: id(800), sentAt: at(8, 15), submittedAt: at(9, 16, 42), messageId: id(801), locale: 'es', definition: questionnaireIn().definition });
  return {
    month: '2026-12',
    period: { start: new Date('2026-12-01T05:00:00.000Z'), end: new Date('2027-01-01T05:00:00.000Z') },
    practice: {
      id: id(1),
      name: 'Riverside Family Medicine',
      timezone: 'America/New_York',
      phone: '+12125550100',
      billing: { model: 'ccm', apcmCode: 'G0557', disabledCodes: [] },
    },
    patient: { id: id(2), firstName: 'Rosa', lastName: 'Martínez', dateOfBirth: '1949-05-14', phone: '+12125550188', language: 'es' },
    consent: { status: 'granted', method: 'verbal', recordedAt: '2026-10-02T15:30:00.000Z', recordedBy: 'Ana Ruiz, RN' },
    conditions: ['Essential hypertension', 'Type 2 diabetes', 'Heart failure', 'Osteoarthritis of knee'],
    carePlan: {
      status: 'active',
      problems: [
        { condition: 'Essential hypertension', icd10: 'I10' },
        { condition: 'Type 2 diabetes', icd10: 'E11.9' },
        { condition: 'Heart failure', icd10: 'I50.9' },
      ],
      goals: ['Home BP below 140/90', 'Fasting sugar 80-130 mg/dL', 'Daily weights; call for a gain of 3 lb in a day'],
      interventions: ['Weekly BP and weight check-in by text', 'Nurse call for any fall'],
      reviewSchedule: 'Every 3 months',
      establishedOn: '2026-10-02',
      revisedOn: '2026-12-12',
      updatedAt: at(12, 18),
      updatedBy: 'Ana Ruiz, RN',
    },
    decisions: { complex: false, carePlanRevised: false, noteText: null },
    entries: [
      { id: id(300), staffId: id(30), staffName: 'Ana Ruiz', credential: 'RN', staffRole: 'clinical_staff', activity: 'call', start: at(3, 14, 30), end: at(3, 14, 48), source: 'captured', capturedFrom: 'escalation call', note: 'Fall in bathroom, no injury, walker at home' },
      { id: id(301), staffId: id(30), staffName: 'Ana Ruiz', credential: 'RN', staffRole: 'clinical_staff', activity: 'data_review', start: at(11, 15), end: at(11, 15, 12, ), source: 'manual', capturedFrom: null, note: null },
      { id: id(302), staffId: id(31), staffName: 'Dr. Amy Chen', credential: 'MD', staffRole: 'practitioner', activity: 'care_plan_update', start: at(12, 17, 30), end: at(12, 17, 40), source: 'manual', capturedFrom: null, note: 'Furosemide added for weight gain' },
      { id: id(303), staffId: id(32), staffName: 'Luis Ortega', credential: 'MA', staffRole: 'clinical_staff', activity: 'medication_reconciliation', start: at(14, 16), end: at(14, 16, 8, ), source: 'manual', capturedFrom: null, note: null },
      { id: id(304), staffId: id(30), staffName: 'Ana Ruiz', credential: 'RN', staffRole: 'clinical_staff', activity: 'care_coordination', start: at(15, 19), end: at(15, 19, 6), source: 'manual', capturedFrom: null, note: 'Sent weights to cardiology' },
    ],
    messages: [
      { id: id(100), at: at(1, 14), direction: 'outbound', channel: 'sms', body: 'Hola Rosa, soy Riverside Family Medicine. ¿Cuál es su presión hoy? (ej. 130/80)' },
      { id: id(101), at: at(1, 14, 12), direction: 'inbound', channel: 'sms', body: '142/88' },
      { id: id(102), at: at(3, 13, 58), direction: 'inbound', channel: 'sms', body: 'me caí en el baño anoche pero ya estoy bien' },
      { id: id(103), at: at(5, 13, 10), direction: 'inbound', channel: 'sms', body: 'azucar 62 me siento temblorosa' },
      { id: id(104), at: at(11, 13, 5), direction: 'inbound', channel: 'sms', body: 'subí 4 libras desde ayer y tengo los pies hinchados' },
      { id: id(105), at: at(9, 16, 42), direction: 'inbound', channel: 'form', body: 'Salud en general: regular' },
      { id: id(106), at: at(20, 14, 2), direction: 'inbound', channel: 'sms', body: 'se me acabó la metformina' },
    ],
    calls: [
      { id: id(200), at: at(16, 15), direction: 'outbound', status: 'no-answer', answeredBy: null, seconds: null },
      { id: id(201), at: at(17, 15), direction: 'outbound', status: 'completed', answeredBy: 'human', seconds: 184 },
    ],
    events: [
      { id: id(400), at: at(3, 13, 58), type: 'red_flag' },
      { id: id(401), at: at(8, 15), type: 'questionnaire_sent' },
      { id: id(402), at: at(12, 18), type: 'care_plan.revised' },
      { id: id(403), at: at(22, 15), type: 'outreach.paused' },
    ],
    observations: [
      { at: at(1, 14, 12), kind: 'blood_pressure', value: { systolic: 142, diastolic: 88 } },
      { at: at(3, 13, 58), kind: 'red_flag', value: { category: 'fall' } },
      { at: at(5, 13, 10), kind: 'glucose', value: { mgdl: 62 } },
      { at: at(5, 13, 10), kind: 'concern_reported', value: { category: 'glucose_low' } },
      { at: at(6, 14), kind: 'medication_adherence', value: { medicationId: LIS, taken: true } },
      { at: at(7, 14), kind: 'medication_adherence', value: { medicationId: LIS, taken: false, reason: 'forgot' } },
      { at: at(8, 14), kind: 'medication_adherence', value: { medicationId: MET, taken: true } },
      { at: at(8, 14, 1), kind: 'blood_pressure', value: { systolic: 156, diastolic: 94 } },
      ...observationsOf(questionnaire),
      { at: at(11, 13, 5), kind: 'weight_gain', value: { pounds: 4, days: 1 } },
      { at: at(11, 13, 5), kind: 'concern_reported', value: { category: 'swelling' } },
      { at: at(11, 13, 6), kind: 'weight', value: { pounds: 183 } },
      { at: at(15, 14), kind: 'blood_pressure', value: { systolic: 164, diastolic: 98 } },
      { at: at(15, 14, 1), kind: 'pain', value: { score: 6 } },
      { at: at(18, 14), kind: 'weight', value: { pounds: 180 } },
      { at: at(20, 14, 2), kind: 'refill_concern', value: { medicationId: MET } },
      { at: at(21, 14), kind: 'medication_adherence', value: { medicationId: MET, taken: false, reason: 'ran_out', days: 2 } },
      { at: at(24, 14), kind: 'blood_pressure', value: { systolic: 138, diastolic: 84 } },
    ],
    medications: [
      { id: LIS, name: 'lisinopril 20 mg' },
      { id: MET, name: 'metformin 500 mg' },
      { id: FUR, name: 'furosemide 20 mg' },
    ],
    alerts: [
      { id: id(500), level: 'urgent', reason: 'red_flag:fall', explanation: 'Reported a fall (hurt or unable to get up) on Dec 3 at 08:58', createdAt: at(3, 13, 58), acknowledgedAt: at(3, 14, 2), acknowledgedBy: 'Ana Ruiz', resolvedAt: at(3, 14, 50), resolvedBy: 'Ana Ruiz', resolutionNote: 'Called her: slipped in the bathroom, no head strike, no pain; walker at home. Daughter to stay the night.' },
      { id: id(501), level: 'urgent', reason: 'glucose_low', explanation: 'Blood sugar 62 on Dec 5 at 08:10 is below 70', createdAt: at(5, 13, 10), acknowledgedAt: at(5, 13, 20), acknowledgedBy: 'Ana Ruiz', resolvedAt: at(5, 13, 45), resolvedBy: 'Ana Ruiz', resolutionNote: 'Juice taken, recheck 104. Told to eat before metformin.' },
      { id: id(502), level: 'elevated', reason: 'weight_gain_hf', explanation: 'Reported gaining 4 lb on Dec 11 at 08:05 (heart failure)', createdAt: at(11, 13, 5), acknowledgedAt: at(11, 15), acknowledgedBy: 'Ana Ruiz', resolvedAt: at(12, 17, 45), resolvedBy: 'Dr. Amy Chen', resolutionNote: 'Furosemide 20 mg daily started; weights daily, recheck in one week.' },
      { id: id(503), level: 'elevated', reason: 'concern:swelling', explanation: 'Reported swelling on Dec 11 at 08:05', createdAt: at(11, 13, 5), acknowledgedAt: at(11, 15), acknowledgedBy: 'Ana Ruiz', resolvedAt: at(12, 17, 45), resolvedBy: 'Dr. Amy Chen', resolutionNote: 'Same event as the weight gain.' },
      { id: id(504), level: 'elevated', reason: 'refill_needed', explanation: 'Out of metformin 500 mg (said on Dec 20)', createdAt: at(20, 14, 2), acknowledgedAt: at(21, 14), acknowledgedBy: 'Luis Ortega', resolvedAt: null, resolvedBy: null, resolutionNote: null },
    ],
    questionnaires: [questionnaire],
    appointments: {
      inMonth: [],
      upcoming: [{ id: id(600), startsAt: '2027-01-08T15:30:00.000Z', timezone: 'America/New_York', withWhom: 'Dr. Amy Chen', location: 'Riverside Family Medicine', purpose: 'heart failure follow-up', status: 'scheduled' }],
      asOf: '2027-01-02T14:00:00.000Z',
    },
    twoWayContact: true,
  };
}

export const busyMonth = () => buildMonthRecord(busySources());
