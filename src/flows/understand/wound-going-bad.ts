/**
 * A wound going bad with a fever: an infection that may be spreading into
 * the blood, or a foot turning gangrenous, in a patient who is often
 * diabetic. A fever alone is a nurse's to review (elevated), and so is a sore
 * that smells; together they are a call now ("la herida del pie ya huele feo,
 * está negra en la punta del dedo y tengo fiebre y escalofríos", "the sore on
 * my heel is draining pus and I've got chills"). Pure: no I/O.
 */
import { normalizeText } from '../text/normalize.js';
import type { ConcernCategory } from './concerns.js';

/** A wound, or the part of a foot that gets one. */
const WOUND = String.raw`(?:wounds?|sores?|ulcers?|cut|incision|blisters?|bite|herida|llaga|ulcera|cortada|ampolla|piquete|toes?|foot|feet|heel|dedo|pie|talon)`;
/** What a wound going bad looks and smells like (not "black and blue": a bruise). */
const BAD = String.raw`(?:smells?|smelling|stinks?|stinking|foul|huele|apesta|pus|oozing|oozes|draining|drains|supura|supurando|black(?:er|ening)?(?! and blue)|negr[oa](?! y azul)|ennegrec\w*|red streaks?|streaking|rayas rojas|spreading|se esta extendiendo)`;
const SIGNS = new RegExp(String.raw`\b${WOUND}\b(?: \w+){0,8}? ${BAD}\b|\b${BAD}\b(?: \w+){0,4}? ${WOUND}\b`);

/** True when the text reads a fever (`concerns`) with a wound that smells, drains pus, turns black or spreads. */
export function woundGoingBad(text: string, concerns: readonly ConcernCategory[]): boolean {
  return concerns.includes('fever') && SIGNS.test(normalizeText(text));
}
