/**
 * The words of health, in English and Spanish, grouped by what a denial or
 * a "better" does to them. The closed world (closed-world.ts) reads every
 * other real word as everyday life; these are the words that make a text
 * worth a nurse's eyes unless the sentence plainly settles them ("no pain",
 * "breathing is better", "the cough is gone"). They are words, not phrases
 * of concerns: a patient can put them together in ways no list foresees,
 * and any such sentence still reaches a person. An entry ending in "*" is a
 * stem; accents are folded as tokenize() folds them. Pure: no I/O.
 */

/** What is wrong with a body: the body's parts and its symptoms. "No", "better" or "gone" settles them. */
const SYMPTOMS_AND_BODY = [
  // English: the body
  'head', 'headache*', 'chest', 'heart', 'hearts', 'arm', 'arms', 'leg', 'legs', 'foot', 'feet', 'ankle*', 'knee*', 'hip', 'hips',
  'shoulder*', 'neck', 'stomach*', 'belly', 'tummy', 'gut', 'guts', 'throat', 'eye', 'eyes', 'eyesight', 'vision', 'ear', 'ears',
  'mouth', 'lip', 'lips', 'tongue', 'face', 'skin', 'hand', 'hands', 'finger*', 'toe', 'toes', 'toenail*', 'lung', 'lungs', 'kidney*',
  'bladder', 'bowel*', 'blood', 'bloody', 'urine', 'pee', 'peeing', 'poop*', 'stool*', 'bone', 'bones', 'joint', 'joints',
  'muscle*', 'wound*', 'incision*', 'stitches', 'gum', 'gums', 'teeth', 'tooth', 'jaw', 'rib', 'ribs', 'spine', 'groin', 'wrist*',
  'elbow*', 'calf', 'calves', 'thigh*', 'pelvis', 'prostate', 'liver', 'brain', 'nose', 'sinus*', 'forehead', 'scalp',
  'heel*', 'shin', 'shins', 'breast*', 'armpit*', 'butt', 'rectum', 'rectal', 'vagina*', 'penis', 'testicle*', 'abdomen', 'abdominal',
  // English: symptoms
  'pain', 'pains', 'painful', 'painfully', 'ache', 'aches', 'ached', 'aching', 'achy', 'hurt*', 'sores', 'soreness', 'swell*', 'swollen', 'puff*', 'bloat*', 'dizz*', 'lightheaded*',
  'faint*', 'nause*', 'queasy', 'vomit*', 'puke*', 'puking', 'cough*', 'fever*', 'feverish', 'chill', 'chills', 'sweat*', 'clammy',
  'shak*', 'trembl*', 'tremor*', 'jitter*', 'numb', 'numbness', 'tingl*', 'itch*', 'rash*', 'hives', 'bruis*', 'bleed*', 'bled', 'cramp*',
  'spasm*', 'tight*', 'burn*', 'sting*', 'throb*', 'sharp', 'dull', 'breath*', 'wheez*', 'gasp*', 'chok*',
  'winded', 'muddl*', 'phlegm', 'mucus', 'congest*', 'blackout*', 'migraine*', 'confus*', 'disorient*', 'letharg*', 'fatigue*', 'exhaust*',
  'insomnia', 'constipat*', 'diarrh*', 'palpitat*', 'flutter*', 'racing', 'pounding', 'irregular', 'swallow*', 'slur*', 'droop*',
  'blur*', 'blind*', 'infect*', 'pus', 'ooz*', 'drain*', 'discharge', 'fluid', 'edema', 'gout', 'arthritis', 'flare*', 'flu',
  'virus', 'covid', 'sick', 'sickly', 'sicker', 'ill', 'illness', 'weak', 'weaker', 'weakness', 'tired*', 'sleepy', 'drows*',
  'groggy', 'stiff*', 'sprain*', 'fractur*', 'injur*', 'lump*', 'bump*', 'sore', 'ulcer*', 'blister*', 'scab*', 'limp', 'limping', 'limped', 'gassy',
  'heartburn', 'reflux', 'indigestion', 'hoarse', 'snor*', 'thirst*', 'parched', 'jaundice*', 'gag', 'gags', 'gagg*',
  // The shorthand of charts, which patients who were nurses write: short of breath, on exertion; chest pain.
  'sob', 'doe', 'cp', 'shortness',
  'clot', 'clots', 'clotting', 'stabbing', 'neuropathy', 'jaundice*', 'hemorrhoid*', 'incontinen*', 'urgency',
  // Spanish: the body
  'cabeza', 'pecho', 'corazon', 'brazo*', 'pierna*', 'tobillo*', 'rodilla*', 'cadera*', 'hombro*', 'cuello',
  'estomago', 'panza', 'barriga', 'vientre', 'abdomen', 'garganta', 'ojo', 'ojos', 'vista', 'oido*', 'oreja*', 'boca', 'labio*',
  'lengua', 'cara', 'piel', 'mano', 'manos', 'dedo', 'dedos', 'pulmon*', 'rinon*', 'vejiga', 'intestino*', 'sangre', 'orina', 'pipi',
  'popo', 'heces', 'hueso*', 'articulacion*', 'musculo*', 'herida*', 'encia*', 'diente*', 'muela*', 'mandibula',
  'costilla*', 'columna', 'espalda', 'cintura', 'ingle', 'muneca*', 'codo', 'codos', 'pantorrilla*', 'muslo*', 'higado', 'cerebro',
  'nariz', 'talon*', 'seno', 'senos', 'nalga*', 'cuerpo',
  // Spanish: symptoms
  'dolor*', 'duele*', 'dolia', 'dolio', 'adolorid*', 'ardor*', 'arde', 'hinch*', 'inflam*', 'mareo', 'mareos', 'mareado', 'mareada', 'marear', 'mareando', 'mareas', 'desmay*', 'nause*',
  'vomit*', 'devolv*', 'tos', 'tosiendo', 'toso', 'fiebre', 'calentura', 'escalofrio*', 'sudor*', 'sudand*', 'temblor*',
  'tembl*', 'entumid*', 'adormecid*', 'hormigue*', 'picazon', 'comezon', 'ronchas', 'sarpullido', 'moreton*', 'morete*',
  'sangr*', 'calambre*', 'punzada*', 'opresion', 'apret*', 'respir*', 'aire', 'ahog*', 'asfixi*', 'flema*', 'silbido',
  'congestion*', 'migrana*', 'confundid*', 'confundiendo', 'confunde', 'desorientad*', 'cansad*', 'cansancio', 'canse', 'canso', 'cansa', 'cansas', 'fatiga*', 'agotad*', 'debil*', 'insomnio',
  'estrenid*', 'diarrea', 'palpitacion*', 'taquicardia', 'arritmia', 'tragar', 'borros*', 'ciego', 'ciega', 'infeccion*',
  'infectad*', 'pus', 'liquido', 'gota', 'artritis', 'gripa', 'gripe', 'resfri*', 'enferm*', 'malest*', 'flojo', 'floja', 'flojera', 'rigid*', 'esguince',
  'fractura*', 'golpe*', 'golpead*', 'bolita*', 'chichon', 'ulcera*', 'ampolla*', 'cojea*', 'acidez', 'agruras', 'ronc*',
  'sed', 'palid*', 'coagulo*', 'hemorroide*',
];

