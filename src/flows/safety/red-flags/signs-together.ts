/**
 * Signs that are weak alone and plain together, read in any words and any
 * order. Each sign is read as the red flags are (a plain denial, "no
 * numbness in my arm", is no sign). Pure: no I/O.
 * - A stroke: the face, arm and speech of BE-FAST. "Face funny", "my hand is
 *   numb", "the words not come" may each be nothing (a numb hand is often a
 *   neuropathy's, a funny face a joke), so none of them flags alone. Two of
 *   them in one text are a stroke until a clinician says otherwise: "the words
 *   not come ... wife says face funny", "she mout droop on one side an she
 *   cyan hol de cup".
 * - A heart attack: the chest, something that travels to the left arm or the
 *   jaw, a sweat, no breath. The red-flag lists read the chest told in a few
 *   words; told at length ("chest feels like a belt cinched up tight and its
 *   goin down my left arm. sweatin like crazy") the parts lie too far apart
 *   for a phrase. The chest or the arm, with any other of them, is the heart.
 */
import { IDIOMS } from '../../text/figures-of-speech.js';
import { createPhraseDetector, type CategoryPhrases, type Mention, type PhraseLocale } from '../../text/phrase-detector.js';
import { CANT, CHEST, CHEST_SYMPTOM } from './en.js';
import type { RedFlagCategory } from './types.js';

type Sign = 'face' | 'limb' | 'speech';
const SIGNS: readonly Sign[] = ['face', 'limb', 'speech'];
type HeartSign = 'chest' | 'spreads' | 'sweat' | 'breath';
const HEART_SIGNS: readonly HeartSign[] = ['chest', 'spreads', 'sweat', 'breath'];

const FACE = '(face|mouth|mout|smile|lip|lips|eye|eyelid|cheek)';
// "His mouth is going down on one side": a droop told as a movement.
const FACE_WRONG = '(funny|droop*|crooked|lopsided|uneven|sagging|saggy|numb*|weird|strange|different|slack|twisted|pulled|one side|to one side|to the side|going down|gone down|hanging down|pulling down|pulled down|sliding down)';
const LIMB = '(arm|arms|hand|hands|fingers|side|grip)';
const LIMB_WRONG = '(numb*|weak*|heavy|dead|tingl*|clumsy|useless|limp|wont work|not working|aint working|give out|gave out|giving out|asleep)';
const SPEAKING = '(talking|talkin|talk|talks|speak|speaks|spoke|speakin|speaking|speech|words|voice)';

const PHRASES: Readonly<Record<PhraseLocale, CategoryPhrases<Sign>>> = {
  en: {
    face: [`${FACE} ...3 ${FACE_WRONG}`, `${FACE_WRONG} ...2 ${FACE}`],
    limb: [
      `${LIMB} ...4 ${LIMB_WRONG}`,
      `${LIMB_WRONG} ...2 ${LIMB}`,
      `${CANT} (hold|hol|grip|lift|raise|pick up|squeeze|use|feel) ...3 (cup|glass|fork|spoon|pen|phone|mug|coffee|arm|hand|fingers|anything|nothing)`,
      '(dropping|drops|dropped|keeps dropping|kept dropping) (things|stuff|everything|the cup|his cup|her cup|my cup|the fork|cups)',
    ],
    speech: [
      '(words|word) ...2 (not|wont|dont|doesnt|cant|wouldnt|aint|will not) (come|coming|comes|come out|right|out)',
      `(not|aint|ain|isnt|wasnt|no) ${SPEAKING} (right|straight|normal|clear|clearly|sense)`,
      `${SPEAKING} ...2 (not|aint|isnt|wasnt) (right|normal|clear|making sense)`,
      `${SPEAKING} ...2 (funny|weird|wrong|strange|drunk|garbled|jumbled|mixed up|thick|off)`,
      'not making (any)? sense',
      `${CANT} (find|get|say|think of) (the|my|his|her)? (words|word|name of)`,
    ],
  },
  es: {
    face: [
      '(cara|boca|labio|labios|ojo|parpado|cachete) ...3 (chueca|chueco|torcida|torcido|caida|caido|dormida|dormido|rara|raro|de lado|ladeada|ladeado|colgada|colgado|floja|flojo)',
    ],
    limb: [
      '(brazo|brazos|mano|manos|dedos|lado) ...3 (dormido|dormida|entumido|entumida|entumecido|entumecida|debil|pesado|pesada|muerto|muerta|torpe|no responde|no funciona|no sirve|no le responde)',
      '(no puede|no puedo|no podia|no pudo) (agarrar|sostener|levantar|mover|apretar) ...3 (taza|vaso|tenedor|cuchara|brazo|mano|nada)',
      '(se le caen|se me caen|tira) (las cosas|todo|el vaso|la taza)',
    ],
    speech: [
      '(habla|hablar|hablando|palabras|voz) ...3 (rara|raro|enredad*|trabad*|mal|chistoso|chistosa|como borracho|como borracha|arrastrad*)',
      '(no le|no me) (salen|salian|sale) (las)? palabras',
      'arrastra (las)? palabras',
      'no (habla|hablaba|dice|decia) (bien|claro|cosas con sentido)',
    ],
  },
};

