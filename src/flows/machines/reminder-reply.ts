/**
 * Reading a reply to a dose reminder, which may be for several medicines:
 * what it says of each medicine it names ("took the metformin but not the
 * lisinopril", "tomé la metformina pero no el lisinopril"), else one answer
 * for all of them ("took both of em", "tomé las dos", "no"). A reply that
 * says only some were taken without saying which ("I took one of them") is
 * no answer: taking it for all could record a missed dose as taken, or lead
 * a patient to take one twice.
 */
import { compilePattern, findPhrase, tokenize } from '../text/index.js';
import { readMedicineMentions } from '../understand/index.js';
import type { DoseAnswer } from './answers.js';
import { medicinesAsked } from './doses.js';
import type { FlowContext } from './flow-setup.js';
import { parseTaken, type TakenReply } from './medication.js';
import type { Parsed } from './question.js';

/** What a reply says: of medicines by name (with what earlier replies said), and the answer for those it does not name. */
export interface ReminderReply {
  doses: Record<string, DoseAnswer>;
  rest?: TakenReply;
}

const patterns = (sources: readonly string[]) => sources.map(compilePattern);
const says = (tokens: readonly string[], list: ReturnType<typeof patterns>) => list.some((p) => findPhrase(p, tokens).length > 0);

/** Some were taken, but which is not said. */
const ONLY_SOME = patterns([
  'one of (them|em|those|the two|my)', '(only|just) (one|1)', 'not (both|all|every)', 'half of? (them|em)?',
  '(una|uno) de (ellas|ellos|las|los|esas|esos|mis)', '(solo|nomas|nada mas|solamente) (una|uno|1)', 'no (todas|todos|las dos|los dos|ambas|ambos)',
]);
/** A word for all of them that is an answer by itself ("both", "las dos"), where yes/no reading finds none. */
const ALL = patterns(['both', '(all|every) of? (them|em|those|my)?', '(las|los) (dos|2|tres|3)', 'ambas|ambos', 'todas|todos']);
const NONE = patterns(['neither', 'none', 'ningun|ninguna|ninguno', 'ni (una|uno)']);

/** The plain answer, for all of them. */
function answerForAll(text: string, several: boolean): Parsed<TakenReply> {
  const plain = parseTaken(text);
  if (plain.ok || !several) return plain;
  const tokens = tokenize(text);
  if (says(tokens, NONE)) return { ok: true, value: { taken: false } };
  if (says(tokens, ALL)) return { ok: true, value: { taken: true } };
  return plain;
}

/**
 * Reads a reply to the reminder (or to its question about the medicines the
 * first reply did not name). A medicine named wins over the plain answer,
 * which stands only for the medicines a reply names none of.
 */
export function parseReminderReply(text: string, context: FlowContext): Parsed<ReminderReply> {
  const medicines = medicinesAsked(context);
  const doses = { ...context.answers.doses };
  const named = readMedicineMentions(text, medicines);
  if (named.length > 0) {
    for (const mention of named) doses[mention.medicationId] = { taken: mention.taken, ...(mention.reason ? { reason: mention.reason } : {}) };
    return { ok: true, value: { doses } };
  }
  const several = medicines.length > 1;
  if (several && says(tokenize(text), ONLY_SOME)) return { ok: false };
  const all = answerForAll(text, several);
  return all.ok ? { ok: true, value: { doses, rest: all.value } } : all;
}
