/** A ChargeItem per suggested code, once a person has approved the month. */
import type { ChargeItem, CodeableConcept, Composition, Reference } from '@medplum/fhirtypes';
import type { SuggestedCode } from '../types.js';
import type { BuildContext, Keyed } from './context.js';
import { nonEmpty } from './context.js';
import { conditionsUnderPlan } from './parties.js';
import { approverReference, performersOf, supportingEntries, timeReferences } from './staff-time.js';
import { SYSTEM, billingCode, concept } from './terminology.js';

/** None for a draft: a code is only billable once the month is approved. */
export function chargeItems(ctx: BuildContext, note: Reference<Composition>): Keyed<ChargeItem>[] {
  const { record } = ctx;
  if (record.status !== 'approved') return [];
  return record.codes.map((code) => ({ key: `patient/${record.patient.id}/${record.month}/charge/${code.code}`, resource: chargeItem(ctx, code, note) }));
}

function chargeItem(ctx: BuildContext, code: SuggestedCode, note: Reference<Composition>): ChargeItem {
  const { record } = ctx;
  // The staff whose counted time supports the code perform it; without timed work (APCM, no entries), the approver does.
  const supporting = supportingEntries(ctx, code.code);
  const approver = approverReference(ctx);
  const performer = supporting.length > 0 ? performersOf(ctx, supporting) : approver ? [{ actor: approver }] : [];
  return {
    resourceType: 'ChargeItem',
    identifier: nonEmpty([ctx.identifier('charges', `${record.patient.id}/${record.month}/${code.code}`)]),
    status: 'billable',
    code: billingCode(code.code),
    subject: ctx.patient,
    occurrencePeriod: record.period,
    performer: nonEmpty(performer),
    quantity: { value: code.units },
    performingOrganization: ctx.organization,
    enterer: approver,
    enteredDate: record.approval?.approvedAt,
    reason: nonEmpty(conditionsUnderPlan(record).map(diagnosis)),
    // The minutes that support the code are the service charged for.
    service: nonEmpty(timeReferences(ctx, supporting)),
    supportingInformation: [note],
    note: code.reason.trim() ? [{ text: code.reason }] : undefined,
  };
}

/** The chronic conditions the care is for, by ICD-10-CM where the record has the code. */
function diagnosis(condition: { name: string; icd10: string | null }): CodeableConcept {
  return condition.icd10 ? concept(SYSTEM.icd10cm, condition.icd10, undefined, condition.name) : { text: condition.name };
}
