/**
 * The note's account of what the patient reported, by problem: each reading
 * or concern goes under the first condition it bears on (the care-plan
 * problems first, in the plan's order), and what bears on none is said after
 * them. Which report bears on which condition is a small table of words and
 * ICD-10 prefixes below, not clinical inference: a blood-pressure reading
 * goes to hypertension, a blood sugar to diabetes, a weight to heart failure.
 */
import { PART_LABELS, questionnaireFindings } from './questionnaires.js';
import { clause, inList, joinAnd, type Dates, type DraftableRecord } from './note-words.js';
import type { BloodPressureReading, Condition, MonthQuestionnaire } from './types.js';

type Topic = 'blood_pressure' | 'glucose' | 'fluid' | 'breathing' | 'heart_rhythm' | 'mood' | 'pain';

/** Conditions (by name or ICD-10 code) and the reports that bear on them. */
const CONDITION_TOPICS: readonly { matches: RegExp; topics: readonly Topic[] }[] = [
  { matches: /hypertens|high blood pressure|\bhtn\b|\bI1[0-6]/i, topics: ['blood_pressure'] },
  { matches: /diabet|\bE(0[89]|1[0-3])/i, topics: ['glucose'] },
  { matches: /heart failure|\bchf\b|\bI50/i, topics: ['fluid', 'breathing', 'blood_pressure', 'heart_rhythm'] },
  { matches: /kidney|renal|\bckd\b|\bN18/i, topics: ['blood_pressure', 'fluid'] },
  { matches: /copd|pulmonary|asthma|emphysema|bronchi|\bJ4[0-7]/i, topics: ['breathing'] },
  { matches: /fibrillation|arrhythm|\bI4[89]/i, topics: ['heart_rhythm'] },
  { matches: /depress|anxiety|\bF3[2-4]|\bF41/i, topics: ['mood'] },
  { matches: /arthrit|pain|fibromyalg|neuropath|\bM1[5-9]|\bM54|\bG89/i, topics: ['pain'] },
];

/** The topic of a report, read from its words (they come from src/documentation/phrases, so the words are ours). */
const REPORT_TOPICS: readonly { matches: RegExp; topic: Topic }[] = [
  { matches: /sugar/i, topic: 'glucose' },
  { matches: /swelling|weight/i, topic: 'fluid' },
  { matches: /breath|oxygen/i, topic: 'breathing' },
  { matches: /pulse/i, topic: 'heart_rhythm' },
  { matches: /mood|PHQ|self-harm|depress/i, topic: 'mood' },
  { matches: /pain/i, topic: 'pain' },
];

/** Above this many readings the note summarises instead of listing each one. */
const MAX_LISTED_READINGS = 6;

const topicsOf = (c: Condition) => new Set(CONDITION_TOPICS.filter((t) => t.matches.test(`${c.name} ${c.icd10 ?? ''}`)).flatMap((t) => t.topics));
const topicOf = (description: string): Topic | null => REPORT_TOPICS.find((t) => t.matches.test(description))?.topic ?? null;
const named = (c: { name: string; icd10: string | null }) => {
  const name = c.name.charAt(0).toUpperCase() + c.name.slice(1);
  return c.icd10 ? `${name} (${c.icd10})` : name;
};

interface Said {
  topic: Topic | null;
  /** The local day of an item ("Dec 5"), so items of one day are said together. */
  day?: string;
  text: string;
  /** A sentence of its own (the blood-pressure and pain summaries), not an item of "Reported ...". */
  whole: boolean;
}

/** Each report of the month as words with its date, and the topic it bears on. */
function reports(record: DraftableRecord, dates: Dates): Said[] {
  const { pain, other, bloodPressure } = record.reported;
  const said: Said[] = [];
  if (bloodPressure.readings.length > 0) said.push({ topic: 'blood_pressure', text: bloodPressureText(record, dates), whole: true });
  if (pain.length > 0) said.push({ topic: 'pain', text: painText(pain, dates), whole: true });
  const questionnaires = record.questionnaires ?? [];
  const items = [...other]
    .filter((o) => !statedByQuestionnaire(o, questionnaires))
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((o) => ({ topic: topicOf(o.description), day: dates.day(o.at), text: inList(o.description), whole: false }));
  return [...said, ...items];
}

