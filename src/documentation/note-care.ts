/**
 * The note's account of the care given: what was raised for the care team
 * and how each was handled (by whom, when, the outcome), the contacts made,
 * and the care-plan changes. Pure: every fact comes from the record.
 */
import { CARE_PLAN_CHANGES, EVENT_PHRASES, alertPhrase } from './phrases/index.js';
import { plainExplanation } from './phrases/alerts.js';
import { staffLabel } from './staff-label.js';
import { capitalised, clause, formatDuration, plural, quoted, type Dates, type DraftableRecord } from './note-words.js';
import type { AlertHandling, Interaction } from './types.js';

/** How long before an alert a patient's words are taken to be what raised it. */
const WORDS_WINDOW_MS = 10 * 60 * 1000;

/** The patient's own text (or speech) that raised an alert: the latest within minutes before it, when it has words. */
function patientWords(alert: AlertHandling, interactions: readonly Interaction[]): Interaction | null {
  const raised = Date.parse(alert.createdAt);
  const said = interactions.filter((i) => {
    const at = Date.parse(i.at);
    return i.type === 'message' && i.actor === 'patient' && i.channel !== 'form' && at <= raised && raised - at <= WORDS_WINDOW_MS && /\p{L}/u.test(i.summary);
  });
  return said.at(-1) ?? null;
}

function handling(alert: AlertHandling, { dayTime }: Dates): string {
  const steps: string[] = [];
  if (alert.acknowledgedAt) steps.push(`acknowledged${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''} on ${dayTime(alert.acknowledgedAt)}`);
  if (alert.resolvedAt) {
    // Who resolved it is named only when that is news (someone other than who acknowledged it).
    const by = alert.resolvedBy && alert.resolvedBy !== alert.acknowledgedBy ? ` by ${alert.resolvedBy}` : '';
    steps.push(`resolved${by} on ${dayTime(alert.resolvedAt)}`);
  } else {
    steps.push(alert.acknowledgedAt ? 'still open' : 'not yet acknowledged');
  }
  const outcome = alert.resolutionNote?.trim() ? `; outcome: ${quoted(clause(alert.resolutionNote))}` : '';
  return `${capitalised(steps.join(', '))}${outcome}.`;
}

/** "Raised for the care team: ..." one item per alert, oldest first. */
export function raisedParagraph(record: DraftableRecord, dates: Dates): string {
  if (record.alerts.length === 0) return 'Raised for the care team: nothing this month.';
  const sorted = [...record.alerts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const items = sorted.map((alert) => {
    const explanation = plainExplanation(alert.explanation);
    const phrase = alertPhrase(alert);
    // The explanation adds the values ("Blood sugar 62 ... is below 70"); it is left out when it only repeats the words.
    const repeats = !explanation || phrase.startsWith('a finding of') || explanation.toLowerCase().includes(phrase.toLowerCase());
    const why = repeats ? '' : ` (${explanation})`;
    const words = patientWords(alert, record.interactions);
    const wrote = words ? ` The patient ${words.channel === 'voice' ? 'said' : 'wrote'}: ${quoted(words.summary)}.` : '';
    return `- ${dates.dayTime(alert.createdAt)}, ${alert.level}: ${phrase}${why}.${wrote} ${handling(alert, dates)}`;
  });
  return `Raised for the care team:\n${items.join('\n')}`;
}

const NOTED_EVENTS = new Set(Object.values(EVENT_PHRASES).filter((p) => p.note).map((p) => p.text));
const CARE_PLAN_EVENTS = new Set(Object.values(CARE_PLAN_CHANGES));

/** Automated outreach (never billed), calls, staff contacts and the events a signer should know of. */
export function contactsParagraph(record: DraftableRecord, { day }: Dates): string {
  const sentences: string[] = [];
  const staffCalls = record.time.entries.filter((e) => e.activity === 'call' || e.activity === 'care_coordination');
  if (staffCalls.length > 0) {
    const items = [...staffCalls]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((e) => {
        const who = staffLabel({ name: e.staffName, credential: e.credential });
        const what = e.activity === 'call' ? 'call with the patient' : 'coordination with other providers';
        const seconds = Math.floor((Date.parse(e.end) - Date.parse(e.start)) / 1000);
        return `${day(e.start)}: ${what} by ${who} (${formatDuration(seconds)})${e.note?.trim() ? `, ${quoted(e.note)}` : ''}`;
      });
    sentences.push(`Staff contacts: ${items.join('; ')}.`);
  }
  const calls = record.interactions.filter((i) => i.type === 'call');
  if (calls.length > 0) sentences.push(`Calls: ${calls.map((c) => `${day(c.at)}: ${c.summary}`).join('; ')}.`);
  const events = record.interactions.filter((i) => i.type === 'event' && NOTED_EVENTS.has(i.summary) && !CARE_PLAN_EVENTS.has(i.summary));
  if (events.length > 0) sentences.push(`Also on record: ${events.map((e) => `${day(e.at)}: ${e.summary}`).join('; ')}.`);
  sentences.push(automatedOutreach(record));
  return `Contacts:\n${sentences.join(' ')}`;
}

function automatedOutreach(record: DraftableRecord): string {
  const bot = record.botActivity;
  const sent = bot.questionnairesSent ?? 0;
  const answered = bot.questionnairesAnswered ?? 0;
  // A questionnaire sent is a contact attempt and one answered an interaction: listed with the rest, never minutes.
  const questionnaires = sent + answered > 0 ? `; ${plural(sent, 'questionnaire', 'questionnaires')} sent, ${answered} answered` : '';
  return bot.textsSent + bot.textsReceived + bot.calls + sent + answered === 0
    ? 'No automated outreach this month.'
    : `Automated outreach (not billed): ${plural(bot.textsSent, 'text', 'texts')} sent, ${bot.textsReceived} received, ${plural(bot.calls, 'call', 'calls')}${questionnaires}.`;
}

/** Care-plan changes in the month, from its events and the plan's dates. */
export function carePlanParagraph(record: DraftableRecord, { day }: Dates): string {
  const changes = record.interactions.filter((i) => i.type === 'event' && CARE_PLAN_EVENTS.has(i.summary)).map((i) => `${i.summary} on ${day(i.at)}`);
  const revisedInMonth = record.carePlan.revisedOn?.startsWith(record.month) && changes.length === 0 ? [`Care plan revised on ${day(record.carePlan.revisedOn)}`] : [];
  const all = [...changes, ...revisedInMonth];
  const sentences = [all.length > 0 ? `Care-plan changes: ${all.join('; ')}.` : 'Care-plan changes: none this month.'];
  if (record.carePlanRevised) sentences.push('The care plan was established or substantially revised this month.');
  return sentences.join(' ');
}
