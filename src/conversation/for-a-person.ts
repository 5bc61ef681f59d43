/**
 * The closed world in the turn: a text that raised nothing is settled by the
 * bot only when every word of it is accounted for (src/flows/understand/
 * closed-world.ts); a question the bot cannot answer (it answers only who we
 * are) is a person's to answer too.
 */
import { isQuestion, tokenize } from '../flows/text/index.js';
import { knowMedicine, leftOver, needsAPerson, READING_WORDS, sameName, type MessageReading } from '../flows/understand/index.js';
import type { Medication } from '../store/medications.js';
import type { Answered } from './reading.js';

export function aPersonShouldRead(
  text: string,
  c: { medications: readonly Medication[]; reading: MessageReading; answered: Answered; answerTaken: boolean },
): boolean {
  if (asksSomething(text)) return true;
  // One word the check-in took as its answer ("SKIP" to the blood pressure) says nothing more: even a word
  // that elsewhere tells of trouble ("skip" a dose) is the answer here.
  if (c.answerTaken && tokenize(text).length <= 1) return false;
  // The check-in took a concern from it ("my knee hurts" to "what is your main concern?"): its questions ask the rest.
  const concernsPlaced = c.answered.concernCategory !== undefined || c.answered.observations.some((o) => o.kind === 'concern');
  return needsAPerson(leftOver(text, placedWords(c.medications, text, c.reading), { concernsPlaced, answerTaken: c.answerTaken }));
}

/** Words the turn accounts for without a person: the patient's own medicines, and a parsed reading's words and numbers. */
function placedWords(medications: readonly Medication[], text: string, reading: MessageReading): string[] {
  // A medicine as Spanish writes it is the same medicine (metformina, furosemida), and as it is said or
  // misspelt ("my eliquis", "the metaforman").
  const names = medications.flatMap((m) => knowMedicine(m).names);
  const spoken = tokenize(text).filter((t) => names.some((name) => sameName(t, name) || sameName(t.replace(/a$/, ''), name)));
  const medicines = [...medications.flatMap((m) => [m.name, `${m.name}a`, m.name.replace(/e$/i, 'a')]), ...spoken];
  // Beside the patient's own usual ("oxygen 90 today, usually 95"), the reading is a change only a person can weigh.
  if (reading.vitals.length === 0 || besideTheUsual(text)) return medicines;
  // With a reading read, the text's numbers are its figures, an earlier one it compares with, or the time it was taken.
  return [...medicines, ...READING_WORDS, ...(text.match(/\d+(?:\/\d+)?/g) ?? []), ...(text.match(/\d+/g) ?? [])];
}

/** "Usually 95", "normalmente ando en 120": a figure the patient says is their usual, beside another. */
const USUAL = /\b(?:usually|normally|usual|normal is|my normal|typically|suele|suelo|normalmente|usualmente|por lo general)\b/i;
const besideTheUsual = (text: string) => USUAL.test(text) && new Set(text.match(/\d{2,3}(?:\/\d{2,3})?/g) ?? []).size >= 2;

/**
 * A question in words ("is my appointment still on?", "..., can you add her
 * to my file"); a lone "???" asks nothing a person could answer.
 */
const asksSomething = (text: string) =>
  (isQuestion(text) && /\p{L}{2}/u.test(text)) ||
  // A sentence that opens as a question, without its mark: "1 doing good. when is my next A1C due".
  /(?:^|[.!\n]\s*|^\d+\W*)(?:when|what|where|how|who|why|which|cuando|que|donde|como|quien|cual) (?:is|are|was|do|does|did|can|should|will|would|es|son|esta|estan|tengo|debo|puedo)\b/i.test(text) ||
  /(?:^|[,.;!]\s*|\s)(?:can|could|would|will) (?:you|u|y'?all|someone|somebody)\b|\b(?:me|le|nos) (?:pueden|puede|podrian|podria)\b/i.test(text) ||
  // Asking what to do, without a question's form: "Kindly advise doctor", "let me know what to do", "díganme qué hago".
  /\b(?:please|pls|plz|kindly) (?:advi[sc]e|guide|suggest)\b|\badvi[sc]e me\b|\bwhat (?:to|should i|do i|should we|do we) do\b(?! with)|\bqu[eé] (?:hago|hacemos|debo hacer|me recomienda)\b|\baconsej(?:eme|enme|arme)\b/i.test(text) ||
  // Asking in a statement's form: "I want to know if clinic have Vietnamese interpreter", "quisiera saber si".
  /\b(?:want|wanted|would like|need|needed|like) to know\b|\bwondering (?:if|whether|when|what|how|why|who)\b|\b(?:quiero|quisiera|queria|necesito|me gustar[ií]a) saber\b/i.test(text);
