/**
 * The monthly note a care coordinator would write, drafted from the structured
 * record. Pure: every fact in it comes from the record (nothing is guessed or
 * filled in), dates are read in the practice's timezone, and the note is always
 * in English because it goes into the chart, whatever language the patient
 * speaks. A person reviews and may edit it before the month is approved.
 */
import { DateTime } from 'luxon';
import { appointmentSentences } from './appointments.js';
import { PART_LABELS, questionnaireFindings } from './questionnaires.js';
import { TIME_ACTIVITIES } from './types.js';
import type { AlertHandling, BloodPressureReading, MonthRecord, MonthQuestionnaire, StaffRole, TimeActivity } from './types.js';

export type DraftableRecord = Omit<MonthRecord, 'note'>;

/** Above this many readings the note summarises instead of listing each one. */
const MAX_LISTED_READINGS = 6;

/** The chart is in US English whatever the server's or the patient's locale. */
const LOCALE = 'en-US';

const ACTIVITY_LABELS: Record<TimeActivity, string> = {
  call: 'call',
  data_review: 'data review',
  care_plan_update: 'care plan update',
  medication_reconciliation: 'medication reconciliation',
  care_coordination: 'care coordination',
  other: 'other',
};

export function activityLabel(activity: TimeActivity): string {
  return ACTIVITY_LABELS[activity];
}

/** "32 min 10 s", "18 min", "0 min": whole seconds, never rounded up, as billing counts them. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const rest = whole % 60;
  return rest === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${rest} s`;
}

/**
 * A value from the record as a date-time in the practice's zone. A bare
 * calendar date ('2026-10-01') stays that date; an instant is converted.
 */
export function toLocal(value: string, zone: string): DateTime {
  return DateTime.fromISO(value, { zone }).setLocale(LOCALE);
}

/** "November 2026" from '2026-11'. */
export function monthLabel(month: string): string {
  const parsed = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' }).setLocale(LOCALE);
  return parsed.isValid ? parsed.toFormat('LLLL yyyy') : month;
}

/** "a", "a and b", "a, b and c". */
function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Reasons and messages are written as sentences; the note joins them with semicolons. */
function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

/** Date formatting bound to one record: the year is left out for dates in the month's own year. */
interface Dates {
  day(value: string): string;
  fullDay(value: string): string;
}

function datesFor(record: DraftableRecord): Dates {
  const zone = record.practice.timezone;
  const year = Number(record.month.slice(0, 4));
  const format = (value: string, withYear: boolean) => {
    const local = toLocal(value, zone);
    if (!local.isValid) return value;
    return local.toFormat(withYear || local.year !== year ? 'LLL d, yyyy' : 'LLL d');
  };
  return { day: (value) => format(value, false), fullDay: (value) => format(value, true) };
}