/** What a body does: doing it is everyday life; not doing it, or doing it all day, is news. */
const FUNCTIONS = [
  'sleep*', 'slept', 'asleep', 'awake', 'eat', 'eats', 'eating', 'ate', 'eaten', 'appetite', 'hungry', 'drink', 'drinking',
  'drank', 'walk*', 'stand*', 'stood', 'climb*', 'stairs', 'steps', 'balance', 'urinat*', 'bathroom', 'toilet', 'talk*',
  'speak*', 'spoke', 'hear', 'hearing', 'think', 'thinking', 'remember*', 'wake', 'woke', 'waking', 'move', 'moving',
  'dormir', 'duerm*', 'dormi*', 'durmi*', 'comer', 'comio', 'comi', 'comiendo', 'apetito', 'hambre', 'beber',
  'tomar', 'caminar', 'camin*', 'pararme', 'parar*', 'levant*', 'subir', 'escalera*', 'equilibrio', 'orinar', 'bano',
  'hablar', 'habl*', 'oir', 'pensar', 'acordar*', 'recordar*', 'despert*', 'mover*', 'muevo',
];

/** Feelings a nurse wants to hear of; "no" settles them ("no anxiety", "don't worry"). */
const MOOD = [
  'sad', 'sadness', 'lonely', 'lonesome', 'depress*', 'anxious', 'anxiety', 'nervous', 'panic*', 'afraid',
  'fear*', 'frighten*', 'worr*', 'stress*', 'upset*', 'cry', 'cries', 'crying', 'cried', 'tears', 'hopeless', 'helpless', 'worthless',
  'overwhelm*', 'frustrat*', 'scare', 'scared', 'scares', 'scaring', 'scary', 'grief', 'griev*', 'mourn*', 'numb', 'irritable', 'moody', 
  'triste*', 'tristeza', 'soledad', 'deprimid*', 'depresion', 'ansios*', 'ansiedad', 'nervios*',
  'panico', 'miedo', 'asustad*', 'preocup*', 'estres*', 'angusti*', 'llor*', 'desesper*', 'desanimad*', 'agobiad*', 'duelo',
];

/**
 * Words of trouble and change: a text with one of them tells of something
 * gone wrong or different, unless it denies it ("no problems", "nothing
 * wrong").
 */
