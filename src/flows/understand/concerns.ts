/**
 * Concerns a nurse wants to hear about (DOMAIN.md "What a nurse wants to
 * hear about"), found anywhere in a text, in English and Spanish: "I fell
 * last week but I'm ok now", "my ankles are really swollen", "shaky and
 * sweaty". Plain denials do not count ("no falls", "sin mareos"). Red flags
 * (emergencies) are found separately and first (src/flows/safety).
 * Pattern syntax: src/flows/text/phrase-pattern.ts.
 */
import { IDIOMS, IMPROVED, LINGERING, RESOLVED } from '../text/figures-of-speech.js';
import { createPhraseDetector, type CategoryPhrases } from '../text/phrase-detector.js';
import { clausesAboutSomeoneElse } from '../text/someone-else.js';
import { clausesOfAShotsSoreArm } from './after-a-shot.js';

export const CONCERN_CATEGORIES = [
  'fall',
  'swelling',
  'weight_gain',
  'dizziness',
  'glucose_low',
  'glucose_high',
  // A high sugar with the signs of an emergency (read in readMessage, not from phrases: see high-sugar.ts).
  'glucose_high_danger',
  // Vomiting with nothing kept down, not even water, or no water passed (read in readMessage: see fluids-lost.ts).
  'fluids_lost_danger',
  'wound_infection_danger',
  // A bleed with dizziness or fainting (read in readMessage: see blood-lost.ts).
  'blood_lost_danger',
  'breathing',
  'pain',
  'side_effects',
  'mood',
  'fever',
  'vomiting',
  'bleeding',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

const BODY = '(feet|foot|ankle|ankles|leg|legs|knee|knees|hand|hands|fingers|belly|stomach|face)';
// "My numbers" are sugars; "this number" is a phone's (one slip from "numbers").
const SUGAR = '(sugar|sugars|glucose|blood sugar|bs|bg|my numbers|her numbers|his numbers|the numbers|sugar numbers)';
const PART =
  '(chest|back|knee|knees|hip|hips|leg|legs|foot|feet|head|stomach|belly|neck|shoulder|shoulders|arm|arms|joint|joints|hand|hands|tooth|ear|throat|side|muscle|muscles)';

/** A medicine named, and the words that may stand between it and what it does to the patient, none of them someone else. */
const MEDICINE = '(pill*|med*|medicine*|medication*|tablet*|insulin|shot*)';
const NOBODY_ELSE = '(the|new|old|my|that|this|these|those|they|them|dem|it|is|are|s|just|really|still|always|anymore|seem|seems|to|has|have|do|does|kinda|sure|all|from|pharmacy|one|ones|for|water|pressure|blood|bp|sugar|heart|cholesterol|pain|sleep)';

const EN: CategoryPhrases<ConcernCategory> = {
  fall: [
    'fell !asleep|behind|apart|through|for|short|silent', 'falls', '(had|took) (a)? (little|small|slight|bad|nasty|big|hard|real)? (fall|spill|tumble)', 'fall* (down|over|off|out)', 'slipped', 'tripped',
    '(almost|nearly|about to) (fell|fall)', 'lost (my)? balance', 'ended up on the floor',
    // "I did fall Tuesday", "mom fall again" (but not "fall asleep" or the season).
    '(i|did|she|he|mom|dad|mother|father) (also|just|kind of)? fall !asleep|behind|for|in|back|apart|through',
    // The same in learner English's plain form: "I slip in bath Sunday" (not "slip up", a mistake).
    '(i|she|he|mom|dad|mother|father) (also|just|kind of)? (slip|trip) !up',
  ],
  swelling: [
    'swell*', 'swollen', 'swolen', 'puffy', 'puffiness', 'puffed up', 'edema', 'retaining (water|fluid)', 'fluid (in|on) (my)? (legs|feet|ankles)',
    `${BODY} ... (huge|big|fat|tight) !than`, 'shoes (dont|do not|wont) fit', '(cant|cannot|can not|couldnt) (get|put|fit) (my|her|his)? (shoes|boots|socks|slippers) on', 'socks ... (marks|tight)',
  ],
  weight_gain: [
    '(gained|gaining|gain) ... (pound*|lb*|weight|kilo*)', '(pants|clothes|jeans|belt|ring|rings) ... (dont|do not|doesnt|wont|dont) fit', '(put|putting) on (weight|pounds)', '(weight|weigh*) ... (up|gain*|went up|more|higher|jumped)',
    'up (a|\\d+)? (pound*|lb*)',
  ],
  dizziness: ['dizz*', 'dizy', 'light headed', 'lightheaded', 'vertigo', 'woozy', 'swimmy*', 'head (is|was)? swimming', '(room|head|everything) ... (spin*|spinning)', 'unsteady', 'wobbly'],
  glucose_low: [
    `${SUGAR} ... (low|dropped|drop*|dip|dips|dipped|dipping|crash*|tanked|bottomed)`, '(low|dropping) (blood)? sugar', 'hypo', 'hypoglycemi*',
    'shaky ... (sweat*|clammy)', '(sweat*|clammy) ... shaky',
  ],
  glucose_high: [
    `${SUGAR} ... (high|up|over|through the roof|sky high|spiked|spiking|out of control)`, 'high (blood)? sugar', 'hyperglycemi*',
  ],
  glucose_high_danger: [],
  fluids_lost_danger: [],
  wound_infection_danger: [],
  blood_lost_danger: [],
  breathing: [
    'winded', 'wheez*', 'cough*', 'congest*', 'phlegm', 'mucus', '(get|getting|got|am|im) tired (walking|climbing)', '(puff|puffs|puffing|puffed) !up|once',
    // The inhaler reached for often: "using my rescue puffer every few hours" (not "breathing's easier since the new puffer").
    '(using|use|uses|used|need|needing|needed|grab*|on) (my|the|her|his)? (rescue)? (puffer|puffers) ...3 (every|all|more|lots|constantly|several|times)',
    '(breath*|breathing) ... (harder|heavier|faster|shallow|labored|short)', '(catch|get|getting|catching) (my|her|his)? breath',
    'short winded', '(short|out) of wind', 'huff* and puff*',
    // Breathing denied its ease: "not breathing easier at all", "no respiro bien" ("no shortness of breath" denies the trouble).
    '(not|no|isnt|aint|arent) (breathing|breathe|respiro|respira|respiramos|respirando) (well|good|right|easy|easier|any easier|great|normal|normally|ok|okay|bien|mejor|normal|como antes)',
    '(sleep|sleeping|slept) sitting up', '(sleep|sleeping|slept) in (a|my|the) (chair|recliner)', '(cant|cannot|can not) (lie|lay) (down|flat)',
  ],
  pain: [
    'pain', 'pains', 'paining', 'hurt*', 'ache*', 'aching', 'sore', 'cramp*', 'throbbing', 'migraine', 'headache',
    `(${PART.slice(1, -1)}|arthritis|pain) ... (killing|kills) me`,
    '(burn*|sting*) ... (pee|peeing|urinate|urinating|urine|bathroom)',
    // So that a denial of "chest pain" or "back pain" reaches the pain word inside.
    `${PART} (pain|pains|ache|aches|hurts|hurting)`,
  ],
  side_effects: [
    'side effect*',
    // The medicine doing it, with nobody else between: "the new pill has me dizzy", "these meds they make me tired" (not
    // "the pills the doctor gave me", "no medications, I think you have me mixed up with my husband").
    `${MEDICINE} ${NOBODY_ELSE}? ${NOBODY_ELSE}? ${NOBODY_ELSE}? ${NOBODY_ELSE}? (make*|made|making|has|have|got|gives|gave|giving) me`,
    '(barely|hardly|cant|cannot) (stay|keep) (awake|my eyes open)', '(upset*|bother*) (my)? stomach', 'rash', 'itch*',
    '(reaction|allergic) to (the|my)? (pill*|med*|medicine*|medication*)', 'metallic taste',
  ],
  mood: [
    'depress*', 'sad', 'lonely', 'hopeless', 'worthless', '(feel|feeling|felt) (down|low|blue|empty|alone)', 'anxious', 'anxiety',
    'panic*', 'cant sleep', '(cannot|can not) sleep', 'insomnia', 'crying', '(no|lost) (interest|motivation|energy)', 'overwhelmed', 'stressed',
    '(feel|feeling|felt) (really|real|so|very|pretty|kind of|kinda|a bit)? (down|low|blue|empty|alone|depressed|hopeless|useless)',
    'down in the dumps', 'lonesome', '(dont|do not) (want|wanna) (to)? get (out of|outta|up out of) bed', '(nothing|nothin) (is|gonna|going to|will) (get|getting)? better',
    // However it is said: "nothing is gonna get better", "it's never going to get better".
    '(nothing|nothin) (is|s|will)? (ever)? (gonna|going to|goin to) (get|getting|gets) better', 'never (gonna|going to|goin to|will)? (get|getting|gets) better',
    '(whats|what is|no|theres no|there is no) (the)? point', '(dont|do not|cant|cannot|no longer) enjoy (anything|nothing|life|things)', '(dont|do not|never) (feel like|want to) (do|doing) anything', 'given up',
  ],
  fever: ['fever*', 'feverish', 'chills', 'burning up', 'running a temp*', 'high temp*'],
  vomiting: [
    'vomit*', 'throw* up', 'threw up', 'puk*', 'nause*', 'queasy', 'diarrhea', 'diarrhoea', 'gag', 'gagging', 'gagged', 'retch*', 'dry heav*',
    `(cant|cannot|can not|couldnt) keep (anything|food|it|pills|meds|medicine|water) down`,
    '(sick|ill) to (my|her|his)? stomach', 'stomach (tore|torn|messed|tied) up', '(running|run|ran) to the (bathroom|toilet|restroom)', 'the runs',
  ],
  bleeding: ['bleed*', 'blood in (my)? (urine|pee|stool|poop|spit)', 'nosebleed*', 'bruis*', 'black (stool|poop)'],
};

const ES: CategoryPhrases<ConcernCategory> = {
  fall: [
    'me cai', 'me caigo', 'se cayo', 'se cae', '(una)? caida', '(me|se) resbal*', 'tropece', 'tropezo', '(perdi|pierdo) el equilibrio',
    'casi me (cai|caigo)', 'me fui al (suelo|piso)',
  ],
  swelling: [
    'hinchad*', 'hinchazon', 'hincha', 'hinchan', 'hinchar*', 'inflamad*', 'inflamacion', 'retengo (liquido|agua)',
    '(pies|tobillos|piernas|manos|pantorrillas|dedos) ... (grandes|gordos|gordas|gruesos|gruesas)', 'no me (quedan|entran) los zapatos',
  ],
  weight_gain: [
    '(subi|subido|subiendo|aumente|aumentado|aumentando|gane|ganado|ganando) ... (peso|libras|kilos)', 'engord*',
  ],
  dizziness: ['mare*', 'mariad*', 'vahido*', 'vaguido*', 'vertigo', '(todo|la cabeza) ... (vueltas|gira)', 'inestable', 'desequilibr*'],
  glucose_low: [
    '(azucar|glucosa) ... (baja|bajo|bajita|bajon)', 'se me bajo (el|la)? (azucar|glucosa)', 'hipoglucemia',
    'tembl* ... (sudando|sudor|sudada|sudado)', '(sudando|sudor) ... tembl*',
  ],
  glucose_high: ['(azucar|glucosa) ... (alta|alto|subio|subida|por las nubes|descontrolad*)', 'hiperglucemia'],
  glucose_high_danger: [],
  fluids_lost_danger: [],
  wound_infection_danger: [],
  blood_lost_danger: [],
  breathing: [
    'tos', 'tosiendo', 'flema*', 'silbido', 'me canso (al|cuando) (caminar|camino|subir)', 'congestion*', 'congestionad*',
    '(me|se)? (agito|agita|agitad*)', '(respiro|respira|respirando) (mas)? (rapido|agitad*|corto)', '(me|le) da fatiga', 'fatigad*',
    'dormir sentad*', 'dormir en (el|la|un|una) (sillon|silla)', 'no (puedo|puede) acostar*',
  ],
  pain: ['dolor*', 'duele*', 'adolorid*', 'calambre*', 'punzada*', 'migrana'],
  side_effects: [
    'efecto* secundario*', '(pastilla*|medicina*|medicamento*) ... (me)? (cae|caen|hace|hacen|da|dan) mal', 'ronchas', 'comezon',
    'alergia a (la|las|el|los)? (pastilla*|medicina*|medicamento*)',
    // "la metformina me cae mal": whatever the medicine's name.
    '(me|le) (cae|caen|cayo|cayeron|sienta|sientan) mal', 'me (hace|hacen) mal (al|el)? (estomago|panza)',
  ],
  mood: [
    'triste*', 'tristeza', 'deprimid*', 'depresion', 'me siento sol*', 'soledad', 'ansiedad', 'ansios*', 'angustiad*',
    'no puedo dormir', 'insomnio', 'llor*', 'sin ganas', 'desanimad*', 'nervios*',
    'no tengo ganas (de)? (nada|hacer nada)', '(me|se) (siente|siento) (muy|tan|bien|bastante|super)? (sol*|triste*|deprimid*|desanimad*)',
    '(sin|no tengo|no tiene|falta de|poco|nada de) (animo|ganas)', '(no le|ya no le) (encuentro|veo) (sentido|caso|salida)', 'para que (sigo|seguir)',
    // "Dice que ya para qué": what's the point anymore (not "para qué sirve", a question of use).
    'ya para que !sirve|sirven|es|son',
    'no vale la pena',
  ],
  fever: ['fiebre', 'calentura', 'escalofrio*', 'temperatura alta'],
  vomiting: [
    'vomit*', 'nause*', 'asco', 'diarrea', 'no (retengo|aguanto) (nada|la comida|las pastillas)', 'devolv*', 'arroj*', 'basca*',
    'chorrillo', 'soltura', 'estomago suelto', 'corredera', 'deposiciones',
  ],
  bleeding: ['sangr*', 'moreton*', 'morete*', '(salen|sale|salieron|tiene|tengo) (unos|muchos)? (morados|manchas moradas)'],
};

/** Clauses that tell no concern of the patient's: someone else's, or a vaccine's sore arm (the closed world's too). */
export function quietClauses(clauses: readonly (readonly string[])[]): boolean[] {
  const afterAShot = clausesOfAShotsSoreArm(clauses);
  return clausesAboutSomeoneElse(clauses).map((someoneElse, c) => someoneElse || afterAShot[c]!);
}

const DETECTOR = createPhraseDetector({ en: EN, es: ES }, CONCERN_CATEGORIES, { idioms: IDIOMS, resolved: RESOLVED, improved: IMPROVED, lingering: LINGERING, lasting: ['fall', 'bleeding'], quietClauses });

/** The concerns a text mentions (and does not deny), each once. */
export const readConcerns = (text: string): ConcernCategory[] => DETECTOR.mentions(text).map((m) => m.category);

/** The words of the concerns a text mentions, per clause (the closed world takes them as placed). */
export const concernSpans = (text: string) => DETECTOR.spans(text);