export function draftNote(record: DraftableRecord): string {
  const dates = datesFor(record);
  return [opening(record, dates), reported(record, dates), alerts(record, dates), staffTime(record), billing(record)]
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

function opening(record: DraftableRecord, { day, fullDay }: Dates): string {
  const { patient, consent, carePlan } = record;
  const dob = patient.dateOfBirth ? toLocal(patient.dateOfBirth, 'utc') : null;
  const born = dob?.isValid ? ` (DOB ${dob.toFormat('MM/dd/yyyy')})` : '';
  const sentences = [`Chronic care management, ${monthLabel(record.month)}, for ${patient.firstName} ${patient.lastName}${born}.`];
  // The chart says which language the patient uses, so the next caller knows.
  if (patient.language === 'es') sentences.push('Preferred language: Spanish.');
  sentences.push(
    consent.status === 'granted'
      ? `Consent: ${consent.method}, recorded ${fullDay(consent.recordedAt)} by ${consent.recordedBy}.`
      : `Consent: declined (${consent.method}), recorded ${fullDay(consent.recordedAt)} by ${consent.recordedBy}.`,
  );
  const named = (c: { name: string; icd10: string | null }) => (c.icd10 ? `${c.name} (${c.icd10})` : c.name);
  const managed = record.conditions.filter((c) => c.underCarePlan).map(named);
  const others = record.conditions.filter((c) => !c.underCarePlan).map(named);
  sentences.push(
    managed.length > 0 ? `Conditions under the care plan: ${managed.join(', ')}.` : 'No conditions are listed under the care plan.',
  );
  if (others.length > 0) sentences.push(`Other conditions: ${others.join(', ')}.`);
  if (carePlan.status === 'none') {
    sentences.push('No care plan on file.');
  } else {
    const state = carePlan.status === 'active' ? 'Care plan active' : 'Care plan in draft';
    const since = carePlan.establishedOn ? ` since ${fullDay(carePlan.establishedOn)}` : '';
    const revised = carePlan.revisedOn ? `; revised ${day(carePlan.revisedOn)}` : '';
    sentences.push(`${state}${since}${revised}.`);
    if (carePlan.goals.length > 0) sentences.push(`Goals: ${carePlan.goals.map(clause).join('; ')}.`);
  }
  if (record.complex) sentences.push('Moderate or high complexity decision-making this month.');
  sentences.push(...appointmentSentences(record));
  return sentences.join(' ');
}

function reported(record: DraftableRecord, dates: Dates): string {
  const { day } = dates;
  const { pain, adherence, refills, other } = record.reported;
  const sentences = [bloodPressure(record, dates)];
  if (pain.length > 0) {
    const sorted = [...pain].sort((a, b) => a.at.localeCompare(b.at));
    if (sorted.length <= MAX_LISTED_READINGS) {
      sentences.push(`Pain ${joinAnd(sorted.map((p) => `${p.score}/10 on ${day(p.at)}`))}.`);
    } else {
      const scores = sorted.map((p) => p.score);
      sentences.push(`Pain reported ${sorted.length} times, from ${Math.min(...scores)}/10 to ${Math.max(...scores)}/10.`);
    }
  }
  if (adherence.length > 0) {
    const items = adherence.map((m, i) =>
      m.dosesReported === 0
        ? `${m.name} none reported`
        : `${m.name} ${m.taken} of ${m.dosesReported}${i === 0 ? ' reported' : ''}${m.percent === null ? '' : ` (${m.percent}%)`}`,
    );
    sentences.push(`Medication doses taken: ${items.join('; ')}.`);
  }
  if (refills.length > 0) {
    const items = refills.map(
      (r) => `${r.name} ${r.outcome === 'needs_refill' ? 'needs a refill' : 'has refills left'} (${day(r.at)})`,
    );
    sentences.push(`Refill check: ${items.join('; ')}.`);
  }
  const questionnaires = [...(record.questionnaires ?? [])].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  sentences.push(...questionnaires.map((q) => questionnaireSentence(q, day)));
  const notRepeated = other.filter((o) => !statedByQuestionnaire(o, questionnaires));
  if (notRepeated.length > 0) sentences.push(`Also reported: ${notRepeated.map((o) => `${inList(o.description)} (${day(o.at)})`).join('; ')}.`);
  return sentences.join(' ');
}

/** "Patient answered the monthly questionnaire on Dec 9, covering self-rated health and mood: self-rated health fair; PHQ-2 score 1 (negative screen)." */
function questionnaireSentence(q: MonthQuestionnaire, day: (value: string) => string): string {
  if (q.partsAnswered.length === 0) return `Patient sent back the monthly questionnaire on ${day(q.submittedAt)} with no question answered.`;
  const findings = questionnaireFindings(q);
  const covering = joinAnd(q.partsAnswered.map((part) => PART_LABELS[part]));
  return `Patient answered the monthly questionnaire on ${day(q.submittedAt)}, covering ${covering}${findings.length > 0 ? `: ${findings.join('; ')}` : ''}.`;
}

/** A description as an item of "Also reported: ...": "Reported: fall" is "fall", "Blood sugar" is "blood sugar", "PHQ-2" stays. */
function inList(description: string): string {
  const text = clause(description).replace(/^Reported: /, '');
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Self-rated health and the PHQ scores a questionnaire made: its own sentence already says them. */
function statedByQuestionnaire(o: { at: string; kind: string }, questionnaires: readonly MonthQuestionnaire[]): boolean {
  return (o.kind === 'self_rated_health' || o.kind === 'depression_screen') && questionnaires.some((q) => q.submittedAt === o.at);
}

function bloodPressure(record: DraftableRecord, { day }: Dates): string {
  const { readings, trend, average } = record.reported.bloodPressure;
  if (readings.length === 0) return 'No blood pressure readings reported this month.';
  const sorted = [...readings].sort((a, b) => a.at.localeCompare(b.at));
  const bp = (r: { systolic: number; diastolic: number }) => `${r.systolic}/${r.diastolic}`;
  if (sorted.length <= MAX_LISTED_READINGS) {
    const trendText = trend ? ` (${trend})` : '';
    return `Patient reported BP ${joinAnd(sorted.map((r) => `${bp(r)} on ${day(r.at)}`))}${trendText}.`;
  }
  // Many readings: a nurse wants the shape of the month, not a list.
  const first = sorted[0] as BloodPressureReading;
  const last = sorted[sorted.length - 1] as BloodPressureReading;
  const highest = sorted.reduce((top, r) => (r.systolic > top.systolic ? r : top), first);
  const sys = sorted.map((r) => r.systolic);
  const dia = sorted.map((r) => r.diastolic);
  const parts = [
    `Patient reported ${sorted.length} BP readings from ${day(first.at)} to ${day(last.at)}`,
    `systolic ${Math.min(...sys)}-${Math.max(...sys)}, diastolic ${Math.min(...dia)}-${Math.max(...dia)}`,
  ];
  if (average) parts.push(`average ${bp(average)}`);
  parts.push(`highest ${bp(highest)} on ${day(highest.at)}`);
  return `${parts[0]}: ${parts.slice(1).join('; ')}${trend ? `; trend ${trend}` : ''}.`;
}

function alerts(record: DraftableRecord, { day }: Dates): string {
  if (record.alerts.length === 0) return 'No alerts this month.';
  const sorted = [...record.alerts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return `Alerts: ${sorted.map((a) => alertText(a, day)).join('; ')}.`;
}

function alertText(alert: AlertHandling, day: (value: string) => string): string {
  const steps: string[] = [];
  if (alert.acknowledgedAt) {
    steps.push(`acknowledged${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''} on ${day(alert.acknowledgedAt)}`);
  }
  if (alert.resolvedAt) {
    // Name who resolved it only when that is news (someone other than who acknowledged it).
    const by = alert.resolvedBy && alert.resolvedBy !== alert.acknowledgedBy ? ` by ${alert.resolvedBy} on` : '';
    steps.push(`resolved${by} ${day(alert.resolvedAt)}`);
  } else {
    steps.push(alert.acknowledgedAt ? 'still open' : 'not yet acknowledged');
  }
  const note = alert.resolutionNote ? `: "${clause(alert.resolutionNote)}"` : '';
  return `${alert.level}, ${clause(alert.reason)} (${day(alert.createdAt)}), ${joinAnd(steps)}${note}`;
}

/** Counted seconds per activity for one role, in a fixed order so the note reads the same each time. */
function breakdown(record: DraftableRecord, role: StaffRole): string {
  const sums = new Map<TimeActivity, number>();
  for (const entry of record.time.entries) {
    if (entry.staffRole !== role || entry.countedSeconds <= 0) continue;
    sums.set(entry.activity, (sums.get(entry.activity) ?? 0) + entry.countedSeconds);
  }
  const items = TIME_ACTIVITIES.filter((a) => sums.has(a)).map((a) => `${ACTIVITY_LABELS[a]} ${formatDuration(sums.get(a) ?? 0)}`);
  return items.length > 0 ? ` (${items.join(', ')})` : '';
}

function staffTime(record: DraftableRecord): string {
  const { entries, clinicalStaffSeconds, practitionerSeconds } = record.time;
  const sentences: string[] = [];
  if (entries.length === 0) {
    sentences.push('No staff time recorded this month.');
  } else {
    const clinical = `${formatDuration(clinicalStaffSeconds)} clinical staff${breakdown(record, 'clinical_staff')}`;
    const practitioner = `${formatDuration(practitionerSeconds)} practitioner${breakdown(record, 'practitioner')}`;
    sentences.push(`Staff time: ${clinical}; ${practitioner}.`);
    // Time inside the month that does not count, grouped by why, so a biller sees it was not lost.
    const excluded = new Map<string, number>();
    for (const entry of entries) {
      const seconds = entry.secondsInMonth - entry.countedSeconds;
      if (seconds <= 0) continue;
      const why = clause(entry.excludedBecause ?? 'not counted');
      excluded.set(why, (excluded.get(why) ?? 0) + seconds);
    }
    if (excluded.size > 0) {
      sentences.push(`Not counted: ${[...excluded].map(([why, s]) => `${formatDuration(s)} (${why})`).join('; ')}.`);
    }
  }
  const bot = record.botActivity;
  const questionnairesSent = bot.questionnairesSent ?? 0;
  const questionnairesAnswered = bot.questionnairesAnswered ?? 0;
  // A questionnaire sent is a contact attempt and one answered an interaction: listed with the rest, never minutes.
  const questionnaires =
    questionnairesSent + questionnairesAnswered > 0 ? `; ${plural(questionnairesSent, 'questionnaire', 'questionnaires')} sent, ${questionnairesAnswered} answered` : '';
  sentences.push(
    bot.textsSent + bot.textsReceived + bot.calls + questionnairesSent + questionnairesAnswered === 0
      ? 'No automated outreach this month.'
      : `Automated outreach (not billed): ${plural(bot.textsSent, 'text', 'texts')} sent, ${bot.textsReceived} received, ${plural(bot.calls, 'call', 'calls')}${questionnaires}.`,
  );
  return sentences.join(' ');
}

function billing(record: DraftableRecord): string {
  const sentences: string[] = [];
  if (record.codes.length > 0) {
    const codes = record.codes.map((c) => `${c.code} (${plural(c.units, 'unit', 'units')}): ${clause(c.reason)}`);
    sentences.push(`Suggested: ${codes.join('; ')}.`);
  } else {
    const why = clause(record.codeExplanation);
    sentences.push(why ? `No billing code suggested. ${why}.` : 'No billing code suggested.');
  }
  if (record.warnings.length > 0) sentences.push(`Warnings: ${record.warnings.map((w) => clause(w.message)).join('; ')}.`);
  if (record.needsReview) sentences.push('Needs review before billing.');
  return sentences.join(' ');
}
