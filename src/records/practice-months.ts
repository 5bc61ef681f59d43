/**
 * A practice's month for billing staff: every patient with minutes (or an
 * approved record), their minutes, suggested codes, warnings and approval.
 * Read in a few queries for the whole practice: only what the codes rest on,
 * not each patient's whole record.
 */
import { monthBounds } from '../documentation/billing.js';
import { monthCodes } from '../documentation/record.js';
import type { MonthRecord } from '../documentation/types.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import { careMonthsOf } from '../store/care-months.js';
import { carePlansOf } from '../store/care-plans.js';
import { patientsInContact } from '../store/month-activity.js';
import { findPatients } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import { countingEntriesOf, patientsWithTime } from '../store/time-entries.js';
import { toMonthEntry } from './care-month.js';
import type { RecordDeps } from '../runtime.js';

export type MonthStatusFilter = 'draft' | 'approved' | 'needs_review';

export interface PracticeMonthRow {
  patientId: string;
  name: string;
  status: MonthRecord['status'];
  clinicalStaffSeconds: number;
  practitionerSeconds: number;
  codes: MonthRecord['codes'];
  warnings: MonthRecord['warnings'];
  needsReview: boolean;
  approval: MonthRecord['approval'];
}

export function practiceMonth(deps: RecordDeps, practiceId: string, month: string, filter: MonthStatusFilter | undefined, audit: AuditEntry): Promise<PracticeMonthRow[]> {
  return withTransaction(deps.pool, async (tx) => {
    const practice = (await findPractice(tx, practiceId))!;
    const { start, end } = monthBounds(month, practice.timezone);
    const period = { from: start, to: end };
    const decided = await careMonthsOf(tx, practiceId, month);
    const approved = [...decided.values()].filter((m) => m.status === 'approved').map((m) => m.patientId);
    const ids = [...new Set([...(await patientsWithTime(tx, practiceId, start, end)), ...approved])];
    const patients = await findPatients(tx, ids);
    const entries = await countingEntriesOf(tx, ids, start, end);
    const plans = await carePlansOf(tx, ids);
    const contact = await patientsInContact(tx, ids, period);
    const rows = patients.map((patient): PracticeMonthRow => {
      const name = `${patient.lastName}, ${patient.firstName}`;
      const decision = decided.get(patient.id);
      const frozen = decision?.status === 'approved' ? decision.approvedRecord : null;
      if (frozen) {
        const { codes, warnings, needsReview, approval, time } = frozen;
        return { patientId: patient.id, name, status: 'approved', clinicalStaffSeconds: time.clinicalStaffSeconds, practitionerSeconds: time.practitionerSeconds, codes, warnings, needsReview, approval };
      }
      const suggestion = monthCodes({
        month,
        practice,
        consent: patient.consent,
        conditions: patient.conditions,
        carePlan: plans.get(patient.id) ?? null,
        decisions: { complex: decision?.complex ?? false, carePlanRevised: decision?.carePlanRevised ?? false, noteText: null },
        entries: (entries.get(patient.id) ?? []).map(toMonthEntry),
        twoWayContact: contact.has(patient.id),
      });
      return {
        patientId: patient.id,
        name,
        status: 'draft',
        clinicalStaffSeconds: suggestion.totals.clinicalStaffSeconds,
        practitionerSeconds: suggestion.totals.practitionerSeconds,
        codes: suggestion.codes,
        warnings: suggestion.warnings,
        needsReview: suggestion.needsReview,
        approval: null,
      };
    });
    const shown = rows
      .filter((r) => !filter || (filter === 'needs_review' ? r.needsReview || r.warnings.length > 0 : r.status === filter))
      .sort((a, b) => a.name.localeCompare(b.name));
    await recordAccess(tx, { ...audit, at: deps.clock.now() }, shown.map((r) => r.patientId));
    return shown;
  });
}
