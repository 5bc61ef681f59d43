/**
 * The front desk's texts: a new phone number or address, when the office
 * opens, where to park, what the texts cost, a copy of the shot records,
 * the messages in Spanish or at another hour. A person must act on them, but
 * not a nurse: they go to the front desk's list instead of the patient's case.
 *
 * A text is the front desk's only when an office matter is named in it, no
 * word of it outside that matter is a word of health (lexicon.ts), and the
 * closed world finds no other news in it: "my new number, and my chest
 * hurts" and "no tengo cómo ir a la cita" are the care team's. Any doubt stays
 * with the care team, and the front desk can pass a text on to it. Pure: no I/O.
 */
import { findPhrase } from '../text/phrase-match.js';
import { compilePattern, type PhrasePattern } from '../text/phrase-pattern.js';
import { tokenize } from '../text/normalize.js';
import { leftOver } from './closed-world.js';
import { FUNCTION_WORDS, IDIOM_PATTERNS, SAYINGS } from './closed-world-words.js';
import { healthGroup } from './lexicon.js';
import { readRequests } from './requests.js';

export const OFFICE_TOPICS = ['appointments', 'contact_details', 'office_hours', 'billing', 'records', 'how_we_write'] as const;
export type OfficeTopic = (typeof OFFICE_TOPICS)[number];

const PHONE = '(number|numero|phone|cell|cellphone|celular|telefono|email|correo|address|direccion|domicilio)';
const OUR_TEXTS = '(texts|text|messages|message|mensajes|mensaje|reminders|reminder|recordatorios|recordatorio|textos|these|estos|esto)';

