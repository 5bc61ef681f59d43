/**
 * The article's figures ccm-bot is compared with (../shared/seed/ccm-automation-article.txt):
 * its workload table ("Impact on care coordinator workload"), the documentation
 * minutes (MGMA), and its triage mix. A range is [low, high].
 */
/** null: the article gives no figure. */
export type Figure = number | readonly [number, number] | null;

export const ARTICLE_WORKLOAD = {
  callsAttemptedPerDay: { manual: 22, automated: [4, 6] },
  callsCompletedPerDay: { manual: 6.2, automated: null },
  outreachHoursPerDay: { manual: 5.2, automated: 1.1 },
  contactCompletion: { manual: 0.82, automated: 0.94 },
  patientsPerCoordinator: { manual: 120, automated: [350, 400] },
  documentationMinutesPerPatientMonth: { manual: 9.2, automated: 2.0 },
} as const satisfies Record<string, { manual: Figure; automated: Figure }>;

/** Share of the panel at each triage level. */
export const ARTICLE_TRIAGE = {
  urgent: [0.05, 0.08],
  elevated: [0.12, 0.18],
  routine: [0.55, 0.65],
  stable: [0.15, 0.2],
} as const;

/** A figure as the article gives it: "22", "4-6", "94%". */
export function showFigure(f: Figure, percent = false): string {
  const one = (x: number) => String(percent ? Math.round(x * 100) : x);
  if (f === null) return '-';
  return `${typeof f === 'number' ? one(f) : `${one(f[0])}-${one(f[1])}`}${percent ? '%' : ''}`;
}
