/**
 * A vaccine's sore arm: "got my flu shot and covid booster today, arm a
 * little sore lol", "me puse la vacuna de la gripe, me duele un poco el
 * brazo". A sore arm where a shot went in is what a vaccine is expected to
 * leave, so a clause that says only that, once a vaccine has been named,
 * tells no news. Anything more in the clause is read as ever ("arm sore and
 * swollen", "fever since the shot"). Pure: no I/O.
 */
import { FUNCTION_WORDS, NO_NEWS, PREVENTED_DISEASES, VACCINE_WORDS } from './closed-world-words.js';

const ARM: ReadonlySet<string> = new Set(['arm', 'arms', 'shoulder', 'brazo', 'brazos', 'hombro']);
const SORE: ReadonlySet<string> = new Set(['sore', 'tender', 'achy', 'aching', 'ache', 'aches', 'hurts', 'hurting', 'duele', 'adolorido', 'adolorida', 'dolorido', 'dolorida']);
/** A shot, named with the disease it prevents ("flu shot", "la inyección de la gripe"): not "shot" alone, which is also insulin's. */
const SHOT: ReadonlySet<string> = new Set(['shot', 'shots', 'inyeccion', 'inyecciones', 'piquete']);
/** Words that only say how much, or where and when the shot went in. */
const BESIDES: ReadonlySet<string> = new Set(['after', 'despues', 'where', 'donde', 'spot', 'site', 'poco', 'slightly', 'tad', 'kinda', 'normal', 'expected', 'from']);

const namesAVaccine = (clause: readonly string[]) =>
  clause.some((t) => VACCINE_WORDS.test(t)) || (clause.some((t) => SHOT.has(t)) && clause.some((t) => PREVENTED_DISEASES.has(t)));

const onlyASoreArm = (clause: readonly string[]) =>
  clause.some((t) => ARM.has(t)) &&
  clause.some((t) => SORE.has(t)) &&
  clause.every((t) => ARM.has(t) || SORE.has(t) || SHOT.has(t) || BESIDES.has(t) || FUNCTION_WORDS.has(t) || NO_NEWS.has(t) || VACCINE_WORDS.test(t) || PREVENTED_DISEASES.has(t));

/** For each clause, whether it tells only of a vaccine's sore arm, a vaccine named in it or before it. */
export function clausesOfAShotsSoreArm(clauses: readonly (readonly string[])[]): boolean[] {
  let vaccine = false;
  return clauses.map((clause) => (vaccine ||= namesAVaccine(clause)) && onlyASoreArm(clause));
}
