/**
 * The staff time behind the month's codes, and the people who gave it.
 *
 * Each time entry is a `Procedure` (status completed, performedPeriod, the
 * staff member as performer). Why not a `Task` with executionPeriod and owner:
 * a Task is workflow (something requested, owned, to be done), and nothing in
 * a claim may point at one; a Procedure records an action performed for the
 * patient, which care-management time is, and `ChargeItem.service` may
 * reference Procedures, so each billed code points at the very minutes that
 * support it. A staff member is a `Practitioner` (FHIR's term for anyone
 * involved in providing care, nurses and medical assistants included),
 * identified by NPI where the practice recorded one.
 */
import type { CodeableConcept, Practitioner, Procedure, Reference } from '@medplum/fhirtypes';
import type { BillingCode, MonthRecord, StaffRole, TimeActivity } from '../types.js';
import { nonEmpty, type BuildContext, type Keyed } from './context.js';
import { SYSTEM } from './terminology.js';

type Entry = MonthRecord['time']['entries'][number];

const ACTIVITY: Record<TimeActivity, string> = {
  call: 'Care management phone call',
  data_review: 'Review of patient-reported data',
  care_plan_update: 'Care plan update',
  medication_reconciliation: 'Medication reconciliation',
  care_coordination: 'Care coordination',
  other: 'Other care management activity',
};

const ROLE: Record<StaffRole, CodeableConcept> = {
  clinical_staff: { text: 'Clinical staff' },
  practitioner: { text: 'Billing practitioner (physician or qualified health care professional)' },
};

/** The codes that only a practitioner's own time supports (billing.ts counts them that way). */
const PRACTITIONER_CODES: readonly BillingCode[] = ['99491', '99437'];

const staffKey = (staffId: string) => `staff/${staffId}`;
const timeKey = (entry: Entry) => `time-entry/${entry.id}`;

/** A reference to the staff member's Practitioner in the bundle. */
export const staffReference = (ctx: BuildContext, staffId: string, display: string): Reference<Practitioner> => ({
  reference: ctx.fullUrl(staffKey(staffId)),
  display,
});

/** The approver as a reference: their Practitioner when the approval names them, else their name alone (older approvals). */
export function approverReference(ctx: BuildContext): Reference<Practitioner> | undefined {
  const approval = ctx.record.approval;
  if (ctx.record.status !== 'approved' || !approval) return undefined;
  return approval.staffId ? staffReference(ctx, approval.staffId, approval.approvedBy) : { display: approval.approvedBy };
}

interface Person {
  id: string;
  name: string;
  credential: string | null;
  npi: string | null;
}

/** A Practitioner per staff member with time in the month, and the approver; each once. */
export function practitioners(ctx: BuildContext): Keyed<Practitioner>[] {
  const people = new Map<string, Person>();
  for (const e of ctx.record.time.entries) {
    if (!people.has(e.staffId)) people.set(e.staffId, { id: e.staffId, name: e.staffName, credential: e.credential, npi: e.npi ?? null });
  }
  const approval = ctx.record.status === 'approved' ? ctx.record.approval : null;
  if (approval?.staffId && !people.has(approval.staffId)) {
    people.set(approval.staffId, { id: approval.staffId, name: approval.approvedBy, credential: null, npi: approval.npi ?? null });
  }
  return [...people.values()].map((person) => ({ key: staffKey(person.id), resource: practitioner(ctx, person) }));
}

function practitioner(ctx: BuildContext, p: Person): Practitioner {
  return {
    resourceType: 'Practitioner',
    identifier: nonEmpty([p.npi ? { use: 'official', system: SYSTEM.npi, value: p.npi } : undefined, ctx.identifier('staff', p.id)]),
    name: [{ text: p.name }],
    qualification: p.credential ? [{ code: { text: p.credential } }] : undefined,
  };
}

/** A Procedure per time entry of the month, counted or not (one that does not count says why). */
export function staffTime(ctx: BuildContext): Keyed<Procedure>[] {
  return ctx.record.time.entries.map((entry) => ({ key: timeKey(entry), resource: procedure(ctx, entry) }));
}

function procedure(ctx: BuildContext, e: Entry): Procedure {
  return {
    resourceType: 'Procedure',
    identifier: nonEmpty([ctx.identifier('time-entries', e.id)]),
    basedOn: ctx.carePlan ? [ctx.carePlan] : undefined,
    status: 'completed',
    category: { text: 'Chronic care management' },
    code: { text: ACTIVITY[e.activity] },
    subject: ctx.patient,
    performedPeriod: { start: e.start, end: e.end },
    performer: [{ function: ROLE[e.staffRole], actor: staffReference(ctx, e.staffId, e.staffName), onBehalfOf: ctx.organization }],
    note: nonEmpty([
      e.note?.trim() ? { text: e.note } : undefined,
      e.excludedBecause ? { text: `Not counted toward the codes: ${e.excludedBecause}` } : undefined,
    ]),
  };
}

/**
 * The time entries that support a code: the practitioner's own counted time
 * for the practitioner codes, everyone's counted time for the others (the
 * APCM codes are not timed; the month's counted time is still what was done).
 */
export function supportingEntries(ctx: BuildContext, code: BillingCode): Entry[] {
  const practitionerOnly = PRACTITIONER_CODES.includes(code);
  return ctx.record.time.entries.filter((e) => e.countedSeconds > 0 && (!practitionerOnly || e.staffRole === 'practitioner'));
}

/** References to the Procedures of these entries. */
export const timeReferences = (ctx: BuildContext, entries: readonly Entry[]): Reference<Procedure>[] =>
  entries.map((entry) => ({ reference: ctx.fullUrl(timeKey(entry)) }));

/** Each staff member once, with the role their time counted in. */
export function performersOf(ctx: BuildContext, entries: readonly Entry[]): { function: CodeableConcept; actor: Reference<Practitioner> }[] {
  const seen = new Map<string, Entry>();
  for (const e of entries) if (!seen.has(e.staffId)) seen.set(e.staffId, e);
  return [...seen.values()].map((e) => ({ function: ROLE[e.staffRole], actor: staffReference(ctx, e.staffId, e.staffName) }));
}