/** The words of each office matter; an appointment asked for is the request reader's (requests.ts). */
const PATTERNS: Record<Exclude<OfficeTopic, 'appointments'>, string[]> = {
  contact_details: [
    `(new|nuevo|nueva) ${PHONE}`,
    `${PHONE} (nuevo|nueva)`,
    `(changed|change|changing|update|updated|updating|cambie|cambiar|cambio|actualizar|actualicen) (my|mi|the|el|la|his|her|su|de)? (mailing|home|phone|cell)? ${PHONE}`,
    `(mailing|home|postal|billing) address`,
    // Who to call for them: "please update my emergency contact to my husband".
    '(emergency|emergencia) (contact|contacts|contacto|contactos)', '(contacto|contactos) de emergencia',
    // The noun first: "my address changed", "mi número cambió"; and where one lives now, "ahora vivo en ...".
    `(my|mi|his|her|su|our|nuestro|nuestra) ${PHONE} (changed|has changed|is changing|cambio|ha cambiado|va a cambiar)`,
    '(ahora|now|we now|i now) (vivo|vivimos|vive|live|living|reside) (en|at|in|on)',
    // A name written wrong: "ya spelled my name wrong, its Bernadette with two t's".
    '(spelled|spelt|spell|wrote|write|escribieron|escriben) (my|mi|her|his|su|the) (name|last name|nombre|apellido) (wrong|mal|incorrect*)',
    `(moved|moving|we moved|me mude|nos mudamos|nos cambiamos) (to|a|de casa)`,
    // "Este es mi número ahora", "this is my number now".
    `(this|este|esta|aqui) (is|es|esta) (my|mi|her|his|su) (new|nuevo|nueva)? ${PHONE} (now|ahora)`,
  ],
  office_hours: [
    '(office|clinic|clinica|oficina|consultorio) (open|opens|close|closes|closed|hours|abre|cierra|horario)',
    '(y all|you|yall|ustedes|you guys) (open|closed|be open|estan abiertos|van a estar abiertos|abren|cierran)',
    '(abiertos|abierto|cerrado|cerrados) (el|los|este|para)',
    // "What time does the pharmacy in your building close on Saturday?": whichever of the building's doors.
    '(what|which) time (does|do|is) ...5 (open|opens|close|closes)',
    '(a que hora|que horario) (abren|cierran|abre|cierra)',
    // Where the car goes is a place's question, whatever the visit is for: "where do I park for the lab?"
    // (before the words alone, which would take "park" first).
    '(park|parking|estaciono|estacionar|estacionarme|parqueo|parquear) (for|para) (the|los|las|el|la|my|mi)? (lab|labs|laboratorio|laboratorios|x ray|x rays|xray|rayos x|bloodwork|blood work|analisis|mammogram)',
    '(no|couldnt|could not|cant|didnt) (encontre|encontramos|habia|hay|find|found) (a)? (lugar|espacio|estacionamiento|spot|space|parking)',
    // Not "parque": a walk in the park is no question of where to leave the car.
    'parking (lot|garage|spot|space|pass)?', '(where|donde) ...3 (park|estacionar|estaciono|estacionarme|parqueo|parquear)', 'estacionamiento',
    // The practice's own news: "did Dr. Goldstein retire?", "¿ya se jubiló la doctora?".
    '(doctor|dr|doc|doctora|nurse|enfermera) ...2 (retire|retired|retiring|jubilo|jubila|leaving|left the)',
    '(same|new|old|other) (office|clinic|location|oficina|clinica)',
    '(de vacaciones|on vacation|back from vacation|regreso de vacaciones)',
    '(directions|como llego|how do i get) (to|a)? (the|la|el|your)? (office|clinic|clinica|oficina)',
    // Closed for a holiday: "y'all gonna be closed for Mardi Gras?", "is the clinic open on Good Friday".
    '(you|yall|y all|you guys|office|clinic|clinica|oficina) ...2 (closed|open) (for|on)',
    // Who sees patients there, and when: "¿atienden el viernes santo?", "¿la doctora Salas todavía atiende ahí?".
    // (Not "trabaja": "mi hijo trabaja en Texas" is family news, not the office's.)
    '(atienden|atiende|consulta) (el|los|este|hoy|manana|ahi|alli|aqui|todavia|aun|los sabados|en)',
    '(todavia|aun) atiende (ahi|alli|aqui|en)?',
    // Not "it still works": a phone dropped in the sink is nobody's news.
    'still (work|works|practice|practices|see patients|sees patients) (there|here|at)',
    '(se fue|se cambio|moved|went|left) (a|to|for) (otra|otro|another|a different|other) (clinica|clinic|office|oficina|consultorio|practice)',
  ],
  billing: [
    '(bill|billed|billing|charge|charged|charges|cobrar|cobran|cobro|factura|cuenta) ...3 (texts|text|messages|mensajes|these|estos)',
    '(cobrar|cobran|cobro|bill|charge) (me|for|por)',
    // The pronouns first: "¿y esto me lo van a cobrar?".
    '(me|nos|le) (lo|la|los|las)? (van a|va a|vayan a|iran a)? (cobrar|cobran|cobraron|cobraran)',
    '(medicare|medicaid|insurance|seguro) (pay|pays|paying|cover|covers|cubre|paga)',
    '(new|nueva|nuevo) (insurance|seguro|medicare|medicaid) (card|tarjeta)?',
    '(insurance|medicare|medicaid|seguro) (card|tarjeta)',
    '(tarjeta|card) (nueva|new)? (del|de|of|from)? (seguro|insurance|medicare|medicaid)',
    '(getting|get|got|send me) a (bill|statement)',
    // Whether the practice takes a plan: "¿ustedes aceptan el seguro nuevo de Molina?", "do you take Humana".
    '(accept|accepts|take|takes|aceptan|acepta|toman|reciben) (my|the|mi|el|su|this|ese|este)? (new|nuevo|nueva)? (insurance|seguro|plan|medicare|medicaid|humana|molina|aetna|cigna|tricare)',
    // A bill for the program itself: "I receive bill $42 for chronic care".
    '(bill|billed|charge|charged|statement|factura|cobro|cobraron) ...4 (chronic care|care management|ccm)',
    // A plan changed: "me cambiaron el plan", "they changed my insurance".
    '(cambiaron|cambio|changed|change|switched) (my|mi|el|the|de)? (plan|insurance|seguro|medicare plan)',
    // The noun first: "my seguro changed en enero".
    '(my|mi|el|the|our|nuestro) (plan|insurance|seguro|medicare plan) (changed|has changed|is changing|cambio|va a cambiar)',
    // A bill that came: "me llegó una factura de $45", "I got a statement from y'all".
    '(llego|llegaron|recibi|got|received|get|getting) (una|un|a|the|this|esta|este|la|el)? (factura|facturas|bill|cobro|statement|invoice)',
    // The bill first: "¿cuánto pago de la factura que me llegó?", "the statement that came Tuesday".
    '(factura|facturas|cobro|bill|statement|invoice) (que|that|which)? (me|nos|le)? (llego|llegaron|came|come|arrived|llega)',
    // What a visit costs: "¿cuánto cuesta la consulta si no tengo el seguro?" (not what a medicine costs).
    '(cuanto|how much) (cuesta|cobran|cost|costs|is|does|do) (la|el|una|un|a|an|the|my)? (consulta|visita|cita|visit|appointment|office visit|checkup)',
  ],
  records: [
    '(copy|copies|copia|copias) (of|de) (my|mi|mis|his|her|the)? (shot|vaccine|vacunas|immunization|medical)? (records|record|expediente|registros|papers|forms)',
    '(shot|immunization|vaccine|vacunas) (records|record|card|registro)',
    '(form|forms|paperwork|papeles|formulario|formularios|letter|carta) (for|para) (the|my|mi|el|la)?',
    '(llevar|traer|dejar|entregar|drop off|bring|bring in) (los|las|mis|unos|my|the|some)? (papeles|paperwork|forms|formularios|documentos|papers)',
    '(fax|faxed|fax it)',
    // Results asked for as paper: "¿me pueden mandar una copia de mis análisis al correo?".
    '(copy|copies|copia|copias) (of|de) (my|mi|mis|the|los|las|his|her)? (labs|lab work|lab results|results|resultados|analisis|bloodwork|blood work|tests|examenes|estudios|x rays|radiografias)',
    // What the portal will not show: "I CANT FIND MY LAB RESULTS ON THE PORTAL".
    '(cant|can not|cannot|couldnt|dont|do not|no puedo) (find|see|get into|log in|log into|login|sign in|sign into|open|access|encontrar|ver|entrar) ...4 (portal|mychart|results|resultados)',
    // A sign-in that fails: "it says my password expired", "me dice que la contraseña está mal".
    '(password|contrasena|clave|username|usuario|login) ...3 (wrong|mal|expired|expiro|vencio|vencida|incorrect*|locked|bloquead*|doesnt work|no funciona|no sirve)',
    '(reset|change|forgot|cambiar|restablecer|olvide) (my|mi|la|el|the)? (password|contrasena|clave|username|usuario)',
    // Readings kept at home, handed in: "I need to drop off my blood pressure log".
    '(drop off|bring|bring in|send|llevar|traer|dejar|entregar|mandar) (my|mi|mis|the|los|las|el|la)? ...3 (log|logs|diary|libreta|cuaderno|registro|registros)',
    // The patient portal: "¿mi hija puede tener acceso a mi portal?", "locked out of MyChart" (not "for my chart": a note for the nurse);
    // last: the patterns above that name the portal take their words first.
    '(portal|mychart|patient portal)',
  ],
  how_we_write: [
    `${OUR_TEXTS} (in|en) (spanish|espanol|english|ingles)`,
    `(send|text|mandar|mandarme|manden|envien|enviar) ...3 ${OUR_TEXTS}? ...3 (at|a las|later|earlier|mas tarde|mas temprano|instead|en vez)`,
    `(instead of|en vez de|en lugar de) (texts|calls|llamadas|mensajes|texting|calling)`,
    // How often, how early: "¿ustedes mandan esto todos los días?", "do you send these every day?".
    `(send|sends|mandan|manda|envian|envia) ...2 ${OUR_TEXTS} (todos los dias|every day|everyday|diario|daily|cada dia|so early|tan temprano|so late|tan tarde)`,
    `(doesnt|does not|dont|do not|cant|cannot|no|not) (text|read|sabe leer|lee|texts|usa el telefono|speak english|speaks english|speak much english|habla ingles|read english)`,
    '(set up|setup|set) (this|the|my|her|his) (phone|cell)',
    // "¿Me lo pueden mandar en español?", "please write me in Spanish".
    '(send|text|write|mandar|mandarme|manden|mandan|envien|enviar|escribir|escribirme|escriban) ...2 (in|en) (spanish|espanol|english|ingles)',
    // Our text not understood: "no entendí el mensaje", "what does the 1 and 2 mean".
    `(no|not|dont|didnt|do not|did not) (entiendo|entendi|understand|understood|get) ...2 (el|the|los|these|this|your|sus|tu)? ${OUR_TEXTS}`,
    '(no|dont|do not) (entiendo|understand|hablo|speak|leo|read) (bien|well|much|mucho)? (el)? (ingles|english)',
    `(cant|can not|cannot|dont|couldnt) (find|see|read|open|get) (the|these|your|my|los|sus)? ${OUR_TEXTS}`,
    // Which answer is which: "¿el 1 es mejor o peor? se me olvidó", "is 3 the worse one?".
    '(el|the|is|es) (1|2|3|uno|dos|tres|one|two|three) (es|is|means|significa|quiere decir|the)? (mejor|peor|better|worse|bien|mal|good|bad) (o|or) (mejor|peor|better|worse|bien|mal|good|bad)',
    '(que|what) (significa|quiere decir|means|does) (el|the)? (1|2|3|uno|dos|tres|one|two|three)',
    // Someone else asking to join: "my cousin ... can she sign up for the texting too?".
    '(sign up|signed up|enroll|enrolled|join|joined|inscribir|inscribirse|inscribirla|inscribirlo|apuntar|apuntarse) (for|en|a|para)? (the|los|el|your|sus)? (texting|texts|text program|program|programa|mensajes)',
    // How to answer us, and how often: "do I just answer YES", "do you want me to text back on Sundays too",
    // "¿tengo que contestar todos los días?", "is this text going to come every morning?".
    '(do|should|must|shall) (i|we) (just|only|still|also|have to|need to)? (answer|reply|respond|text back|write back)',
    '(want|need|like) (me|us) to (answer|reply|respond|text back|write back)',
    '(tengo|tenemos|debo|debemos|hay) (que)? (contestar|responder|contestarles|responderles|contestarle|responderle)',
    `(is|are|will) (this|these|the|your) ${OUR_TEXTS}? (going to|gonna)? (come|coming|keep coming|be coming)`,
  ],
};