/** One paragraph per care-plan problem, then other conditions with reports, then reports that bear on none. */
export function problemParagraphs(record: DraftableRecord, dates: Dates): string[] {
  let left = reports(record, dates);
  const take = (c: Condition) => {
    const topics = topicsOf(c);
    const mine = left.filter((r) => r.topic !== null && topics.has(r.topic));
    left = left.filter((r) => !mine.includes(r));
    return mine;
  };
  const paragraphs: string[] = [];
  const managed = record.conditions.filter((c) => c.underCarePlan);
  if (managed.length === 0) paragraphs.push('No conditions are listed under the care plan.');
  for (const c of managed) {
    const mine = take(c);
    paragraphs.push(`${named(c)}, under the care plan:\n${mine.length > 0 ? sentences(mine) : 'Nothing reported for this problem this month.'}`);
  }
  const quiet: string[] = [];
  for (const c of record.conditions.filter((c) => !c.underCarePlan)) {
    const mine = take(c);
    if (mine.length > 0) paragraphs.push(`${named(c)}, not under the care plan:\n${sentences(mine)}`);
    else quiet.push(named(c));
  }
  if (quiet.length > 0) paragraphs.push(`Other conditions on file: ${quiet.join(', ')}.`);
  const answered = [...(record.questionnaires ?? [])].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).map((q) => questionnaireSentence(q, dates));
  const general = [...left.filter((r) => r.whole).map((r) => r.text), ...answered];
  const items = left.filter((r) => !r.whole);
  if (items.length > 0) general.push(`Also reported by the patient: ${byDay(items)}.`);
  if (record.reported.bloodPressure.readings.length === 0) general.unshift('No blood pressure readings reported this month.');
  if (general.length > 0) paragraphs.push(general.join(' '));
  return paragraphs;
}

/** Blood pressure and pain are whole sentences; other reports are "Dec 5: blood sugar 62 mg/dL" items. */
function sentences(said: Said[]): string {
  const whole = said.filter((s) => s.whole).map((s) => s.text);
  const items = byDay(said.filter((s) => !s.whole));
  return [...whole, ...(items ? [`Reported by the patient: ${items}.`] : [])].join(' ');
}

/** "Dec 5: blood sugar 62 mg/dL, mentioned low blood sugar; Dec 11: weight 183 lb". */
function byDay(items: readonly Said[]): string {
  const days = new Map<string, string[]>();
  for (const item of items) days.set(item.day ?? '', [...(days.get(item.day ?? '') ?? []), clause(item.text)]);
  return [...days].map(([day, texts]) => `${day}: ${texts.join(', ')}`).join('; ');
}

function painText(pain: { at: string; score: number }[], { day }: Dates): string {
  const sorted = [...pain].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length <= MAX_LISTED_READINGS) return `Pain ${joinAnd(sorted.map((p) => `${p.score}/10 on ${day(p.at)}`))}.`;
  const scores = sorted.map((p) => p.score);
  return `Pain reported ${sorted.length} times, from ${Math.min(...scores)}/10 to ${Math.max(...scores)}/10.`;
}

function bloodPressureText(record: DraftableRecord, { day }: Dates): string {
  const { readings, trend, average } = record.reported.bloodPressure;
  const sorted = [...readings].sort((a, b) => a.at.localeCompare(b.at));
  const bp = (r: { systolic: number; diastolic: number }) => `${r.systolic}/${r.diastolic}`;
  if (sorted.length <= MAX_LISTED_READINGS) {
    return `Home blood pressure (mmHg) ${joinAnd(sorted.map((r) => `${bp(r)} on ${day(r.at)}`))}${trend ? `; trend ${trend}` : ''}.`;
  }
  // Many readings: a signer wants the shape of the month, not a list.
  const first = sorted[0] as BloodPressureReading;
  const last = sorted[sorted.length - 1] as BloodPressureReading;
  const highest = sorted.reduce((top, r) => (r.systolic > top.systolic ? r : top), first);
  const sys = sorted.map((r) => r.systolic);
  const dia = sorted.map((r) => r.diastolic);
  const parts = [`systolic ${Math.min(...sys)}-${Math.max(...sys)}, diastolic ${Math.min(...dia)}-${Math.max(...dia)}`];
  if (average) parts.push(`average ${bp(average)}`);
  parts.push(`highest ${bp(highest)} on ${day(highest.at)}`);
  return `${sorted.length} home blood pressure readings (mmHg) from ${day(first.at)} to ${day(last.at)}: ${parts.join('; ')}${trend ? `; trend ${trend}` : ''}.`;
}

/** "Patient answered the monthly questionnaire on Dec 9, covering self-rated health and mood: self-rated health fair; PHQ-2 score 1 (negative screen)." */
function questionnaireSentence(q: MonthQuestionnaire, { day }: Dates): string {
  if (q.partsAnswered.length === 0) return `Patient sent back the monthly questionnaire on ${day(q.submittedAt)} with no question answered.`;
  const findings = questionnaireFindings(q);
  const covering = joinAnd(q.partsAnswered.map((part) => PART_LABELS[part]));
  return `Patient answered the monthly questionnaire on ${day(q.submittedAt)}, covering ${covering}${findings.length > 0 ? `: ${findings.join('; ')}` : ''}.`;
}

/** Self-rated health and the PHQ scores a questionnaire made: its own sentence already says them. */
function statedByQuestionnaire(o: { at: string; kind: string }, questionnaires: readonly MonthQuestionnaire[]): boolean {
  return (o.kind === 'self_rated_health' || o.kind === 'depression_screen') && questionnaires.some((q) => q.submittedAt === o.at);
}
