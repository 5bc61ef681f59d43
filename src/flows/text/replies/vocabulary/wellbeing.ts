/**
 * "How are you feeling? Reply 1 if feeling well, 2 if you have concerns."
 * Pattern syntax: see src/flows/text/phrase-pattern.ts. A negated phrase
 * means the other answer ("not good" -> concerns, "no pain" -> well).
 * So-so answers ("regular", "meh", "más o menos") count as concerns: a
 * coordinator would rather hear about them.
 */
export const WELL_PHRASES: readonly string[] = [
  'fine', 'good', 'great', 'ok', 'okay', 'okey', 'alright', 'all right', 'well', 'excellent', 'wonderful',
  'fantastic', 'awesome', 'perfect', 'amazing', 'better', 'best', 'happy', 'healthy', 'stable', 'normal',
  'not bad', 'not (too|so|that) bad', 'no complaints', '(cant|can not|cannot) complain', 'no (concerns|problems|problem|issues)',
  'nothing (new|wrong)', 'all good', 'never better', 'could be worse',
  'bien', 'excelente', 'perfecto|perfecta', 'bueno|buena', 'mejor', 'genial', 'tranquilo|tranquila', 'contento|contenta',
  'sano|sana', 'estable', 'de maravilla', 'sin (problemas|novedad|novedades|preocupaciones)', 'nada mal',
  'no (estoy|me siento|ando) mal', 'ninguna preocupacion', 'todo bien',
];

export const CONCERN_PHRASES: readonly string[] = [
  'concern*', 'worried', 'worry', 'worrying', 'bad', 'sick', 'unwell', '(im|am|feel|feeling|felt) ill', 'terrible', 'awful',
  'horrible', 'lousy', 'poorly', 'poor', 'rough', 'crappy', 'miserable', 'worse', 'so so', 'soso', 'meh', 'regular',
  'more or less', 'could be better', '(ive|have|has)? been better', 'under the weather', 'not the best', 'pain', 'painful', 'hurt*', 'ache*', 'aching', 'problem*', 'issue*', 'question*',
  'help', 'tired', 'exhausted', 'weak', 'dizzy', 'nauseous', 'symptom*', '(feel|feeling) down', 'depressed', 'sad',
  'anxious', 'stressed', 'struggling',
  'mal', 'malo|mala', 'enfermo|enferma', 'preocupado|preocupada', 'preocupacion|preocupaciones', 'fatal', 'peor',
  'dolor|dolores', 'duele', 'mas o menos', 'problema|problemas', 'pregunta|preguntas', 'duda|dudas',
  'cansado|cansada', 'mareado|mareada', 'triste', 'deprimido|deprimida', 'ayuda', 'no tan bien',
  'ahi (vamos|la llevo|nomas)', 'mas o menos bien',
];
