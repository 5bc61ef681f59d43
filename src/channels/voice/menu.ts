/**
 * The menu a patient hears when they call with no check-in due: how they
 * feel, their medicines, or a message for the care team, by key or by
 * speech ("say or press 1"; "uno", "my medicines", "dejar un mensaje").
 * Words that pick nothing are the patient's turn like a text: a red flag
 * said here is escalated, and a nurse offered, as anywhere else on a call.
 */
import { parseChoice, type ChoiceOption } from '../../flows/text/index.js';
import { detectRedFlag } from '../../flows/safety/index.js';
import { spokenNumbersToDigits } from '../../flows/text/spoken-numbers.js';
import { findActiveConversation } from '../../store/conversations.js';
import { listMedications } from '../../store/medications.js';
import { insertCallLine } from '../../store/messages.js';
import type { Queryable } from '../../store/sql.js';
import { checkInCallUrls, takeTurn } from '../../conversation/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { heardLine, INVALID, language, line, lineFrom, loadCall, locale, setPending, spoken, type CallContext, type Heard } from './call.js';
import { offerNurse } from './nurse.js';
import { ask, mayCheckIn, resume, startByCall } from './questions.js';
import { keyOrWords, MENU_HINTS, spokenOf } from './speech.js';
import { farewell, type VoiceTurn } from './turn.js';

const RECORD_MAX_SECONDS = 180;
/** Silences, wrong keys or words we could not place, in a row, before the call says goodbye. */
const MAX_MISSES = 2;

type Pick = 'check_in' | 'medicines' | 'message';

/** The menu's options by number and by the words a caller may say for them (accents ignored). */
const MENU: readonly ChoiceOption<Pick>[] = [
  { id: 'check_in', number: 1, synonyms: ['how i feel', 'feel', 'feeling', 'check in', 'como me siento', 'me siento', 'como se siente'] },
  { id: 'medicines', number: 2, synonyms: ['medicine', 'medicines', 'medication', 'medications', 'pills', 'medicina', 'medicinas', 'medicamento', 'medicamentos', 'pastillas'] },
  { id: 'message', number: 3, synonyms: ['message', 'leave a message', 'mensaje', 'dejar un mensaje', 'recado'] },
];
const BY_KEY: Readonly<Record<string, Pick>> = { '1': 'check_in', '2': 'medicines', '3': 'message' };

export function menu(deps: RuntimeDeps, c: CallContext, intro: string[] = []): VoiceTurn {
  const action = checkInCallUrls(deps, c.call.token).menu;
  return { language: language(c), say: [...intro, line(c, 'voice.menu')], next: keyOrWords(MENU_HINTS[locale(c)], action, deps.voice.speechModel) };
}

/** The caller pressed a key or said something at the menu. */
export async function menuPressed(tx: Queryable, deps: RuntimeDeps, token: string, heard: Heard): Promise<VoiceTurn> {
  const c = await loadCall(tx, token, deps.clock.now());
  if (!c) return INVALID;
  const said = heard.speech?.trim() || null;
  const answer = heard.digits || said ? await insertCallLine(tx, lineFrom(c, 'inbound', 'voice_answer', heardLine(heard))) : null;
  const open = await findActiveConversation(tx, c.patient.id);
  if (open) return spoken(tx, c, await resume(tx, deps, c, open, []));
  // A red flag is never taken for a pick ("I feel chest pain" is not "how I feel"): the turn escalates it.
  const pick = said ? (detectRedFlag(said) ? null : parseChoice(spokenNumbersToDigits(said), MENU)) : BY_KEY[heard.digits];
  // A patient no longer enrolled may still leave a message; 1 and 2 then do nothing.
  if (pick && (pick === 'message' || mayCheckIn(c.patient, c.at))) return spoken(tx, c, await picked(tx, deps, c, pick));
  let intro = [line(c, heard.digits ? 'voice.menu_invalid' : 'voice.no_input')];
  if (said) {
    const confident = heard.confidence === null || heard.confidence >= deps.voice.confidenceMin;
    const outcome = !pick && answer && (confident || detectRedFlag(said))
      ? await takeTurn(tx, deps, { practice: c.practice, patient: c.patient, conversation: null, inbound: { id: answer.id, body: said }, channel: 'voice', at: c.at })
      : null;
    if (outcome?.urgent) return spoken(tx, c, await offerNurse(tx, deps, c, outcome.urgent, answer!.id));
    const says = outcome?.says.flatMap((s) => spokenOf(s.utterance, c.practice, c.patient)) ?? [];
    intro = says.length > 0 ? says : [line(c, 'voice.menu_not_understood')];
  }
  const misses = (c.call.pending.silences ?? 0) + 1;
  if (misses >= MAX_MISSES) return spoken(tx, c, farewell(language(c), ...(said ? intro : []), line(c, 'voice.goodbye')));
  await setPending(tx, c, { menu: true, silences: misses });
  return spoken(tx, c, menu(deps, c, intro));
}

async function picked(tx: Queryable, deps: RuntimeDeps, c: CallContext, pick: Pick): Promise<VoiceTurn> {
  if (pick === 'message') {
    const urls = checkInCallUrls(deps, c.call.token);
    return {
      language: language(c),
      say: [line(c, 'voice.record_prompt')],
      next: { kind: 'record', action: urls.recording, transcribeCallback: urls.transcription, maxLengthSeconds: RECORD_MAX_SECONDS },
    };
  }
  const medication = pick === 'medicines' ? (await listMedications(tx, c.patient.id)).find((m) => m.active) : undefined;
  const conversation = await startByCall(tx, deps, c, medication ? 'medication' : 'wellness', medication ? { medication } : {});
  return ask(deps, c, conversation);
}
