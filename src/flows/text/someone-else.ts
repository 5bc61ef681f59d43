/**
 * A clause about someone who is not the patient and not their family: "my
 * neighbor went to the ER", "my dog is sick", "mi vecina anda con tos". The
 * writer is the patient or a relative writing for them, so a relative ("my
 * husband", "mom") may be the patient and is never taken as someone else;
 * pets, neighbours, friends and co-workers are. A clause that also speaks of
 * the writer ("my friend found me on the floor") is not about someone else.
 * Red flags do not use this: an emergency is raised whoever it seems to be
 * about. Pure: no I/O.
 */

/** People and animals who are never the patient. */
const OTHERS: ReadonlySet<string> = new Set(
  (
    'dog dogs doggy puppy pup cat cats kitty kitten pet pets bird parrot horse ' +
    'neighbor neighbors neighbour neighbours friend friends buddy coworker coworkers boss pastor preacher ' +
    'perro perra perros perrito perrita gato gata gatos gatito gatita mascota pajaro perico caballo ' +
    'vecino vecina vecinos vecinas amigo amiga amigos amigas companero companera jefe jefa pastora comadre compadre comadres compadres'
  ).split(' '),
);

/** What may stand before the other in the clause's opening: an answer, a possessive, an article. */
const LEAD: ReadonlySet<string> = new Set(
  '1 2 3 yes no and also oh well so my our the a an mi mis nuestro nuestra el la los las un una si y tambien pues'.split(' '),
);

/** Words by which the writer speaks of themselves (a possessive just before the other is allowed). */
const FIRST_PERSON: ReadonlySet<string> = new Set('i im ive id ill me my mine myself we us our yo me mi mis conmigo nos nuestro nuestra'.split(' '));

/** True when the clause's subject is someone else and the writer is not in it. */
export function aboutSomeoneElse(clause: readonly string[]): boolean {
  let subject = -1;
  for (let i = 0; i < clause.length && i < 4; i++) {
    const token = clause[i]!;
    if (OTHERS.has(token)) {
      subject = i;
      break;
    }
    if (!LEAD.has(token)) return false;
  }
  if (subject < 0) return false;
  return clause.every((token, i) => i <= subject || !FIRST_PERSON.has(token));
}
