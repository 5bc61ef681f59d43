/**
 * Words that say what a patient did with a medicine, in English and Spanish:
 * took it ("took", "ya me tomé"), left it out ("skipped", "se me olvidó",
 * "ran out of", "can't afford"), or why ("makes me dizzy", "porque"). Both
 * the medicine reader and the missed-span reader judge a clause by them.
 * Pattern syntax: src/flows/text/phrase-pattern.ts.
 */
import { findNegator } from '../text/negation.js';
import { findEach } from '../text/phrase-match.js';
import { compilePattern, type PhrasePattern } from '../text/phrase-pattern.js';

export type Reason = 'stopped' | 'ran_out' | 'side_effects' | 'cost' | 'forgot' | 'other';

/**
 * `skip` and the reasons up to `forgot` say by themselves that it was not
 * taken; `side_effects`, `price` and `because` only say why. `doubt` ("not
 * sure if I took") and `later` ("going to take") leave it open.
 */
export type CueKind = 'take' | 'skip' | 'stopped' | 'ran_out' | 'cost' | 'forgot' | 'side_effects' | 'price' | 'because' | 'doubt' | 'later';

/** What a medicine does to food: "makes everything taste like I licked a penny", "todo me sabe a metal". */
export const TASTE_CHANGED: readonly string[] = [
  '(make*|made|making) (everything|food|it all|things|stuff|my food|water|coffee) (taste*|smell*)',
  'taste* like (metal|a penny|pennies|coins|copper|tin|iron)', '(metal*|bitter) taste', '(sabe|saben|sabor) a (metal|fierro|hierro|moneda*|cobre)',
];

const TAKE_ES = 'tome|tomo|tomado|tomando|tomar|tomarla|tomarlas|tomarlo|tomarlos|tomarme|tomarmela|tomarmelas|tomamos|tomaste|tomaba|tomaron';

