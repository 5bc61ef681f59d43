/**
 * What a patient asks of the care team in a text, in English and Spanish:
 * to be called, who is writing, that it is the wrong number, that they
 * already answered, an appointment, a refill, or help (distress).
 * Pattern syntax: src/flows/text/phrase-pattern.ts.
 */
import { createPhraseDetector, type CategoryPhrases } from '../text/phrase-detector.js';

export const REQUEST_KINDS = ['distress', 'wrong_number', 'who_is_this', 'already_answered', 'callback', 'appointment', 'refill'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

const STAFF = '(a|the|my|some)? (nurse|doctor|dr|person|human|someone|somebody|coordinator|provider|real person)';

const EN: CategoryPhrases<RequestKind> = {
  distress: ['help me', 'helpme', '(please|pls|plz) help', 'help (please|pls|plz)', 'need (some)? help', 'emergency', 'sos'],
  wrong_number: [
    'wrong (number|person|phone|guy|lady)', '(no one|nobody|no body) (here)? (by|with) that name', 'not (me|my number)',
    '(dont|do not) know (who|this person|that person|any)', 'never (heard of|signed up)', 'who is (maria|john)',
  ],
  who_is_this: ['who (is|s) (this|texting|sending)', 'whos this', 'who are (you|u)', 'what is this', 'is this (a)? (scam|spam|real)', 'how did you get (my)? number'],
  already_answered: [
    'already (answered|replied|responded|told|said|did|sent|gave|filled)', 'i answered (this|that|it|you|already|yesterday)',
    'answered (this|that|it) (already|before|yesterday)', 'same question (again)?', 'asked (me)? (this)? already',
  ],
  callback: [
    'call me', 'give me a (call|ring)', `(can|could|would|will|please|pls) ${STAFF}? call`, 'call (me)? back', 'callback',
    `(talk|speak|speaking|talking) (to|with) ${STAFF}`, 'need to (talk|speak)', 'want to (talk|speak)', 'phone me',
  ],
  appointment: ['appointment', 'appt', 'schedule ... (visit|appointment|checkup)', '(see|seeing) (the|my|a)? (doctor|dr|provider)', 'reschedule'],
  refill: [
    'refill*', 'prescription*', 'rx', 'more (pills|meds|medicine|medication|insulin)', '(ran|run|running) (out|low)',
    'out of (my)? (pills|meds|medicine|medication|insulin)', 'pharmacy',
  ],
};

const ES: CategoryPhrases<RequestKind> = {
  distress: ['ayudame', 'ayudeme', 'ayudenme', 'necesito ayuda', 'ayuda por favor', 'por favor ayuda', 'auxilio', 'socorro', 'emergencia'],
  wrong_number: ['numero equivocado', 'equivocad*', 'no soy (yo)? (esa|ese)? (persona)?', 'no conozco (a)? (esa|ese)? (persona)?', 'aqui no vive'],
  who_is_this: ['quien (es|habla|eres|escribe|me escribe|manda)', 'quienes son', 'de donde (me)? (escriben|hablan|habla)', 'es (una)? estafa', 'como (consiguieron|obtuvieron) mi numero'],
  already_answered: ['ya (conteste|respondi|les dije|lo dije|mande|le dije|les conteste)', 'otra vez (la)? misma pregunta'],
  callback: [
    'llam*me', 'llameme', 'me (puede|pueden|podria|podrian|puedes) (llamar|marcar|hablar)', '(hablar|platicar) con (la|el|una|un|alguien|alguna)? (enfermera|enfermero|doctor|doctora|medico|persona)?',
    'necesito hablar', 'quiero hablar', 'que me (llamen|llame|marquen)', 'marquenme',
  ],
  appointment: ['cita', 'consulta', 'ver al (doctor|medico)', 'ver a la doctora', 'cambiar (mi)? cita'],
  refill: ['receta*', 'resurt*', 'surtir', 'se me (acab*|termin*)', 'mas (pastillas|medicina|medicamento|insulina)', 'farmacia'],
};

const DETECTOR = createPhraseDetector({ en: EN, es: ES }, REQUEST_KINDS);

/** What the text asks of the care team, most pressing first (order of REQUEST_KINDS). */
export function readRequests(text: string): RequestKind[] {
  const found = new Set(DETECTOR.mentions(text).map((m) => m.category));
  return REQUEST_KINDS.filter((kind) => found.has(kind));
}
