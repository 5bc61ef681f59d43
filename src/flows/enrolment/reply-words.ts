/**
 * The words of answers to an enrolment invitation, in English and Spanish
 * (accents folded). Pattern syntax: src/flows/text/phrase-pattern.ts.
 */

/** A clause made only of these (and filler) is a yes. */
export const INVITATION_YES: readonly string[] = [
  // English
  'yes', 'yeah', 'yea', 'yep', 'yup', 'yess', 'y', 'sure', 'ok', 'okay', 'okey', 'k', 'of course', 'absolutely', 'definitely',
  'certainly', '1', 'please do', 'go ahead', 'sounds (good|great|interesting)', 'count me in', 'sign me up', 'why not', 'lets do it',
  '(i|im|i am|we are|were)? (very|really|definitely)? interested', '(i am|im) in',
  'tell me more', '(i|id|i would)? (like|want|love) to (learn|hear|know) more', '(learn|hear|know) more', 'more (info|information|details)',
  'send (it|me)? (the|a)? (link|info|information|details)?', '(i|id)? (want|would like|like) to (join|sign up|enroll|enrol)',
  // Spanish
  'si', 'sip', 'claro', 'claro que si', 'por supuesto', 'desde luego', 'bueno', 'esta bien', 'de acuerdo', 'adelante', 'con gusto',
  'perfecto', 'vale', 'dale', 'me interesa', 'estoy (muy)? (interesado|interesada)', 'si quiero', 'si me interesa',
  '(quiero|me gustaria|quisiera) (saber|conocer) mas', '(mas|quiero) informacion', 'digame mas', 'diganme mas',
  '(quiero|me gustaria|quisiera) (unirme|participar|inscribirme|entrar)', 'mandeme (el)? (enlace|link|informacion)',
];

/** A clause made only of these (and filler) is a no: a bare "no" inside a sentence ("no sé") is not. */
export const INVITATION_NO_WHOLE: readonly string[] = [
  'no', 'nope', 'nah', 'nop', 'n', 'no no', 'no thanks', 'no thank you', 'no thx', 'no ty', 'no way', 'not now', 'not for now',
  'not right now', 'not at this time', 'not (for)? me', 'pass', 'ill pass', 'i will pass', 'decline', 'i decline',
  'no gracias', 'no muchas gracias', 'no por ahora', 'ahorita no', 'ahora no', 'por ahora no', 'paso', 'nel',
];

/**
 * Refusals that may stand in a longer sentence: "not interested, I have my
 * own nurse", "no me interesa", "ya tengo quien me atienda".
 */
export const INVITATION_NO: readonly string[] = [
  // English
  '(im|i am|were|we are)? not (really)? interested', 'no interest', 'not something i (need|want)', 'not for me',
  '(i|we)? (dont|do not) (need|want) (it|this|that|one|any|them|the program|the service|to join|to sign up)',
  '(i|we)? (dont|do not) need (any)? (help|more calls|more care|check ins|checkins)',
  '(i|we)? (already)? (have|got) (a|my|our|his|her)? (own)? (nurse|doctor|care team|caregiver|someone|somebody|people|care manager|program) !who|that',
  '(i|we)? (already)? (have|got) (a|my|our)? (own)? (nurse|doctor|care team|caregiver|someone|somebody|care manager) (who|that) (calls|checks|helps|takes care|looks after)',
  '(im|i am|were|we are) (fine|good|ok|okay|all set|doing fine|doing ok|doing good|taken care of|covered|well taken care of)', 'all set',
  '(i|we)? (dont|do not) want to (join|participate|sign up|enroll|enrol)',
  // Spanish
  'no (me)? interesa', 'no (estoy|estamos) (interesado|interesada|interesados)', 'no (quiero|queremos|deseo|necesito|necesitamos) (eso|esto|el programa|el servicio|participar|unirme|inscribirme)',
  // A bare "no quiero" refuses; "no quiero más mensajes" asks for no more messages (an opt-out).
  'no (quiero|queremos|deseo|necesito|necesitamos) !mas|mensajes|textos|sms|llamadas|que|nada|recibir',
  'no lo (necesito|quiero|deseo)', 'no me hace falta', 'no gracias',
  'ya (tengo|tenemos) quien (me|nos) (atienda|cuide|llame|ayude)',
  'ya (tengo|tenemos) (mi|un|una)? (doctor|doctora|medico|enfermera|enfermero|programa|cuidador|cuidadora)',
  '(estoy|estamos) bien (asi)?',
];

/** Asking who we are or what this is ("what is this about?", "¿de qué se trata?"): answered, nothing stops. */
export const INVITATION_WHO: readonly string[] = [
  'what (is|s) (this|it|that) (about|for|regarding)?', 'whats (this|it|that)', 'what (program|service|checkins|check ins)',
  'what kind of (program|service|care|checkins|check ins)', 'who (sent|is sending|texted|is texting|dis)', 'who is this', 'who are (you|u)',
  '(dont|do not) know who (this|you|u) (is|are)?',
  'que es (esto|eso)', 'de que se trata', 'que (programa|servicio)', 'de parte de quien', 'quien (es|habla|escribe|me escribe)',
];

/** Politeness around an answer ("yes please", "no thank you", "sí, por favor"). */
export const REPLY_FILLER: readonly string[] = [
  'please', 'pls', 'plz', 'thanks', 'thank', 'you', 'u', 'thx', 'ty', 'so', 'much', 'very', 'ma', 'maam', 'sir', 'oh', 'well', 'hi', 'hello',
  'por', 'favor', 'gracias', 'muchas', 'mil', 'hola', 'senor', 'senora', 'senorita', 'ok', 'okay',
];