const TROUBLE = [
  'bad', 'badly', 'worse', 'worst', 'wrong', 'weird', 'strange', 'funny', 'odd', 'unusual', 'different', 'problem*', 'trouble*',
  'issue*', 'hard', 'harder', 'difficult*', 'struggl*', 'cant', 'cannot', 'couldnt', 'unable', 'concern*', 'rough',
  'awful', 'terrible', 'horrible', 'lousy', 'crappy', 'miserable', 'anymore', 'stop', 'stopped', 'quit', 'missed',
  'forgot', 'forget*', 'skip*', 'falto', 'faltaron', 'faltan', 'faltado', 'falta', 'complain*', 'quej*', 'afford*', 'expensive', 'cost', 'costs', 'costly', 'copay*', 'deductible', 'pricey', 'costo', 'costos',
  'losing', 'tumble', 'tumbled', 'fell', 'fall', 'falls', 'falling', 'fallen', 'tripped', 'accident*', 'broke', 'broken',
  'die', 'dying', 'died', 'dead', 'death', 'fallec*', 'funeral', 'velorio', 'entierro', 'kill', 'kills', 'killing', 'killed', 'suicid*', 'gun', 'emergency', 'urgent*',
  'ambulance', '911', 'er', 'hospital*', 'surgery', 'discharged', 'admitted', 'changed', 'switched', 'increased', 'decreased',
  'doubled', 'halved', 'upped', 'lowered', 'allerg*', 'reaction', 'worsen*', 'empeor*', 'callback',
  'emergencia*', 'urgencia*', 'ambulancia', 'hospital', 'internad*', 'internaron', 'hospitaliz*', 'ingresaron', 'operacion', 'cirugia', 'mal', 'malo', 'mala',
  'peor', 'raro', 'rara', 'extran*', 'diferente', 'problema*', 'dificil', 'cuesta', 'dej*', 'olvid*', 'caro', 'pagar',
  'perdi*', 'cai', 'caido', 'caida', 'cayo', 'resbal*', 'tropec*', 'accidente', 'morir*', 'muer*', 'matar*', 'cambiaron',
  'cambio', 'aumentaron', 'redujeron', 'quitaron', 'llamar*', 'llame*', 'llamen', 'llamada',
  'alergi*', 'reaccion', 'need', 'needs', 'needed', 'necesito', 'necesita', 'necesitamos', 'ocupo',
  'question', 'questions', 'pregunta', 'preguntas', 'duda', 'dudas',
  // Refusing care: "he refused his insulin", "se niega a comer".
  'refus*', 'rechaz*', 'niega', 'nego',
  // Care turned down: "the prior auth got denied", "el seguro la negó".
  'denied', 'declined', 'rejected', 'negaron',
];

/**
 * The care a patient gets: seeing the doctor, the pharmacy, a flu shot, an
 * inhaler. Everyday life for them; not getting it ("couldn't get my
 * refill", "no me pude poner la insulina") is news.
 */
const CARE = [
  'doctor*', 'dr', 'doc', 'nurse*', 'clinic', 'appointment*', 'appt', 'referral', 'specialist', 'cardiologist', 'procedure*',
  'result*', 'lab', 'labs', 'a1c', 'hba1c', 'dialysis', 'dialisis', 'xray', 'scan', 'mri', 'biopsy', 'prescri*', 'refill*', 'pharmac*', 'dose*', 'dosage', 'mg',
  'insulin', 'inhaler', 'puffer', 'puffers', 'injection*', 'shot', 'shots', 'drops', 'tablet*', 'capsule*', 'vaccine*', 'insurance', 'medicare',
  'medicaid', 'doctora', 'medico', 'medica', 'enfermera*', 'clinica', 'cita', 'citas', 'receta*', 'farmacia',
  'seguro', 'dosis', 'insulina', 'inyeccion*', 'gotas', 'inhalador', 'vacuna*',
];

/** What patients measure: news when its clause says how it went ("sugar's been running high"), unless a reading was read. */
const MEASURES = [
  'sugar', 'sugars', 'glucose', 'pressure', 'bp', 'oxygen', 'pulse', 'temperature', 'temp', 'weight', 'azucar', 'glucosa',
  'presion', 'oxigeno', 'pulso', 'temperatura', 'peso',
];

/** How a measure went: "high", "low", "up", "all over the place", "alta", "se me subió". */
export const LEVELS = new Set([
  'high', 'higher', 'highs', 'low', 'lower', 'lows', 'up', 'down', 'elevated', 'spiked', 'spiking', 'dropped', 'dropping',
  'crazy', 'over', 'climbing', 'jumped', 'dip', 'dips', 'dipped', 'dipping', 'crashing', 'crashed', 'tanking', 'tanked', 'alta', 'alto', 'altas', 'altos', 'baja', 'bajo', 'bajas', 'bajos', 'subio',
  'subida', 'bajo', 'elevada', 'elevado', 'descontrolada', 'descontrolado',
]);

