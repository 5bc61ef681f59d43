/**
 * What a patient asks of the care team in a text, in English and Spanish:
 * to be called, who is writing, that it is the wrong number, that they
 * already answered, an appointment, a refill, or help (distress).
 * Pattern syntax: src/flows/text/phrase-pattern.ts.
 */
import { createPhraseDetector, type CategoryPhrases } from '../text/phrase-detector.js';
import { normalizeText } from '../text/normalize.js';
import { THANKS_FOR_A_CALL } from '../text/figures-of-speech.js';

export const REQUEST_KINDS = ['distress', 'wrong_number', 'who_is_this', 'already_answered', 'callback', 'appointment', 'refill'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

const STAFF = '(a|the|my|some)? (nurse|doctor|dr|person|human|someone|somebody|coordinator|provider|real person)';

const EN: CategoryPhrases<RequestKind> = {
  distress: ['help me', 'helpme', '(please|pls|plz) help', 'help (please|pls|plz)', 'need (some)? help', 'emergency', 'sos'],
  wrong_number: [
    'wrong (number|person|phone|guy|lady)', '(no one|nobody|no body) (here)? (by|with) that name', 'not my (number|phone|cell)',
    '(dont|do not) know (this|that) person', '(this|that|it) (is|s)? not (my|her|his) (number|phone|cell)',
  ],
  who_is_this: [
    'who (is|s) (this|texting|sending)', 'whos this', 'who are (you|u)', 'what is this', 'is this (a)? (scam|spam|real)', 'how did you get (my)? number', 'who gave (you|u|yall|y all) (this|my) (number|phone|cell)',
    // "is this the clinic?", "is this dr patels office": asking whether it is really the practice writing.
    '(is|are) (this|these|you|u) (really)? (from)? (the|my|your)? (clinic|office|doctor*|dr|practice|hospital|nurse*)',
    // Or someone else who writes about medicines: "is this the pharmacy or the doctor?".
    '(is|are) (this|these|you|u) (from)? (the|my|your)? (pharmacy|drugstore|insurance|medicare)',
    '(dont|do not|didnt) recognize (this|the|your|that)? (number|phone)', 'is (this|it) (legit|legitimate)',
    // Whether a person is there: "is this a robot?", "does the reply go to a real person or a bot?".
    '(is|are) (this|these|it|you|u) (a|an)? (robot|bot|machine|computer|automated|automatic)', '(robot|bot|machine|computer) (or|o) (a)? (real)? (person|human)',
    '(real|actual) (person|human) (or|o) (a)? (robot|bot|machine|computer)',
  ],
  already_answered: [
    'already (answered|replied|responded|told|said|did|sent|gave|filled)', 'i answered (this|that|it|you|already|yesterday)',
    'answered (this|that|it) (already|before|yesterday)', 'same question (again)?', 'asked (me)? (this)? already',
  ],
  callback: [
    // Not a count of calls: "y'all call me more than my own kids do".
    'call me !more|less|too|so|every|all|alot|always|twice|than|enough', 'give me a (call|ring)', `(can|could|would|will|please|pls) ${STAFF}? call`, 'call (me)? back', 'callback',
    `(talk|speak|speaking|talking) (to|with) ${STAFF}`, 'need to (talk|speak)', 'want to (talk|speak)', 'phone me',
    // Asked through someone: "have the nurse return my call", "ask the doctor to ring me", "please get back to me".
    '(return|returns|returned|returning) (my|our|his|her|the|this)? (call|calls|phone call|message|messages)',
    `(have|ask|get|tell) ${STAFF} (to)? (call|ring|phone|contact|reach|text) (me|us|him|her|mom|dad|my)?`,
    `${STAFF} (call|ring|phone|contact|reach) (me|us|him|her|mom|dad)`,
    '(get|getting) back to (me|us)', '(contact|reach) (me|us) (today|tomorrow|please|asap|soon|when)',
  ],
  // Any word about an appointment is a question for the front desk, except one that went fine (PAST_APPOINTMENTS).
  appointment: [
    'appointment*', 'appt*', '(need|want|have) to (see|seeing) (the|my|a)? (doctor|dr|provider)', '(can|could) (i|she|he|we) (see|come in|get in)',
    'reschedule', '(get|come) in to see', '(make|get|schedule|book) (a)? new one',
  ],
  refill: [
    'refill*', 'prescription*', 'rx', 'more (pills|meds|medicine|medication|insulin) !than', '(ran|run|running) (out|low)',
    'out of (my)? (pills|meds|medicine|medication|insulin)',
    // "I'm out of my lasix": whatever the medicine is called (not "out of town", "out of breath").
    '(im|i am|were|we are|shes|she is|hes|he is|almost|nearly|completely|all|ran|run|running)? out of (my|her|his)? !me|us|him|them|you|10|ten|town|cell|range|service|signal|reception|nowhere|curiosity|mind|breath|bed|here|there|work|it|time|state|country|luck|ideas|the|hospital|surgery|shape|place|sorts|control|order|reach|money|food|milk|gas|pain|danger|patience',
    '(only|just) (got|have|has)? (1|2|3|4|5|one|two|three|four|five|a few|a couple|couple) (of)? ...3 (pill|pills|meds|tablet|tablets|capsules|doses|shots|refills)? left',
    // Caribbean and plain: "mi pressure pill dem finish", "my pills are all gone".
    '(pill|pills|meds|medicine|medicines|tablet|tablets) (dem)? (is|are|s)? (done|all)? (finish|finished|gone)',
    '(no|zero) (refills|pills|meds|tablets|doses) left', '(inhaler|bottle|pen|vial|pump|box) (is|s)? (empty|almost empty|nearly empty|out)',
    // About to end, however the ending is said: "the insulin pen almost finish", "my pills are nearly gone".
    '(pill|pills|meds|medicine|medicines|tablet|tablets|insulin|pen|pens|inhaler|vial|strips) ...2 (almost|nearly|about to|bout to|soon) (finish|finished|gone|empty|out|run out)',
  ],
};

const ES: CategoryPhrases<RequestKind> = {
  distress: ['ayudame', 'ayudeme', 'ayudenme', 'necesito ayuda', 'ayuda por favor', 'por favor ayuda', 'auxilio', 'socorro', 'emergencia'],
  wrong_number: [
    '(numero|telefono|persona) equivocad*', 'se (equivocaron|equivoco) de (numero|persona)', 'no (es|son) mi (numero|telefono|celular)',
    'no soy (esa|ese) persona', 'no conozco (a)? (esa|ese) persona', 'aqui no vive',
  ],
  who_is_this: [
    'quien (es|habla|eres|escribe|me escribe|manda)', 'quienes son', 'de donde (me)? (escriben|hablan|habla)', 'es (una)? estafa', 'como (consiguieron|obtuvieron) mi numero',
    '(es|son|esta es) (de)? (la|el|su|mi)? (clinica|oficina|consultorio|doctor*|medico|hospital)',
    '(es|eres|son) (un|una)? (robot|maquina|computadora|automatico|automaticos)', '(robot|maquina|computadora) (o|or) (una)? (persona|humano)', 'persona (real|de verdad) (o|or)',
    'de (que|cual) (clinica|oficina|consultorio|hospital)', 'quien (les|te|le) (dio|paso) (mi|este|el) numero', 'no (reconozco|conozco) (este|ese|el)? numero',
  ],
  already_answered: ['ya (conteste|respondi|les dije|lo dije|mande|le dije|les conteste)', 'otra vez (la)? misma pregunta'],
  callback: [
    'llam*me', 'llameme', 'llamarme', 'llamarnos', 'llamarle', 'me (puede|pueden|podria|podrian|puedes) (llamar|marcar|hablar)', '(hablar|platicar) con (la|el|una|un|alguien|alguna)? (enfermera|enfermero|doctor|doctora|medico|persona)?',
    'necesito hablar', 'quiero hablar', 'que me (llamen|llame|marquen)', 'marquenme',
    // Para otra persona: "¿la pueden llamar hoy?", "que la llame la enfermera", "devuélvame la llamada".
    '(la|lo|le|les) (puede|pueden|podria|podrian|puedes) (llamar|marcar|hablar)', 'que (la|lo|le|nos) (llamen|llame|marquen)',
    'llamar*la', 'llamar*lo', '(devuelva*|regrese*|regres*) (la|mi|su)? llamada', '(comuniquese|comuniquen*) conmigo',
  ],
  appointment: [
    'cita', 'citas', 'consulta !medica', '(necesito|quiero|tengo que) ver (al|a la) (doctor|doctora|medico)', 'me dan otra',
  ],
  refill: [
    'receta*', 'resurt*', 'surtir', 'se me (acab*|termin*)', 'mas (pastillas|medicina|medicamento|insulina)',
    'ya no (tengo|tiene|me queda|me quedan|le queda|le quedan) (pastillas|medicina|medicinas|medicamento*|insulina|pildoras)',
    '(me|le) (queda|quedan) (solo|nomas|nada mas|como|unas)? (1|2|3|4|5|una|dos|tres|cuatro|cinco|pocas) (pastillas|pildoras|dosis|tabletas)?',
    '(inhalador|frasco|bomba|pluma) ... (vacio|vacia)',
  ],
};

/** What is already done asks nothing: "went to my eye appointment, all good", "picked up my refill". */
const ALREADY_DONE = [
  '(went to|had|attended|back from|fui a|fuimos a|tuve|ya fui a) (my|mi|the|la|her|his|su|our)? ...2 (appointment|appt|cita|consulta)',
  '(appointment|appt|cita|consulta) ...2 (went|was|fue|salio) (well|good|great|fine|ok|okay|bien)',
  '(saco|sacaron|hizo|hicieron|sacamos) (la|mi|una)? (cita|consulta) ...4 (fui|fuimos)',
  // Noted down already: "ya apunté la cita en el calendario", "wrote the appointment on the fridge calendar".
  '(apunte|apunto|anote|anoto|apuntamos|anotamos|wrote|written|marked|jotted|put) (down)? (la|mi|su|the|my|her|his)? ...1 (appointment|appt|cita|consulta) ...4 (calendar|calendario|agenda|fridge|refri|nevera|book|libreta)',
  '(picked up|got|filled|refilled|collected|fetched|received) (my|the|her|his|mom|dads)? ...2 (refill*|prescription*|meds|pills|medicine|inhaler)',
  // Said the other way round: "my refill for the atorvastatin got picked up", "the prescription was filled".
  '(refill*|prescription*|meds|pills|medicine|inhaler) ...4 (got|was|were|been|is|are) (already)? (picked up|filled|refilled|called in|sent in|delivered)',
  '(surtieron|surtio|recogi|recogio|recogimos) (la|mi|las|los|mis)? (receta*|medicina*|pastillas|medicamento*)',
  // An empty pill organizer is the day's doses taken, not a medicine run out.
  '(pill box|pillbox|pill organizer|pill case|pastillero) ...3 (empty|emptied|vacio|vacia)',
];

/**
 * Help a thing gives is no call for help: "your texts help me stay on track", "it helps me remember",
 * "los mensajes me ayudan". A call for help has nobody named doing the helping ("help me", "please help").
 */
const HELP_RECEIVED = [
  '(it|this|that|they|these|those|texts|messages|reminders|reminder|alarm|app|pillbox|organizer|calls|you all|yall) (really|sure|do|does|did|always|all)? (help|helps|helped) (me|us)',
  '(helps|helped) (me|us)',
  // Someone named who helps: "my son help me take them", "my daughter helping me with the pills".
  '(son|daughter|wife|husband|grandson|granddaughter|grandkids|kids|nurse|aide|neighbor|caregiver|sister|brother|niece|nephew|family) (help|helps|helped|helping) (me|us)',
  '(me|nos) (ayuda|ayudan|ayudo|ayudaron|han ayudado|ha ayudado)',
  // Help asked with a chore is no cry for help: "who can help me with this meshugas?" (a portal's password),
  // "can you help me with the form" (what the chore is about is read as itself).
  '(who|someone|somebody|anyone|anybody|you|u|yall) (can|could) help (me|us) (with|to|figure|fill|set|log)',
  'help (me|us) (with|to) (the|my|this|a|that)? (portal|password|form|forms|paperwork|app|login|account|bill|mychart|computer|phone)',
];


/** An apartment in an address is no appointment: "412 Elm St Apt 3", "Calle Sol, apto 5B". */
const APARTMENT = ['(apt|apto|apts|apartment|apartamento|depto|unit) (#|no|number|num|numero)? (0*|1*|2*|3*|4*|5*|6*|7*|8*|9*)'];

/** Who to call, a form's line: "update my emergency contact", "mi contacto de emergencia" ask for no help. */
const EMERGENCY_CONTACT = ['(emergency|emergencia) (contact|contacts|contacto|contactos|person|persona)', '(contacto|contactos|persona) (de)? emergencia'];

const DETECTOR = createPhraseDetector({ en: EN, es: ES }, REQUEST_KINDS, { idioms: [...ALREADY_DONE, ...HELP_RECEIVED, THANKS_FOR_A_CALL, ...APARTMENT, ...EMERGENCY_CONTACT] });

/**
 * Said alone, these deny the number: "Not me.", "Never signed up", "No soy yo", "Equivocado". In a longer
 * text they are an aside ("Top fuel ran a 3.7, not me obviously lol", "I never heard of that side effect",
 * "no soy buena con los mensajes", "estaba equivocada, sí me la tomé"), and a wrong number stops every text
 * to the patient's phone: only a short text is taken for one.
 */
const SAID_ALONE = createPhraseDetector(
  {
    en: { wrong_number: ['not me', '(dont|do not) know (who|any|anyone|anybody)', 'never (heard of|signed up)', 'who is (maria|john)'] },
    es: { wrong_number: ['no soy (yo)?', 'no (la|lo|los|las)? conozco', 'equivocad*', 'nunca me (inscribi|registre|apunte)'] },
  },
  ['wrong_number'],
);
/**
 * The patient's own slip: "sorry wrong number, meant to text my grandson", "perdón, me equivoqué de chat".
 * They sent to us by mistake; our number is not wrong for them, and nothing stops. ("Sorry, wrong number"
 * alone is how someone who is not the patient answers us, and so are "I think you meant to text someone
 * else" and "este mensaje es para otra persona": those stay wrong numbers.)
 */
const OWN_SLIP = createPhraseDetector(
  {
    en: { wrong_number: ['i (meant|was trying|wanted) to (text|send|write|message)', '(sorry|oops|oop|my bad) (wrong number|wrong person)? (i)? (meant|was trying) to (text|send|write|message)', '(i|sorry|oops|oop|my bad) (just)? (sent|texted) (this|that|it) to the wrong'] },
    es: { wrong_number: ['me equivoque (de)? (numero|persona|chat|mensaje)?', '(era|iba) para mi (hija|hijo|nieta|nieto|esposo|esposa|hermana|hermano|mama|papa|sobrina|sobrino|amiga|amigo|vecina|vecino)', '(lo|les) (mande|envie) (a)? (la)? persona equivocada'] },
  },
  ['wrong_number'],
);
/** At most this many words make a text short enough for a denial in it to be the whole answer. */
const ALONE_WORDS = 5;
const wordCount = (text: string) => normalizeText(text).split(' ').filter((word) => word !== '').length;

/** The words of the requests a text makes, per clause (the closed world takes them as placed). */
export const requestSpans = (text: string) => DETECTOR.spans(text);

/** What the text asks of the care team, most pressing first (order of REQUEST_KINDS). */
export function readRequests(text: string): RequestKind[] {
  const found = new Set(DETECTOR.mentions(text).map((m) => m.category));
  if (wordCount(text) <= ALONE_WORDS && SAID_ALONE.mentions(text).length > 0) found.add('wrong_number');
  if (OWN_SLIP.mentions(text).length > 0) found.delete('wrong_number');
  return REQUEST_KINDS.filter((kind) => found.has(kind));
}
