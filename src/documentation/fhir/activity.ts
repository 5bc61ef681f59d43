/** What happened in the month: each message and call, each reported value, each alert. */
import type { CodeableConcept, Communication, CommunicationPayload, Flag, Observation, Organization, Patient, Reference } from '@medplum/fhirtypes';
import type { AlertHandling, Interaction, MedicationAdherence } from '../types.js';
import { alertTitle } from '../phrases/index.js';
import { nonEmpty, type BuildContext, type Keyed } from './context.js';
import { responseKey } from './month-questionnaires.js';
import { FLAG_PRIORITY_EXTENSION, LOINC, SYSTEM, concept, loinc, medium, mmHg, observationCategory, percent } from './terminology.js';

const SENT_BY: Record<Interaction['actor'], string> = {
  bot: 'From the bot (automated)',
  staff: 'From care team staff',
  patient: 'From the patient',
};

/** A Communication per message and per call; events and time entries are not contacts. */
export function communications(ctx: BuildContext): Keyed<Communication>[] {
  return ctx.record.interactions
    .filter((interaction) => interaction.type === 'message' || interaction.type === 'call')
    .map((interaction) => ({ key: `interaction/${interaction.id}`, resource: communication(ctx, interaction) }));
}

function communication(ctx: BuildContext, interaction: Interaction): Communication {
  const inbound = (interaction.direction ?? (interaction.actor === 'patient' ? 'inbound' : 'outbound')) === 'inbound';
  const [sender, recipient]: [Reference<Patient | Organization>, Reference<Patient | Organization>] = inbound
    ? [ctx.patient, ctx.organization]
    : [ctx.organization, ctx.patient];
  return {
    resourceType: 'Communication',
    identifier: nonEmpty([ctx.identifier('interactions', interaction.id)]),
    basedOn: ctx.carePlan ? [ctx.carePlan] : undefined,
    status: 'completed',
    category: [{ text: SENT_BY[interaction.actor] }],
    medium: interaction.channel ? [medium(interaction.channel)] : undefined,
    subject: ctx.patient,
    sent: interaction.at,
    sender,
    recipient: [recipient],
    payload: nonEmpty([interaction.summary.trim() ? { contentString: interaction.summary } : undefined, answeredIn(ctx, interaction)]),
  };
}

/** Answers from the questionnaire's form: the message points at the QuestionnaireResponse made from them. */
function answeredIn(ctx: BuildContext, interaction: Interaction): CommunicationPayload | undefined {
  if (interaction.channel !== 'form') return undefined;
  const answered = (ctx.record.questionnaires ?? []).find((q) => q.messageId === interaction.id);
  return answered ? { contentReference: { reference: ctx.fullUrl(responseKey(answered)) } } : undefined;
}

/** Blood pressure, pain and adherence as the patient reported them. */
export function observations(ctx: BuildContext): Keyed<Observation>[] {
  const { reported, patient, month } = ctx.record;
  const scope = `patient/${patient.id}`;
  return [
    ...reported.bloodPressure.readings.map((reading) => ({
      key: `${scope}/blood-pressure/${reading.at}`,
      resource: bloodPressure(ctx, reading.at, reading.systolic, reading.diastolic),
    })),
    ...reported.pain.map((pain) => ({ key: `${scope}/pain/${pain.at}`, resource: painSeverity(ctx, pain.at, pain.score) })),
    ...reported.adherence
      .filter((medication) => medication.percent !== null)
      .map((medication) => ({ key: `${scope}/${month}/adherence/${medication.medicationId}`, resource: adherence(ctx, medication) })),
  ];
}

/** What the patient reported (by text or keypad): the patient is the performer. */
function selfReported(ctx: BuildContext, category: 'vital-signs' | 'survey', code: CodeableConcept): Observation {
  return { resourceType: 'Observation', status: 'final', category: observationCategory(category), code, subject: ctx.patient, performer: [ctx.patient] };
}

function bloodPressure(ctx: BuildContext, at: string, systolic: number, diastolic: number): Observation {
  return {
    ...selfReported(ctx, 'vital-signs', loinc(LOINC.bloodPressurePanel, 'Blood pressure')),
    effectiveDateTime: at,
    component: [
      { code: loinc(LOINC.systolic), valueQuantity: mmHg(systolic) },
      { code: loinc(LOINC.diastolic), valueQuantity: mmHg(diastolic) },
    ],
  };
}

function painSeverity(ctx: BuildContext, at: string, score: number): Observation {
  return { ...selfReported(ctx, 'survey', loinc(LOINC.painSeverity, 'Pain (0-10)')), effectiveDateTime: at, valueInteger: score };
}

/**
 * The month's share of reported doses taken, per medication. LOINC's
 * 71799-1 (adherence to medication instructions, reported) takes a coded
 * answer, not a percentage, so this one is named in words.
 */
function adherence(ctx: BuildContext, medication: MedicationAdherence): Observation {
  const count = (text: string, value: number) => ({ code: { text }, valueInteger: value });
  return {
    ...selfReported(ctx, 'survey', { text: 'Medication adherence: share of reported doses taken' }),
    focus: [{ display: medication.name }],
    effectivePeriod: ctx.record.period,
    valueQuantity: percent(medication.percent ?? 0),
    component: [count('Doses reported', medication.dosesReported), count('Doses taken', medication.taken), count('Doses missed', medication.missed)],
  };
}

/** A Flag per alert: active until resolved, urgent as high priority and elevated as medium. */
export function flags(ctx: BuildContext): Keyed<Flag>[] {
  return ctx.record.alerts.map((alert) => ({ key: `alert/${alert.id}`, resource: flag(ctx, alert) }));
}

function flag(ctx: BuildContext, alert: AlertHandling): Flag {
  const priority = alert.level === 'urgent' ? concept(SYSTEM.flagPriority, 'PH', 'High priority', 'Urgent') : concept(SYSTEM.flagPriority, 'PM', 'Medium priority', 'Elevated');
  return {
    resourceType: 'Flag',
    identifier: nonEmpty([ctx.identifier('alerts', alert.id)]),
    extension: [{ url: FLAG_PRIORITY_EXTENSION, valueCodeableConcept: priority }],
    status: alert.resolvedAt ? 'inactive' : 'active',
    category: [concept(SYSTEM.flagCategory, 'clinical', 'Clinical')],
    code: { text: alertTitle(alert) },
    subject: ctx.patient,
    period: alert.resolvedAt ? { start: alert.createdAt, end: alert.resolvedAt } : { start: alert.createdAt },
    author: ctx.organization,
  };
}
