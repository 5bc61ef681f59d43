/** The patient, the practice and the care plan: the resources the month's entries point at. */
import type { CarePlan, CarePlanActivity, Condition, Identifier, Organization, Patient, Reference } from '@medplum/fhirtypes';
import type { MonthRecord } from '../types.js';
import { nonEmpty, type BuildContext } from './context.js';
import { LANGUAGE_NAMES, SYSTEM, concept } from './terminology.js';

export function practiceOrganization(ctx: BuildContext): Organization {
  const { practice } = ctx.record;
  return {
    resourceType: 'Organization',
    identifier: nonEmpty([ctx.identifier('practices', practice.id)]),
    active: true,
    name: practice.name,
    telecom: [{ system: 'phone', value: practice.phone, use: 'work' }],
  };
}

export function patient(ctx: BuildContext): Patient {
  const { patient: p } = ctx.record;
  return {
    resourceType: 'Patient',
    // The MRN first: it is the identifier the practice's EHR matches the chart on.
    identifier: nonEmpty([medicalRecordNumber(ctx), ctx.identifier('patients', p.id)]),
    name: [{ use: 'official', family: p.lastName, given: [p.firstName] }],
    telecom: [{ system: 'phone', value: p.phone, use: 'mobile' }],
    birthDate: p.dateOfBirth ?? undefined,
    communication: [{ language: concept(SYSTEM.language, p.language, LANGUAGE_NAMES[p.language], LANGUAGE_NAMES[p.language]), preferred: true }],
    managingOrganization: ctx.organization,
  };
}

/** The practice's medical record number, typed MR (v2-0203) and issued by the practice; absent when none is on file. */
function medicalRecordNumber(ctx: BuildContext): Identifier | undefined {
  const mrn = ctx.record.patient.mrn;
  if (!mrn) return undefined;
  return {
    use: 'usual',
    type: concept(SYSTEM.identifierType, 'MR', 'Medical record number'),
    system: ctx.mrnSystem,
    value: mrn,
    assigner: ctx.organization,
  };
}

/** The care plan as the month saw it; null when there is none yet. */
export function carePlan(ctx: BuildContext): CarePlan | null {
  const plan = ctx.record.carePlan;
  const status = plan.status;
  if (status === 'none') return null;
  const notes = [
    plan.revisedOn ? `Revised on ${plan.revisedOn}.` : undefined,
    plan.reviewSchedule ? `Review schedule: ${plan.reviewSchedule}.` : undefined,
  ];
  return {
    resourceType: 'CarePlan',
    status,
    intent: 'plan',
    category: [{ text: 'Chronic care management' }],
    title: 'Chronic care management plan',
    description: plan.goals.length > 0 ? `Goals:\n${plan.goals.map((goal) => `- ${goal}`).join('\n')}` : undefined,
    subject: ctx.patient,
    period: plan.establishedOn ? { start: plan.establishedOn } : undefined,
    created: plan.establishedOn ?? undefined,
    author: ctx.organization,
    addresses: nonEmpty(conditionsUnderPlan(ctx.record).map(conditionReference)),
    activity: nonEmpty(plan.interventions.map((description) => intervention(description, status))),
    note: nonEmpty(notes.map((text) => (text ? { text } : undefined))),
  };
}

export function conditionsUnderPlan(record: MonthRecord): MonthRecord['conditions'] {
  return record.conditions.filter((condition) => condition.underCarePlan);
}

/** A condition by name: the record has no Condition resources to point at. */
function conditionReference(condition: MonthRecord['conditions'][number]): Reference<Condition> {
  return { display: condition.icd10 ? `${condition.name} (ICD-10-CM ${condition.icd10})` : condition.name };
}

function intervention(description: string, planStatus: 'draft' | 'active'): CarePlanActivity {
  return { detail: { status: planStatus === 'active' ? 'in-progress' : 'not-started', description } };
}
