/**
 * What the patient reported in a month, summarised for the record: blood
 * pressure readings and their trend, pain, adherence per medication, refills,
 * and every other reading or concern in words (src/documentation/phrases).
 */
import { describeObservation } from './phrases/index.js';
import type { ReportedData } from './types.js';

export interface ObservationIn {
  at: string;
  kind: string;
  value: Record<string, unknown>;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** Less than this change in mean systolic between the first and second half of the month is steady. */
const TREND_MMHG = 5;

function trendOf(systolics: number[]): ReportedData['bloodPressure']['trend'] {
  if (systolics.length < 3) return null;
  const half = Math.floor(systolics.length / 2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const change = mean(systolics.slice(-half)) - mean(systolics.slice(0, half));
  return change >= TREND_MMHG ? 'rising' : change <= -TREND_MMHG ? 'falling' : 'steady';
}

export function summariseReported(observations: readonly ObservationIn[], medications: readonly { id: string; name: string }[]): ReportedData {
  const readings = observations
    .filter((o) => o.kind === 'blood_pressure')
    .map((o) => ({ at: o.at, systolic: num(o.value.systolic), diastolic: num(o.value.diastolic) }));
  const average =
    readings.length === 0
      ? null
      : {
          systolic: Math.round(readings.reduce((a, r) => a + r.systolic, 0) / readings.length),
          diastolic: Math.round(readings.reduce((a, r) => a + r.diastolic, 0) / readings.length),
        };
  const nameOf = (id: unknown) => medications.find((m) => m.id === id)?.name ?? 'a medication';
  const adherence = medications
    .map((m) => {
      const doses = observations.filter((o) => o.kind === 'medication_adherence' && o.value.medicationId === m.id);
      const taken = doses.filter((o) => o.value.taken === true).length;
      return {
        medicationId: m.id,
        name: m.name,
        dosesReported: doses.length,
        taken,
        missed: doses.length - taken,
        percent: doses.length ? Math.round((taken / doses.length) * 100) : null,
        missedDoses: doses
          .filter((o) => o.value.taken !== true)
          .map((o) => ({ at: o.at, reason: typeof o.value.reason === 'string' ? o.value.reason : null, days: typeof o.value.days === 'number' ? o.value.days : null })),
      };
    })
    .filter((a) => a.dosesReported > 0);
  return {
    bloodPressure: { readings, trend: trendOf(readings.map((r) => r.systolic)), average },
    pain: observations.filter((o) => o.kind === 'pain').map((o) => ({ at: o.at, score: num(o.value.score) })),
    adherence,
    refills: observations
      .filter((o) => o.kind === 'refill_confirmed' || o.kind === 'refill_concern')
      .map((o) => ({
        at: o.at,
        medicationId: String(o.value.medicationId),
        name: nameOf(o.value.medicationId),
        outcome: o.kind === 'refill_confirmed' ? ('has_refill' as const) : ('needs_refill' as const),
      })),
    other: observations.flatMap((o) => {
      const description = describeObservation(o.kind, o.value);
      return description ? [{ at: o.at, kind: o.kind, description }] : [];
    }),
  };
}
