/**
 * A practice's month for billing staff: every patient with minutes (or an
 * approved record), their minutes, suggested codes, warnings and approval.
 */
import { monthBounds } from '../documentation/billing.js';
import type { MonthRecord } from '../documentation/types.js';
import { recordAccess, type AuditEntry } from '../store/audit.js';
import { careMonthsOf } from '../store/care-months.js';
import { findPatient } from '../store/patients.js';
import { findPractice } from '../store/practices.js';
import { withTransaction } from '../store/sql.js';
import { patientsWithTime } from '../store/time-entries.js';
import { currentRecord } from './care-month.js';
import type { RecordDeps } from './deps.js';

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
    const decided = await careMonthsOf(tx, practiceId, month);
    const withTime = await patientsWithTime(tx, practiceId, start, end);
    const ids = [...new Set([...withTime, ...[...decided.values()].filter((m) => m.status === 'approved').map((m) => m.patientId)])];
    const rows: PracticeMonthRow[] = [];
    for (const id of ids) {
      const patient = (await findPatient(tx, id))!;
      const r = await currentRecord(tx, patient, month);
      rows.push({
        patientId: id,
        name: `${patient.lastName}, ${patient.firstName}`,
        status: r.status,
        clinicalStaffSeconds: r.time.clinicalStaffSeconds,
        practitionerSeconds: r.time.practitionerSeconds,
        codes: r.codes,
        warnings: r.warnings,
        needsReview: r.needsReview,
        approval: r.approval,
      });
    }
    const shown = rows
      .filter((r) => !filter || (filter === 'needs_review' ? r.needsReview || r.warnings.length > 0 : r.status === filter))
      .sort((a, b) => a.name.localeCompare(b.name));
    await recordAccess(tx, { ...audit, at: deps.clock.now() }, shown.map((r) => r.patientId));
    return shown;
  });
}
