/**
 * Concerns a nurse wants to hear about (DOMAIN.md "What a nurse wants to
 * hear about"), found anywhere in a text, in English and Spanish: "I fell
 * last week but I'm ok now", "my ankles are really swollen", "shaky and
 * sweaty". Plain denials do not count ("no falls", "sin mareos"). Red flags
 * (emergencies) are found separately and first (src/flows/safety).
 * Pattern syntax: src/flows/text/phrase-pattern.ts.
 */
import { createPhraseDetector, type CategoryPhrases } from '../text/phrase-detector.js';

export const CONCERN_CATEGORIES = [
  'fall',
  'swelling',
  'weight_gain',
  'dizziness',
  'glucose_low',
  'glucose_high',
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
const SUGAR = '(sugar|sugars|glucose|blood sugar|bs|bg|numbers)';
const PART =
  '(chest|back|knee|knees|hip|hips|leg|legs|foot|feet|head|stomach|belly|neck|shoulder|shoulders|arm|arms|joint|joints|hand|hands|tooth|ear|throat|side|muscle|muscles)';

const EN: CategoryPhrases<ConcernCategory> = {
  fall: [
    'fell', 'falls', '(had|took) (a)? (fall|spill|tumble)', 'fall* (down|over|off|out)', 'slipped', 'tripped',
    '(almost|nearly|about to) (fell|fall)', 'lost (my)? balance', 'ended up on the floor',
  ],
  swelling: [
    'swell*', 'swollen', 'swolen', 'puffy', 'puffed up', 'edema', 'retaining (water|fluid)', 'fluid (in|on) (my)? (legs|feet|ankles)',
    `${BODY} ... (huge|big|fat|tight) !than`, 'shoes (dont|do not|wont) fit', 'socks ... (marks|tight)',
  ],
  weight_gain: [
    'gained ... (pound*|lb*|weight|kilo*)', '(put|putting) on (weight|pounds)', '(weight|weigh*) ... (up|gain*|went up|more|higher|jumped)',
    'up (a|\\d+)? (pound*|lb*)',
  ],
  dizziness: ['dizz*', 'dizy', 'light headed', 'lightheaded', 'vertigo', 'woozy', '(room|head|everything) ... (spin*|spinning)', 'unsteady', 'wobbly'],
  glucose_low: [
    `${SUGAR} ... (low|dropped|drop*|crash*|tanked|bottomed)`, '(low|dropping) (blood)? sugar', 'hypo', 'hypoglycemi*',
    'shaky ... (sweat*|clammy)', '(sweat*|clammy) ... shaky',
  ],
  glucose_high: [
    `${SUGAR} ... (high|up|over|through the roof|sky high|spiked|spiking|out of control)`, 'high (blood)? sugar', 'hyperglycemi*',
  ],
  breathing: ['winded', 'wheez*', 'cough*', 'congest*', 'phlegm', 'mucus', '(get|getting|got|am|im) tired (walking|climbing)', 'puff*'],
  pain: [
    'pain', 'pains', 'hurt*', 'ache*', 'aching', 'sore', 'cramp*', 'throbbing', 'migraine', 'headache',
    // So that a denial of "chest pain" or "back pain" reaches the pain word inside.
    `${PART} (pain|pains|ache|aches|hurts|hurting)`,
  ],
  side_effects: [
    'side effect*', '(pill*|med*|medicine*|medication*|tablet*) ... (make*|made|making) me', '(upset*|bother*) (my)? stomach', 'rash', 'itch*',
    '(reaction|allergic) to (the|my)? (pill*|med*|medicine*|medication*)', 'metallic taste',
  ],
  mood: [
    'depress*', 'sad', 'lonely', 'hopeless', 'worthless', '(feel|feeling|felt) (down|low|blue|empty|alone)', 'anxious', 'anxiety',
    'panic*', 'cant sleep', '(cannot|can not) sleep', 'insomnia', 'crying', '(no|lost) (interest|motivation|energy)', 'overwhelmed', 'stressed',
  ],
  fever: ['fever*', 'feverish', 'chills', 'burning up', 'running a temp*', 'high temp*'],
  vomiting: [
    'vomit*', 'throw* up', 'threw up', 'puk*', 'nause*', 'queasy', 'diarrhea', 'diarrhoea',
    `(cant|cannot|can not|couldnt) keep (anything|food|it|pills|meds|medicine|water) down`,
  ],
  bleeding: ['bleed*', 'blood in (my)? (urine|pee|stool|poop|spit)', 'nosebleed*', 'bruis*', 'black (stool|poop)'],
};

const ES: CategoryPhrases<ConcernCategory> = {
  fall: [
    'me cai', 'me caigo', 'se cayo', 'se cae', '(una)? caida', 'me resbale', 'tropece', '(perdi|pierdo) el equilibrio',
    'casi me (cai|caigo)', 'me fui al (suelo|piso)',
  ],
  swelling: ['hinchad*', 'hinchazon', 'inflamad*', 'inflamacion', 'retengo (liquido|agua)', 'pies ... (grandes|gordos)', 'no me (quedan|entran) los zapatos'],
  weight_gain: ['subi ... (peso|libras|kilos)', 'aumente ... (peso|libras|kilos)', 'engorde', 'gane ... (peso|libras|kilos)'],
  dizziness: ['mare*', 'vertigo', '(todo|la cabeza) ... (vueltas|gira)', 'inestable', 'desequilibr*'],
  glucose_low: [
    '(azucar|glucosa) ... (baja|bajo|bajita|bajon)', 'se me bajo (el|la)? (azucar|glucosa)', 'hipoglucemia',
    'tembl* ... (sudando|sudor|sudada|sudado)', '(sudando|sudor) ... tembl*',
  ],
  glucose_high: ['(azucar|glucosa) ... (alta|alto|subio|subida|por las nubes|descontrolad*)', 'hiperglucemia'],
  breathing: ['tos', 'tosiendo', 'flema*', 'silbido', 'me canso (al|cuando) (caminar|camino|subir)', 'congestion*', 'congestionad*'],
  pain: ['dolor*', 'duele*', 'adolorid*', 'calambre*', 'punzada*', 'migrana'],
  side_effects: [
    'efecto* secundario*', '(pastilla*|medicina*|medicamento*) ... (me)? (cae|caen|hace|hacen|da|dan) mal', 'ronchas', 'comezon',
    'alergia a (la|las|el|los)? (pastilla*|medicina*|medicamento*)',
  ],
  mood: [
    'triste*', 'tristeza', 'deprimid*', 'depresion', 'me siento sol*', 'soledad', 'ansiedad', 'ansios*', 'angustiad*',
    'no puedo dormir', 'insomnio', 'llor*', 'sin ganas', 'desanimad*', 'nervios*',
  ],
  fever: ['fiebre', 'calentura', 'escalofrio*', 'temperatura alta'],
  vomiting: ['vomit*', 'nause*', 'asco', 'diarrea', 'no (retengo|aguanto) (nada|la comida|las pastillas)', 'devolv*'],
  bleeding: ['sangr*', 'moretones', 'moreton*'],
};

const DETECTOR = createPhraseDetector({ en: EN, es: ES }, CONCERN_CATEGORIES);

/** The concerns a text mentions (and does not deny), each once. */
export const readConcerns = (text: string): ConcernCategory[] => DETECTOR.mentions(text).map((m) => m.category);