const TRAVELS = '(going|goin|goes|went|shooting|shootin|shoots|spreading|spreads|running|runnin|runs|ran|moving|moves|traveling|travels|radiating|radiates|moved|spread)';
const PECHO_MAL = '(dolor|duele|dolia|apretado|apretada|apretando|aprieta|presion|pesado|pesada|opresion|ardor|quema)';

const HEART_PHRASES: Readonly<Record<PhraseLocale, CategoryPhrases<HeartSign>>> = {
  en: {
    // The chest told at length: "chest feels like a belt cinched up tight".
    // Or bound, as a tightness is likened: "like somebody cinched a strap round it".
    chest: [`${CHEST} ...8 ${CHEST_SYMPTOM}`, `${CHEST_SYMPTOM} ...8 ${CHEST}`, `${CHEST} ...8 (strap|belt|band|vise|vice|clamp*|cinch*)`],
    spreads: [
      `${TRAVELS} (down|up|out)? (into|in|to|through|thru|along|down)? (my|his|her|the)? (left arm|left hand|left shoulder|jaw)`,
      `(left arm|jaw) ...3 ${CHEST_SYMPTOM}`,
    ],
    sweat: ['(sweat|sweating|sweatin|sweaty|sweats|clammy|drenched)'],
    breath: [`${CANT} (catch)? (my|his|her)? breath`, '(short|shortness|out) of (breath|breathe)', '(winded|breathless)'],
  },
  es: {
    chest: [`pecho ...8 ${PECHO_MAL}`, `${PECHO_MAL} ...8 pecho`],
    spreads: ['(brazo izquierdo|quijada|mandibula) ...3 (duele|dolor|dormido|dormida|entumido|pesado)', '(se me va|se va|baja|corre|se pasa|pasa) ...2 (al|hasta el|por el)? (brazo izquierdo|quijada|mandibula)'],
    sweat: ['(sudor|sudando|sudado|sudada|sudoroso|sudorosa|sudo|empapad*)'],
    breath: ['(falta|me falta|le falta) (el)? (aire|respiracion)', 'no (puedo|puede) respirar'],
  },
};

/** Signs read together: an emergency when `together` says the signs found in a text make one. */
export interface SignsTogether<Category extends RedFlagCategory> {
  /** The emergency the signs make together, or none. */
  mentions(text: string): Mention<Category>[];
  /**
   * Where the signs stand, per clause, when they are together (their words are then accounted for).
   * Most texts name no sign at all: their spans say so, and the signs are not read a second time.
   */
  spans(text: string): Array<Array<[number, number]>>;
}

function signsTogether<Sign extends string, Category extends RedFlagCategory>(
  phrases: Readonly<Record<PhraseLocale, CategoryPhrases<Sign>>>,
  signs: readonly Sign[],
  category: Category,
  together: (found: readonly Mention<Sign>[]) => boolean,
): SignsTogether<Category> {
  const detector = createPhraseDetector(phrases, signs, { idioms: IDIOMS });
  const mentions = (text: string): Mention<Category>[] => {
    const found = detector.mentions(text);
    return together(found) ? [{ category, locales: [...new Set(found.flatMap((sign) => sign.locales))] }] : [];
  };
  return {
    mentions,
    spans(text) {
      const spans = detector.spans(text);
      return spans.some((ranges) => ranges.length > 0) && mentions(text).length > 0 ? spans : [];
    },
  };
}

/** Two or more of the stroke's signs, each undenied. */
const STROKE = signsTogether(PHRASES, SIGNS, 'stroke', (found) => found.length >= 2);

/** Two or more of the heart's signs, the chest or the pain going to the left arm or the jaw among them. */
const HEART = signsTogether(HEART_PHRASES, HEART_SIGNS, 'chest_pain', (found) => found.length >= 2 && found.some((sign) => sign.category === 'chest' || sign.category === 'spreads'));

/** Every emergency read from signs together. */
export const SIGNS_TOGETHER: readonly SignsTogether<RedFlagCategory>[] = [STROKE, HEART];