const CUES: Readonly<Record<CueKind, readonly string[]>> = {
  take: [
    // "Touched" only ever denied: "haven't touched the pill box since the 1st".
    '(took|take|taken|taking|takes|tooked|had|did|gave|give|given|giving|used|using|injected|swallowed|touched)', `(${TAKE_ES})`,
    '(di|dio|dado|dimos|puse|puso|puesto|pongo|pone|ponemos|inyecte|use|aplique)',
  ],
  skip: [
    'skip*', '(missed|miss|missing|held|hold|holding)', '(salte|salto|saltado)',
    // Doses found where they should have gone from: "the Monday and Tuesday ones still in the box".
    '(still|left|sitting) (in|inside) (the|my|her|his|their)? (box|pillbox|pill box|organizer|organiser|case|container|dispenser|blister pack|packet|tray)',
    '(siguen|seguian|estan|estaban|quedaron|todavia estan) (en|dentro de) (la|el|su|mi)? (caja|cajita|pastillero|organizador|estuche)',
    // Doses found hidden: "le encontré en la bolsa del pantalón las pastillas de toda la semana", "found his pills under the mattress".
    '(found|encontre|encontramos|encontro|halle) ...2 (in|inside|under|behind|en|dentro de|debajo de|detras de) ...6 (pill|pills|meds|tablets|pastillas|pildoras|medicinas)',
    '(found|encontre|encontramos|encontro|halle) (his|her|my|sus|las|los|mis)? (pill|pills|meds|tablets|pastillas|pildoras|medicinas) (in|inside|under|behind|hidden|en|dentro|debajo|escondid*)',
    // Doses put anywhere but down: "he hid his pills in the couch cushion", "she spits them out", "escondió las pastillas".
    '(hid|hide|hides|hiding|hidden|stash*|spit|spits|spat|spitting|threw|throw|throws|throwing|thrown|toss*|flush*|dump*|escond*|escupe|escupio|escupia|tira|tiro|tiraba) (out|away|up)? (his|her|my|the|their|some|all|them|sus|las|los|mis|su)? (pill|pills|meds|tablets|pastillas|pildoras|medicinas)?',
    // A count of days found: "found 2 days worth", "encontré las de tres días".
    '(found|encontre|encontramos|encontro|halle) ...3 (day|days|week|weeks|dia|dias|semana|semanas) (worth|of|de)',
  ],
  stopped: [
    // Not "stopped by the pharmacy", "quite sure", "took off work".
    'stop* !by|at|in|for|over|to|and', '(quit|quitting)', 'discontinu*', '(me|her|him|us|im|been|went|go|going|came|coming|got|getting) off',
    'no longer', '(anymore|any more)',
    // Refusing it: "she won't take the binders", "he refused his insulin", "se niega a tomarla".
    '(wont|will not|refuses|refused|refusing|refuse) (to)? (take|use|have)',
    // Not wanting to: "he hasn't wanted to take any", "no ha querido tomarse ninguna", "no quiere tomarlas".
    '(hasnt|has not|havent|have not|didnt|did not|doesnt|does not|dont|do not|wont|wouldnt|would not) (want|wanted|wanna) (to)? (take|use|have)',
    `no (ha|han|he|a)? (querido|quiere|quieren|quiso|quisieron|queria) (${TAKE_ES}|tomarse|tomarsela|tomarselas|usar|ponerse)`,
    '(refuses|refused|refusing|refuse)', 'se (niega|nego|negaba) a', 'used to (take|taking|be on)', 'gave up',
    '(deje|dejo|dejamos|dejado) (de)?', 'suspend*', '(quitaron|quito)', 'ya no (me|le)? (lo|la|los|las)? (tomo|toma|tomamos|uso|estoy tomando)', 'abandon*',
  ],
  ran_out: [
    '(ran|run|running|runned|runing) out', 'out of (my|her|his)? !bed|breath|town|here|there|work|time|hospital|surgery|shape|place|control|the|it|this|that|state',
    '(none|no more|nothing) left', '(bottle|box|pen|vial|inhaler) (is|s)? empty',
    '(didnt|did not|havent|have not|couldnt|could not|cant|cannot) (pick up|picked up|refill|get to the pharmacy)',
    'se (me|le|nos)? (acab*|termin*)', 'no (me|le|nos)? (queda|quedan|quedo|quedaron)', 'ya no (tengo|tiene|tenemos)',
    'no (tengo|tiene|tenemos) (mas)? (pastilla*|medicina*|pildora*|insulina)',
    '(estoy|ando|quede|quedamos|estamos) sin', 'no (he|e)? (podido)? (surtir|resurtir|recoger)',
  ],
  cost: [
    '(cant|cannot|can not|couldnt|could not|unable to) (afford|pay)', '(not|never|havent|hasnt|wasnt|werent) (been)? able to (afford|pay|buy)',
    'too (expensive|much money|pricey)', '(no|dont|do not|didnt) (have|got) (the)? money',
    '(insurance|medicare|medicaid) ...3 (wont|doesnt|didnt|does not|will not|stopped|not) (cover|covering|pay)',
    'no (me|nos|le)? (alcanza|alcanzo|ajusta)', 'no (tengo|tenemos|tiene) (dinero|para|plata|feria|lana)', '(muy|bien|demasiado|tan) (cara|caro|caras|caros)',
    'no (puedo|pude|podemos) (pagar|comprar)', 'el seguro no (cubre|paga|cubrio)',
  ],
  forgot: [
    '(forgot|forget|forgotten|forgetting|forgt|forgets)', 'slipped my mind', '(didnt|did not) remember', 'olvid*', 'se me (paso|fue)',
    'no me (acorde|acordaba)',
  ],
  side_effects: [
    // Symptoms a medicine is known to cause, not illness in general ("I was sick" is a reason of its own).
    'side effect*', '(make*|made|making|give*|gave|giving) me !take|taking|do|go|wait|come', 'nause*', 'dizz*', 'diarrhea', 'upset*', 'rash', 'itch*',
    // What it does to food, the reason beside a named medicine ("the metformin makes everything taste like metal, so I
    // stopped it"); said of none, closed-world-words.ts makes it news.
    ...TASTE_CHANGED,
    'cramp*', 'bleed*', 'bruis*', 'reaction', 'allergic', '(bathroom|pee|peeing|urinat*) ...4 (too much|so much|all the time|a lot|constantly)',
    'efecto* secundario*', '(cae|caen|cayo|sienta|sientan|hace|hacen|hizo) (mal|dano)', 'mare*', 'vomit*', 'diarrea', 'asco', 'ronchas', 'comezon',
    '(orinar|orino|bano) ...3 (mucho|a cada rato|todo el tiempo)',
  ],
  price: ['cost*', 'expensive', 'price*', 'pricey', 'copay*', 'co pay', 'money', '(caro|cara|caros|caras)', 'cuesta*', 'costo*', 'precio*', 'dinero'],
  because: ['(because|cause|cuz|coz|bc|due to)', '(porque|por que|pq|xq|ya que)'],
  doubt: [
    '(not|dont|do not|cant|cannot|can not) (sure|remember|recall|certain)', 'no (se|recuerdo|me acuerdo) si', 'no estoy (seguro|segura)', 'i think i',
    'maybe', 'creo que', 'a lo mejor', 'tal vez',
  ],
  // What is to be done is not done yet: "going to take it after lunch", "should I stop", "voy a dejar la metformina".
  later: [
    '(going to|gonna|will|ill|about to|need to|have to|has to|supposed to|should|got to|gotta|want to|wanna|plan to|thinking of|thinking about) (take|give|use|start|stop*|quit|skip*)',
    `(voy|va|vamos) a (${TAKE_ES}|dejar|suspender)`, `(tengo|tiene|tenemos|hay) que (${TAKE_ES}|dejar)`,
    `(debo|necesito|quiero|deberia|puedo|pienso) (${TAKE_ES}|dejar|suspender)`,
    // What someone else said to do: "the nurse said to stop the lasix", "me dijo que la dejara".
    '(said|told me|tells me|says|wants me|asked me) to (take|start|stop*|quit|skip*)',
    '(dijo|dijeron|dice|quiere) que (la|lo|las|los)? (deje|dejara|tome|tomara|suspenda)',
  ],
};

