/**
 * Yes/no answers ("Did you take your lisinopril 10 mg today? Reply 1 for
 * yes, 2 for no"). Pattern syntax: see src/flows/text/phrase-pattern.ts.
 * A negated "yes" phrase means no ("I haven't taken it", "no lo tomé").
 */
export const YES_PHRASES: readonly string[] = [
  'yes', 'yeah', 'yea', 'yep', 'yup', 'yas', 'ya', 'sure', 'of course', 'absolutely', 'definitely', 'certainly',
  'correct', 'affirmative', 'indeed', 'i did', 'done', 'all done', 'already', 'took', 'taken', 'got it',
  'always', 'every day', 'everyday', 'siempre', 'todos los dias',
  'si', 'claro', 'por supuesto', 'desde luego', 'tome', 'tomado|tomada|tomados|tomadas', 'listo', 'hecho',
  'correcto', 'asi es', 'afirmativo', 'ya lo tome',
];

export const NO_PHRASES: readonly string[] = [
  'no', 'nope', 'nah', 'nop', 'negative', 'not yet', 'not today', 'not at all', 'never', 'didnt', 'i? did not',
  'havent', 'i? have not', 'hasnt', 'has not', 'i wont', 'will not', 'not taken',
  'forgot', 'forget', 'forgotten', 'miss', 'missed', 'skipped', 'skip', 'ran out', 'run out', 'out of (pills|meds|medicine|it|them)',
  'couldnt', 'could not',
  'todavia no', 'aun no', 'no todavia', 'ya no', 'nunca', 'no lo tome', 'no la tome', 'no (me)? (lo|la|los|las)? tome',
  'se me olvido|olvidaron', 'olvide', 'me olvide', 'no pude', 'se me (acabo|acabaron)', 'no he tomado',
];

/** Doubt: asks for a re-prompt rather than a guess. */
export const YES_NO_UNCERTAIN: readonly string[] = [
  'not sure', 'unsure', '(dont|do not) know', 'idk', '(dont|do not|cant|can not|cannot) (remember|recall)', 'maybe', 'perhaps',
  'no (lo)? se !me|te|le|nos|les', 'no estoy (seguro|segura)', 'no me acuerdo', 'no (lo)? recuerdo', 'tal vez', 'quizas|quiza', 'a lo mejor',
];

/** Too short to spot inside a sentence ("y" is Spanish "and"): only on their own. */
export const YES_NO_WHOLE_REPLY: readonly (readonly [string, 'yes' | 'no'])[] = [
  ['y', 'yes'], ['n', 'no'], ['did', 'yes'], ['i have', 'yes'], ['yes i have', 'yes'], ['s', 'yes'],
  // Thumbs slipping on a small keyboard: a short word is too short for the typo rule.
  ['yse', 'yes'], ['ye', 'yes'], ['yss', 'yes'], ['ues', 'yes'], ['tes', 'yes'], ['yws', 'yes'], ['nl', 'no'], ['mo', 'no'], ['noo', 'no'],
];