/** Slips in taking care: news when said, good news when denied ("never missed a day", "no me faltó nada"). */
export const LAPSES = new Set(['miss', 'missed', 'missing', 'forgot', 'forget', 'forgotten', 'skip', 'skipped', 'falta', 'falto', 'faltaron', 'faltan', 'faltado', 'olvide', 'olvido',
  // "Se me pasó la de la noche": it slipped by; "no se me pasó ninguna", none did.
  'paso', 'pasaron']);

/** Being glad, said after a tiredness: "pero contenta", "but happy". */
export const CONTENT = new Set(['contento', 'contenta', 'contentos', 'contentas', 'feliz', 'felices', 'happy', 'glad', 'worth', 'fun', 'satisfied']);

/** Words saying a body part or a symptom is well ("my legs look fine", "breathing better"): they settle its clause. */
export const WELL = new Set([
  'fine', 'good', 'great', 'better', 'helping', 'helps', 'helped', 'working', 'works', 'fixed', 'arreglo', 'sirve', 'sirviendo', 'ok', 'okay', 'normal', 'well', 'same', 'improving', 'improved', 'healed', 'healing',
  // Not "gone": "gone blurry" is no better; what is gone is read with what it is said of (RESOLVED).
  'clear', 'steady', 'stable', 'perfect', 'bien', 'mejor', 'mejorando', 'igual', 'perfecto', 'perfecta', 'buena',
  'bueno', 'normales', 'estable', 'sano', 'sana', 'smooth', 'easier', 'easy', 'grand',
]);

/** A well-word, or its Spanish plural: "los riñones están estables", "los pies están buenos". */
export const isWell = (token: string) => WELL.has(token) || (/[^s]s$/.test(token) && (WELL.has(token.slice(0, -1)) || WELL.has(token.slice(0, -2))));

/**
 * Doing a body's work too much, or too little: "sleeping all day", "duerme todo el día", "eating less", "come menos que
 * antes". Pattern syntax: src/flows/text/phrase-pattern.ts.
 */
export const EXCESS = ['less', 'less and less', 'not as much', 'menos', 'no tanto', 'most of the (day|night)', 'la mayor parte del dia', '(times|veces) (a|al|per|por) (day|dia|night|noche)', 'more than usual', 'more often', 'mas de lo normal', 'all day', 'all night', 'all the time', 'too much', 'too many', 'nonstop', 'constantly', 'todo el dia', 'toda la noche', 'todo el tiempo', 'demasiad*', 'mucho mucho'];

/** Medicine names, whatever the patient takes: a name is news unless it is one of theirs. */
const MEDICINE_SUFFIXES = /(pril|prilo|olol|sartan|statina?|formina?|azole?|dipin[ao]?|semid[ae]|thiazid[ae]|xaban|farin[ae]?|gliptin[ae]?|glutid[ae]|gliflozin[ae]?|cilin[ae]?|cillin|micin[ae]?|mycin|floxacin[ao]?|ciclin[ae]|cycline|prazol|prazole|tidin[ae]|oxetin[ae]|azepam|codon[ae]|profen[oa]?|nisone?|nisolona|itis|emia|osis|algia|ectomy|ectomia)$/;

export type HealthGroup = 'symptom' | 'function' | 'mood' | 'trouble' | 'care' | 'measure' | 'medicine';

interface Lookup {
  words: Map<string, HealthGroup>;
  stems: Array<[string, HealthGroup]>;
}

function compile(): Lookup {
  const words = new Map<string, HealthGroup>();
  const stems: Array<[string, HealthGroup]> = [];
  const add = (entries: readonly string[], group: HealthGroup) => {
    for (const entry of entries) {
      if (entry.endsWith('*')) stems.push([entry.slice(0, -1), group]);
      else if (!words.has(entry)) words.set(entry, group);
    }
  };
  // Earlier groups win: "blue" is a mood, "numb" a symptom.
  add(SYMPTOMS_AND_BODY, 'symptom');
  add(MOOD, 'mood');
  add(MEASURES, 'measure');
  add(FUNCTIONS, 'function');
  add(TROUBLE, 'trouble');
  add(CARE, 'care');
  stems.sort((a, b) => b[0].length - a[0].length);
  return { words, stems };
}

const LOOKUP = compile();

/** Which group of health words a token belongs to, if any. */
export function healthGroup(token: string): HealthGroup | null {
  const exact = LOOKUP.words.get(token);
  if (exact) return exact;
  for (const [stem, group] of LOOKUP.stems) if (token.startsWith(stem) && token.length >= stem.length) return group;
  if (token.length >= 6 && MEDICINE_SUFFIXES.test(token)) return 'medicine';
  return null;
}
