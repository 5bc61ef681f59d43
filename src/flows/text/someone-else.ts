/**
 * A clause about someone who is not the patient and not their family: "my
 * neighbor went to the ER", "my dog is sick", "mi vecina anda con tos". The
 * writer is the patient or a relative writing for them, so a relative ("my
 * husband", "mom") may be the patient and is never taken as someone else;
 * grandchildren, pets, neighbours, friends and co-workers are. A clause that also speaks of
 * the writer ("my friend found me on the floor") is not about someone else,
 * and one that goes on about them by "he", "she" or "it" is ("my cat stole
 * the kielbasa, now he lies on the sofa like a dead body").
 * Red flags do not use this: an emergency is raised whoever it seems to be
 * about. Pure: no I/O.
 */

/** People, animals, plants and machines that are never the patient. */
const OTHERS: ReadonlySet<string> = new Set(
  (
    'dog dogs doggy puppy pup cat cats kitty kitten pet pets bird parrot horse ' +
    'neighbor neighbors neighbour neighbours friend friends buddy coworker coworkers boss pastor preacher ' +
    'perro perra perros perrito perrita gato gata gatos gatito gatita mascota pajaro perico caballo ' +
    'vecino vecina vecinos vecinas amigo amiga amigos amigas companero companera jefe jefa pastora comadre compadre comadres compadres ' +
    'cachorro cachorra cachorrito cachorrita chickens hens chicken cows cow goats pigs gallinas gallina vacas vaca chivas cerdos puercos ' +
    // Plants and machines are never the patient either: "my tomatoes are dying", "las matas se me están muriendo", "my truck is sick".
    'tomatoes tomato plants plant garden flowers roses crops corn lawn grass tree trees beans squash ' +
    'tomates matas plantas flores rosas milpa jardin arbol arboles ' +
    'truck car tractor combine phone computer carro camioneta troca celular ' +
    // Grandchildren: a panel's patients are their grandparents' age, never the grandchildren ("my grandson broke his arm at hockey").
    'grandson grandsons granddaughter granddaughters grandkid grandkids grandchild grandchildren grandbaby grandbabies nieto nieta nietos nietas nietecito nietecita'
  ).split(' '),
);

/** What may stand before the other in the clause's opening: an answer, a possessive, an article. */
const LEAD: ReadonlySet<string> = new Set(
  '1 2 3 yes no and also oh well so my our the a an mi mis nuestro nuestra el la los las un una si y tambien pues ya ni'.split(' '),
);

/** A clause's opening that points at its subject: "it's my grandson who's limping", "es mi vecina la que anda mala". */
const CLEFT: ReadonlySet<string> = new Set(['its', 'es', 'fue']);

/** Words by which the writer speaks of themselves (a possessive just before the other is allowed). */
const FIRST_PERSON: ReadonlySet<string> = new Set('i im ive id ill me my mine myself we us our yo me mi mis conmigo nos nuestro nuestra'.split(' '));

/** He, she, it or they: who a clause after one about someone else goes on about. */
const THEY: ReadonlySet<string> = new Set('he hes she shes it its they theyre el ella ellos ellas'.split(' '));
/** What may stand before that pronoun: an answer, "and", a time. */
const BEFORE_THEY: ReadonlySet<string> = new Set([...LEAD, 'now', 'then', 'but', 'today', 'ahora', 'luego', 'pero', 'hoy']);

/**
 * For each clause, whether it is about someone else: by its subject (aboutSomeoneElse), or, after such
 * a clause, by "he", "she", "it" or "they" as its subject, with the writer not in it ("My neighbor fell.
 * She broke her hip"; "my friend had covid. She says I look pale" is the writer's again).
 */
export function clausesAboutSomeoneElse(clauses: readonly (readonly string[])[]): boolean[] {
  let previous = false;
  return clauses.map((clause) => (previous = aboutSomeoneElse(clause) || (previous && goesOnAboutThem(clause))));
}

function goesOnAboutThem(clause: readonly string[]): boolean {
  const at = clause.findIndex((token) => !BEFORE_THEY.has(token));
  return at >= 0 && THEY.has(clause[at]!) && !clause.some((token) => FIRST_PERSON.has(token));
}

/** What links "the one" to who it is. */
const IS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'es', 'son', 'era', 'fue']);

/**
 * "The only thing sick round here is my truck", "el que está peor es mi perro", "the one that's limping
 * is the cat": who the one is, is the subject.
 */
function theOneIsThem(clause: readonly string[]): boolean {
  const opening = clause.slice(0, 3).join(' ');
  if (!/^(the )?only (thing|one)\b|^the one\b|^(el|la|los|las) (que|q)\b/.test(opening)) return false;
  const is = clause.findIndex((token) => IS.has(token));
  const them = clause.slice(is + 1).filter((token) => !LEAD.has(token));
  return is > 0 && them.length > 0 && OTHERS.has(them[0]!) && !clause.some((token) => FIRST_PERSON.has(token) && token !== 'my' && token !== 'mi');
}

/** "Its the dog thats sick, not me", "es mi perro el que anda malo, no yo": the writer named only to be left out. */
const leftOut = (clause: readonly string[], i: number) => ['not', 'no', 'ni'].includes(clause[i - 1] ?? '');

/**
 * The answer said before whoever a clause about someone else is about: "no my dog ate them", "2 my
 * neighbor is worse". Nothing when other words stand before them ("el que está peor es mi perro").
 */
export function answerBeforeThem(clause: readonly string[]): readonly string[] {
  const at = clause.findIndex((token) => OTHERS.has(token));
  const opening = at > 0 ? clause.slice(0, at) : [];
  return opening.every((token) => LEAD.has(token)) ? opening : [];
}

/** True when the clause's subject is someone else and the writer is not in it. */
export function aboutSomeoneElse(clause: readonly string[]): boolean {
  if (theOneIsThem(clause)) return true;
  // "Very bad cat", "pobre perrito": a few words that only name them (not "worse than my neighbor": compared with them).
  const comparedWith = clause.slice(-3, -1).some((token) => token === 'than' || token === 'que');
  if (clause.length <= 4 && OTHERS.has(clause.at(-1)!) && !comparedWith && !clause.slice(0, -2).some((token) => FIRST_PERSON.has(token))) return true;
  let subject = -1;
  for (let i = 0; i < clause.length && i < 4; i++) {
    const token = clause[i]!;
    if (OTHERS.has(token)) {
      subject = i;
      break;
    }
    if (!LEAD.has(token) && !(i === 0 && CLEFT.has(token))) return false;
  }
  if (subject < 0) return false;
  return clause.every((token, i) => i <= subject || !FIRST_PERSON.has(token) || leftOut(clause, i));
}