const COMPILED = Object.entries(PATTERNS).map(([topic, sources]) => ({ topic: topic as OfficeTopic, patterns: sources.map(compilePattern) }));

/**
 * Words an office matter is made of, though the lexicon counts them as care or trouble: naming the doctor,
 * the appointment or the insurance, needing, a call back. Not a ride: getting there is the care team's to
 * solve ("no tengo ride para la cita").
 */
const OFFICE_WORDS = new Set([
  'doctor', 'doctors', 'dr', 'doc', 'doctora', 'medico', 'medica', 'nurse', 'nurses', 'enfermera', 'clinic', 'clinica',
  'appointment', 'appointments', 'appt', 'cita', 'citas', 'insurance', 'medicare', 'medicaid', 'seguro',
  'need', 'needs', 'necesito', 'callback', 'llamar', 'llame', 'llamen', 'llamada',
]);

/** A street address ("1420 Palm Vista Dr", "55 Common St", "1420 Calle Sol apt 3"): its names are a place, whatever they would mean alone. */
const STREET_ADDRESS =
  /\b\d+\s+(?:\p{Lu}[\p{L}'’.]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|Ct|Court|Way|Pl|Place|Cir|Circle|Hwy|Highway|Pkwy|Ter|Terrace)\b\.?|\b\d+\s+(?:Calle|Avenida|Av|Camino|Carretera|Paseo|Callejón|Callejon)\.?(?:\s+\p{Lu}[\p{L}'’.]*){1,3}(?:,?\s+(?:apt|apto|unit|depto|#)\.?\s*\w+)?/gu;

/** Words an office matter is said in, though none names one: a letter's opening, an appointment slip lost, a thing forgot. */
const LETTER_WORDS = [
  'to whom it may concern', '(a quien|a quien le) corresponda',
  '(no encuentro|perdi|se me perdio|lost|cant find|misplaced) (el|la|mi|my|the)? (papelito|papel|tarjeta|tarjetita|card|paper|slip|reminder card|appointment card)',
  // Forgot what the office matter was, not a dose: "¿el 1 es mejor o peor? Se me olvidó".
  '(se me olvido|i forget|i forgot|no me acuerdo|i dont remember|i cant remember) !to|my|mi|mis|the|la|las|los|el|de|take|tomar|taking|them|it|pills|meds',
].map(compilePattern);

/**
 * The office matters `text` names, when it is only the front desk's (`requests`:
 * what the request reader found in it, when the caller has read it already): empty
 * when it names none, or when any word of it outside them is a word of health.
 */
export function forTheOffice(text: string, requests: readonly string[] = readRequests(text)): OfficeTopic[] {
  const written = text.replace(STREET_ADDRESS, ' ');
  const tokens = tokenize(written);
  const topics = new Set<OfficeTopic>();
  // "When is my appointment?", "can I move my cita to Friday": the front desk books them (the request reader's words).
  if (requests.includes('appointment')) topics.add('appointments');
  const placed = new Set(OFFICE_WORDS);
  const place = (pattern: PhrasePattern, topic?: OfficeTopic) => {
    for (const { start, end } of findPhrase(pattern, tokens)) {
      if (topic) topics.add(topic);
      for (const t of tokens.slice(start, end)) placed.add(t);
      tokens.fill('', start, end);
    }
  };
  for (const { topic, patterns } of COMPILED) for (const pattern of patterns) place(pattern, topic);
  if (topics.size === 0) return [];
  // "To whom it may concern", "me muero por verlos", "I'll": everyday words that only look like words of health.
  for (const pattern of [...SAYINGS, ...IDIOM_PATTERNS, ...LETTER_WORDS]) place(pattern);
  const health = tokens.some((t) => t !== '' && !FUNCTION_WORDS.has(t) && healthGroup(t) !== null && !placed.has(t));
  // A price is what a bill is made of: "I got a bill for $42" tells no cost of medicine.
  if (topics.has('billing')) placed.add('cost');
  // Nor anything else a nurse should hear, as the closed world reads the whole text: no going without
  // ("no tengo cómo ir a la cita"); the office matter's own words are accounted for.
  const news = leftOver(written).news.filter((n) => !tokenize(n).every((w) => placed.has(w)));
  return health || news.length > 0 ? [] : [...topics];
}