const COMPILED: ReadonlyArray<{ kind: CueKind; pattern: PhrasePattern }> = (Object.entries(CUES) as Array<[CueKind, readonly string[]]>).flatMap(
  ([kind, sources]) => sources.map((source) => ({ kind, pattern: compilePattern(source) })),
);
const PATTERNS = COMPILED.map(({ pattern }) => pattern);

export interface Cue {
  kind: CueKind;
  start: number;
  end: number;
  /** Denied by a word before it: "didn't take", "no se me olvidó". */
  negated: boolean;
}

/** Every cue in one clause's tokens, in reading order. */
export function findCues(tokens: readonly string[]): Cue[] {
  return findEach(PATTERNS, tokens)
    .map(({ at, start, end }) => {
      const { kind, pattern } = COMPILED[at]!;
      return { kind, start, end, negated: !pattern.selfNegated && findNegator(tokens, start) >= 0 };
    })
    .sort((a, b) => a.start - b.start);
}

/** What the cues of a stretch of a clause say: taken or not, and why not when they tell. */
export type Verdict = { taken: true } | { taken: false; reason?: Reason };

/** The reasons in the order a nurse acts on them: a stop on their own first, `other` last. */
const REASONS: ReadonlyArray<[Reason, readonly CueKind[]]> = [
  ['stopped', ['stopped']], ['cost', ['cost', 'price']], ['ran_out', ['ran_out']], ['side_effects', ['side_effects']], ['forgot', ['forgot']], ['other', ['because']],
];
export const SAYS_NOT_TAKEN: ReadonlySet<CueKind> = new Set(['skip', 'stopped', 'ran_out', 'cost', 'forgot']);
/** Denying these says it was taken: "didn't forget", "no me la salté", "haven't stopped it". */
const DENIED_MEANS_TAKEN: ReadonlySet<CueKind> = new Set(['skip', 'stopped', 'forgot']);

/** The first reason the cues give for not taking a medicine, in the order of REASONS. */
export const reasonIn = (cues: readonly Cue[]): Reason | undefined =>
  REASONS.find(([, kinds]) => cues.some((c) => kinds.includes(c.kind) && !c.negated))?.[0];

/**
 * The verdict of `cues` (those governing the medicine), with the reason
 * from any of `all` (a reason can follow: "skip it, makes me sick").
 * Leaving something out wins over taking: "forgot to take", "stopped
 * taking". `'open'` when the patient is unsure or speaks of what is still
 * to be done; `null` when the cues say nothing either way.
 */
export function verdictOf(cues: readonly Cue[], all: readonly Cue[]): Verdict | 'open' | null {
  const later = cues.filter((c) => c.kind === 'later');
  const deciding = cues.filter((c) => c.kind === 'later' || !later.some((l) => l.start <= c.start && l.end >= c.end));
  const live = (kinds: ReadonlySet<CueKind>) => deciding.some((c) => kinds.has(c.kind) && !c.negated);
  if (all.some((c) => c.kind === 'doubt' && !c.negated)) return 'open';
  const notTaken = (): Verdict => {
    const reason = reasonIn(all);
    return reason ? { taken: false, reason } : { taken: false };
  };
  if (live(SAYS_NOT_TAKEN)) return notTaken();
  const takes = deciding.filter((c) => c.kind === 'take');
  if (takes.some((c) => c.negated)) return notTaken();
  if (takes.length > 0 || deciding.some((c) => DENIED_MEANS_TAKEN.has(c.kind) && c.negated)) return { taken: true };
  return later.length > 0 ? 'open' : null;
}
