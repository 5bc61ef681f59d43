/**
 * "Compared with last time: 1 Better, 2 About the same, 3 Worse."
 * Pattern syntax: see src/flows/text/phrase-pattern.ts. Negated phrases
 * ("not better", "no peor") are dropped rather than guessed: "not better"
 * may mean the same or worse.
 */
export const BETTER_PHRASES: readonly string[] = [
  'better', 'improv*', 'healing', 'recovering', 'going away', 'not as bad', 'less (pain|symptoms|swelling)',
  'mejor', 'mejorando', 'mejorado', 'mejoria', 'se (me)? esta quitando', 'menos (dolor|sintomas|hinchazon)',
];

export const SAME_PHRASES: readonly string[] = [
  'same', 'no change*', 'unchanged', 'nothing changed', '(hasnt|has not|havent|have not) changed', 'no different',
  'no better (and|or|nor)? no worse', 'neither better nor worse', 'not better (or|nor) worse', 'similar', 'steady',
  'stable', 'so so', 'more or less',
  'igual', 'lo mismo', 'sin cambio*', 'no ha cambiado', 'ni mejor ni peor', 'parecido', 'estable', 'mas o menos', 'regular',
];

export const WORSE_PHRASES: readonly string[] = [
  'worse', 'worst', 'worsen*', 'deteriorat*', 'more (pain|symptoms|swelling)', 'going downhill',
  'peor', 'empeor*', 'mas (dolor|sintomas|hinchazon)', 'mas mal',
];
