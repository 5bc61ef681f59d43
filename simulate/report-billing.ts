/**
 * Billing as the practice sees it at the end of the run: each month the run
 * touched, read from the service's own month (GET /practices/:id/months/:month,
 * whose codes src/documentation computes; nothing is recomputed here), and how
 * many of the billed minutes were not minutes the coordinator spent on that
 * patient.
 */
import { DateTime } from 'luxon';
import type { SimRun } from './panel.js';

export interface MonthRow {
  patientId: string;
  status: 'draft' | 'approved';
  clinicalStaffSeconds: number;
  practitionerSeconds: number;
  codes: Array<{ code: string; units: number }>;
  warnings: Array<{ code: string }>;
  needsReview: boolean;
  approval: { approvedAt: string } | null;
}

export interface BillingMonth {
  month: string;
  /** Days of the month inside the run. */
  daysInRun: number;
  patientsWithTime: number;
  billable: number;
  /** Units per code ('99490': 12, '99439': 3). */
  codes: Record<string, number>;
  needsReview: number;
  approved: number;
  staffMinutesPerPatient: number;
}

export interface Billing {
  months: BillingMonth[];
  /** Counted seconds of time entries outside her work on that patient (captured handling time, say). */
  unworkedMinutes: number;
  unworkedEntries: number;
}

/** The months (practice time) [start, end) touches, each with its rows from the service. */
export async function monthRows(run: SimRun, start: Date, end: Date): Promise<Array<{ month: string; daysInRun: number; rows: MonthRow[] }>> {
  const zone = run.options.practiceTz;
  const months: Array<{ month: string; daysInRun: number; rows: MonthRow[] }> = [];
  const last = DateTime.fromJSDate(new Date(end.getTime() - 1), { zone });
  for (let m = DateTime.fromJSDate(start, { zone }).startOf('month'); m <= last; m = m.plus({ months: 1 })) {
    const from = Math.max(m.toMillis(), start.getTime());
    const to = Math.min(m.plus({ months: 1 }).toMillis(), end.getTime());
    const month = m.toFormat('yyyy-MM');
    const { data } = await run.coordinator.api.get<{ data: MonthRow[] }>(`/practices/${run.practice.id}/months/${month}`);
    months.push({ month, daysInRun: Math.round((to - from) / 86_400_000), rows: data });
  }
  return months;
}

export async function billing(run: SimRun, months: Awaited<ReturnType<typeof monthRows>>): Promise<Billing> {
  const figures = months.map(({ month, daysInRun, rows }): BillingMonth => {
    const codes: Record<string, number> = {};
    for (const c of rows.flatMap((r) => r.codes)) codes[c.code] = (codes[c.code] ?? 0) + c.units;
    const seconds = rows.reduce((a, r) => a + r.clinicalStaffSeconds + r.practitionerSeconds, 0);
    return {
      month,
      daysInRun,
      patientsWithTime: rows.length,
      billable: rows.filter((r) => r.codes.length > 0).length,
      codes: Object.fromEntries(Object.entries(codes).sort(([a], [b]) => a.localeCompare(b))),
      needsReview: rows.filter((r) => r.needsReview).length,
      approved: rows.filter((r) => r.status === 'approved').length,
      staffMinutesPerPatient: Math.round((seconds / 60 / Math.max(1, run.patients.length)) * 100) / 100,
    };
  });
  const unworked = await unworkedTime(run);
  return { months: figures, unworkedMinutes: Math.round((unworked.seconds / 60) * 10) / 10, unworkedEntries: unworked.entries };
}

/** Counted time not covered by her own work on that patient: the service's capture can take minutes she spent elsewhere. */
async function unworkedTime(run: SimRun): Promise<{ seconds: number; entries: number }> {
  const worked = new Map<string, Array<[number, number]>>();
  for (const w of run.coordinator.log.work) {
    if (!w.patientId) continue;
    const start = w.at.getTime();
    worked.set(w.patientId, [...(worked.get(w.patientId) ?? []), [start, start + Math.round(w.minutes * 60) * 1000]]);
  }
  const { rows } = await run.service.db.pool.query<{ patient_id: string; started_at: Date; ended_at: Date }>(
    'SELECT patient_id, started_at, ended_at FROM time_entries WHERE superseded_at IS NULL',
  );
  let seconds = 0;
  let entries = 0;
  for (const e of rows) {
    const [from, to] = [e.started_at.getTime(), e.ended_at.getTime()];
    const covered = (worked.get(e.patient_id) ?? []).reduce((a, [s, t]) => a + Math.max(0, Math.min(to, t) - Math.max(from, s)), 0);
    const missing = Math.floor((to - from - covered) / 1000);
    if (missing > 0) {
      seconds += missing;
      entries += 1;
    }
  }
  return { seconds, entries };
}
