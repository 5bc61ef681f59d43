/**
 * Vital signs written in a text, in words around numbers: "sugar was 320
 * this morning", "azúcar 45", "oxygen 87%", "pulse 132", "weighed 182 lbs",
 * "gained 4 pounds since yesterday", "fever of 101.5", "bp 150/95",
 * "la presión me salió 185 con 110", "one forty five over ninety two",
 * "weighed 182 this morning, was 177 on monday".
 */
import { plausiblePressure } from '../text/replies/blood-pressure.js';
import { tokenEquals } from '../text/fuzzy.js';
import { spokenNumbersToDigits } from '../text/spoken-numbers.js';

export type Vital =
  /** `over`: the patient said "over 300", "arriba de 300". */
  | { kind: 'glucose'; mgdl: number; over?: true }
  | { kind: 'oxygen'; percent: number }
  | { kind: 'pulse'; bpm: number }
  | { kind: 'weight'; pounds: number }
  /** A gain the patient reports, over `days` when they say ("since yesterday": 1). */
  | { kind: 'weight_gain'; pounds: number; days: number | null }
  | { kind: 'temperature'; fahrenheit: number }
  /** A pain score out of 10 said outright: "pain is a 1 today", "el dolor es 7/10". */
  | { kind: 'pain'; score: number }
  | { kind: 'blood_pressure'; systolic: number; diastolic: number };

type Key = 'glucose' | 'oxygen' | 'pulse' | 'weight' | 'gain' | 'temperature';

/** Words that announce each vital, accents folded (a 5+ letter word forgives one typo). */
const KEYWORDS: Readonly<Record<Key, readonly string[]>> = {
  glucose: ['sugar', 'sugars', 'glucose', 'bs', 'bg', 'fbs', 'cbg', 'fingerstick', 'glucometer', 'meter', 'a1c', 'azucar', 'glucosa', 'glucometro', 'diabetes'],
  oxygen: ['oxygen', 'o2', 'spo2', 'sat', 'sats', 'saturation', 'oximeter', 'ox', 'oxigeno', 'oxigenacion', 'saturacion', 'oximetro'],
  pulse: ['pulse', 'pul', 'heartrate', 'heart', 'heartbeat', 'racing', 'hr', 'bpm', 'pulso', 'latidos', 'pulsaciones', 'corazon', 'acelerado'],
  weight: ['weigh', 'weighed', 'weight', 'wt', 'wgt', 'scale', 'peso', 'pese', 'pesaba', 'pesa', 'bascula'],
  // A gain as a chart or a formal letter puts it: "an increase of 3.5 pounds since yesterday", "un aumento de 2 kilos".
  gain: ['gained', 'gain', 'put', 'up', 'subi', 'subido', 'aumente', 'aumentado', 'engorde', 'gane', 'ganado', 'increase', 'increased', 'aumento'],
  temperature: ['temp', 'temperature', 'fever', 'thermometer', 'temperatura', 'fiebre', 'calentura', 'termometro'],
};

const RANGES: Readonly<Record<Exclude<Key, 'gain'>, readonly [number, number]>> = {
  glucose: [20, 700],
  oxygen: [50, 100],
  pulse: [25, 250],
  weight: [60, 700],
  temperature: [93, 110],
};

const POUND_UNITS = new Set(['lb', 'lbs', 'pound', 'pounds', 'libra', 'libras']);
const KILO_UNITS = new Set(['kg', 'kgs', 'kilo', 'kilos', 'kilogramos']);
/** Words a pain score stands near: pain itself, or where it hurts ("8 today, hips real bad", "un 8 la rodilla"). */
const PAIN_WORDS = new Set([
  'pain', 'pains', 'hurts', 'hurt', 'hurting', 'ache', 'aches', 'sore', 'dolor', 'duele', 'duelen',
  'back', 'hip', 'hips', 'knee', 'knees', 'leg', 'legs', 'foot', 'feet', 'neck', 'shoulder', 'shoulders', 'arm', 'arms',
  'hand', 'hands', 'head', 'stomach', 'belly', 'joints', 'espalda', 'cadera', 'caderas', 'rodilla', 'rodillas', 'pierna',
  'piernas', 'pie', 'pies', 'cuello', 'hombro', 'hombros', 'brazo', 'brazos', 'mano', 'manos', 'cabeza', 'estomago', 'panza',
]);
/** "pain for 2 days" is how long, not how bad; "2 pills", "3 miles" are not scores either. */
const NOT_A_SCORE_AFTER = new Set([
  'day', 'days', 'week', 'weeks', 'hour', 'hours', 'time', 'times', 'pills', 'pill', 'tablets', 'am', 'pm', 'miles', 'blocks',
  'min', 'minutes', 'mg', 'units', 'lb', 'lbs', 'pounds', 'dia', 'dias', 'semana', 'semanas', 'hora', 'horas', 'vez', 'veces',
  'pastillas', 'pastilla', 'cuadras', 'minutos', 'unidades', 'libras',
]);
/** "on the 10", "a las 8": a date or an hour. */
const NOT_A_SCORE_BEFORE = new Set(['the', 'on', 'at', 'el', 'las', 'los', 'dia']);
/** "2 same with the back": the menu's answer first, then the words of its choice; no score. */
const MENU_CHOICE_WORDS = new Set(['same', 'better', 'worse', 'igual', 'mejor', 'peor']);
const menuAnswer = (words: string[], i: number) => i === 0 && MENU_CHOICE_WORDS.has(words[1] ?? '');
/** How far from a pain word a score may stand, either side. */
const SCORE_SPAN = 4;
const ONE_DAY = new Set(['yesterday', 'overnight', 'ayer', 'today', 'hoy']);
/** Words that date a reading to the day it is sent ("192 this morning", "hoy 169"). */
const SAME_DAY = new Set(['today', 'morning', 'now', 'tonight', 'hoy', 'ahora', 'manana']);
/** Words that date a reading to the day before ("yesterday it was 188", "ayer pesaba 165"). */
const DAY_BEFORE = new Set(['yesterday', 'ayer']);
/** Words that date a reading to within the past week ("was 177 on monday", "el viernes estaba en 184", "since last week"). */
const EARLIER_THIS_WEEK = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend',
  // A log's short names ("Mon 212.4, Tue 213.0"); not "sat" and "sun", which are a saturation and the sun.
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri',
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'semana',
]);
/** How far from its keyword a number may stand ("el oxigeno de mi papa salio 87"). */
const SPAN = 6;
const ONE_WEEK = new Set(['week', 'semana']);

/** Lower-cased, accents folded; keeps "101.5", "87%" and "150/95" whole. */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/(?<=\d)\s*(?:°|º|deg|degrees|grados)\s*/g, ' ')
    .replace(/[^a-z0-9.%/\s]+/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^[./]+|[./]+$/g, ''))
    .filter(Boolean);
}

/** "87", "101.5", "87%", and a decade: "in the 50s". */
const numberIn = (token: string): number | null => {
  const match = /^(\d{1,3}(?:\.\d)?)(?:%|(?<=0)s)?$/.exec(token);
  return match ? Number(match[1]) : null;
};

/** Whether the token announces a vital other than `key`. */
const announcesOther = (token: string, key: Key) =>
  (Object.keys(KEYWORDS) as Key[]).some((other) => other !== key && other !== 'gain' && isKeyword(token, other));

/** A keyword, or a slip of one by the rules every reader uses ("never" is no "fever": the first letter differs). */
function isKeyword(token: string, key: Key): boolean {
  return KEYWORDS[key].some((word) => token === word || (word.length >= 5 && token.length >= 5 && tokenEquals(token, word)));
}

/**
 * The first number within `span` tokens after `index` (or just before it),
 * with its position; the search stops at another vital's keyword ("sugar was
 * fine, weighed 198" has no sugar reading).
 */
function nearbyNumber(words: string[], index: number, used: Set<number>, key: Key, span = SPAN): { value: number; at: number } | null {
  // A figure a machine shows may stand further off: "el corazón me late rapidísimo, el aparato marca 138".
  // ("Heart's pounding like crazy, checked my watch it says 158.")
  for (let i = index + 1; i <= Math.min(words.length - 1, index + span * 3); i += 1) {
    const value = numberIn(words[i]!);
    if (value !== null && !used.has(i) && (i <= index + span || shownByAMachine(words, i))) return { value, at: i };
    if (announcesOther(words[i]!, key)) break;
  }
  // Just before: "87% oxygen", or with "of" between: "83 de oxigeno".
  const before = OF.has(words[index - 1] ?? '') ? index - 2 : index - 1;
  const value = before >= 0 ? numberIn(words[before]!) : null;
  return value !== null && !used.has(before) ? { value, at: before } : null;
}

const OF = new Set(['of', 'de', 'del']);

/** "The machine say 148", "el aparato marca 138", "the cuff read 92": a figure read off a machine. */
const MACHINES = new Set(['machine', 'aparato', 'maquina', 'maquinita', 'monitor', 'cuff', 'oximeter', 'oximetro', 'watch', 'reloj', 'thing', 'app']);
const READS_OUT = new Set(['says', 'say', 'said', 'reads', 'read', 'shows', 'showed', 'showing', 'marca', 'marco', 'dice', 'dio', 'salio', 'gave']);
/** "The watch it says 158", "the machine that read 92": the machine named again by a pronoun. */
const POINTING = new Set(['it', 'that', 'this', 'which']);
const shownByAMachine = (words: string[], i: number) =>
  READS_OUT.has(words[i - 1] ?? '') && (MACHINES.has(words[i - 2] ?? '') || (POINTING.has(words[i - 2] ?? '') && MACHINES.has(words[i - 3] ?? '')));

/** "over 300", "above 300", "more than 300", "arriba de 300", "mas de 300", "encima de 300". */
/** "Over 300", "más de 300", and a decade ("in the 300s"): at least the figure, maybe more. */
const saidOver = (words: string[], at: number) =>
  /^\d+0s$/.test(words[at] ?? '') ||
  /^(over|above)$/.test(words[at - 1] ?? '') ||
  (/^(than|de)$/.test(words[at - 1] ?? '') && /^(more|arriba|mas|encima)$/.test(words[at - 2] ?? ''));

/** Words between the two numbers of a reading said aloud: "198 over 122", "190 sobre 121", "185 con 110". */
const OVER = new Set(['over', 'sobre', 'x', 'por', 'con']);
/** "Presión 170 y 100", and the Irish and British "BP 130 on 80": two numbers joined so are a reading only right after a word for blood pressure. */
const AND = new Set(['and', 'y', 'on']);
const PRESSURE = new Set(['bp', 'pressure', 'presion', 'tension', 'presure', 'preasure']);
const afterPressureWord = (words: string[], i: number) => words.slice(Math.max(0, i - 4), i).some((w) => PRESSURE.has(w));

/** A cuff's labels, as its display shows them and a patient copies them out. */
const SYSTOLIC = new Set(['sys', 'syst', 'systolic', 'sistolica', 'sist']);
const DIASTOLIC = new Set(['dia', 'diast', 'diastolic', 'diastolica']);
const labelled = (words: string[], labels: Set<string>, from: number) =>
  words.findIndex((w, i) => i >= from && labels.has(w) && /^\d{2,3}$/.test(words[i + 1] ?? ''));

/** A reading with the cuff's labels: "SYS 212 mmHg DIA 124 mmHg", "Systolic: 150 Diastolic: 90". Both labels, in that order. */
function labelledReading(words: string[], used: Set<number>): Vital[] {
  const sys = labelled(words, SYSTOLIC, 0);
  const dia = sys < 0 ? -1 : labelled(words, DIASTOLIC, sys + 2);
  if (dia < 0) return [];
  const [systolic, diastolic] = [Number(words[sys + 1]), Number(words[dia + 1])];
  if (!plausiblePressure(systolic, diastolic)) return [];
  used.add(sys + 1).add(dia + 1);
  return [{ kind: 'blood_pressure', systolic, diastolic }];
}

/** Blood pressures written "150/95", "150 over 95" or "150 sobre 95", each plausible; or with a cuff's labels. */
function bloodPressures(words: string[], used: Set<number>): Vital[] {
  const fromLabels = labelledReading(words, used);
  if (fromLabels.length > 0) return fromLabels;
  return words.flatMap((word, i) => {
    const slashed = /^(\d{2,3})\/(\d{2,3})$/.exec(word);
    const between = words[i + 1] ?? '';
    const joined = OVER.has(between) || (AND.has(between) && afterPressureWord(words, i));
    // "bp-128-80", "presión 130 85": after a word for blood pressure, two figures side by side are one.
    const paired = /^\d{2,3}$/.test(between) && afterPressureWord(words, i) && !used.has(i - 1);
    const spoken = /^\d{2,3}$/.test(word) && ((joined && /^\d{2,3}$/.test(words[i + 2] ?? '')) || paired);
    if (!slashed && !spoken) return [];
    const second = paired ? i + 1 : i + 2;
    const [systolic, diastolic] = slashed ? [Number(slashed[1]), Number(slashed[2])] : [Number(word), Number(words[second])];
    if (!plausiblePressure(systolic, diastolic)) return [];
    used.add(i);
    if (spoken) used.add(second);
    return [{ kind: 'blood_pressure' as const, systolic, diastolic }];
  });
}

function weightGain(words: string[], index: number, used: Set<number>): Vital | null {
  const found = nearbyNumber(words, index, used, 'gain', 3);
  if (!found || found.at < index) return null;
  const unit = words[found.at + 1] ?? '';
  const pounds = POUND_UNITS.has(unit) ? found.value : KILO_UNITS.has(unit) ? Math.round(found.value * 2.2 * 10) / 10 : null;
  if (pounds === null || pounds <= 0 || pounds > 60) return null;
  used.add(found.at);
  const rest = words.slice(found.at + 2, found.at + 8);
  const days = rest.some((w) => ONE_DAY.has(w)) ? 1 : rest.some((w) => ONE_WEEK.has(w)) ? 7 : daysSaid(rest);
  return { kind: 'weight_gain', pounds, days };
}

/** "in 3 days", "en 2 dias". */
function daysSaid(words: string[]): number | null {
  const i = words.findIndex((w) => w === 'days' || w === 'dias');
  const n = i > 0 ? Number(words[i - 1]) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 14 ? n : null;
}

/** A weight with where it stands in the text, to compare it with another. */
type WeightAt = Extract<Vital, { kind: 'weight' }> & { at: number; first?: number };

const isWeightAt = (vital: Vital | WeightAt): vital is WeightAt => vital.kind === 'weight' && 'at' in vital;

/** Words that count things, not measure them: "150 for 30 days", "110 and 2 pills". */
const COUNTS = new Set(['day', 'days', 'week', 'weeks', 'hours', 'hour', 'minutes', 'min', 'mins', 'pills', 'pill', 'units', 'mg', 'times', 'steps', 'dias', 'semanas', 'horas', 'minutos', 'pastillas', 'unidades', 'veces', 'pasos']);
/** How far the next figure of a series may stand from the last: "198 Mon, 224 Wed", "285 en la mañana y 310". */
const SERIES_GAP = 5;
/** Figures below this in a series are dates and counts, not readings. */
const SERIES_FLOOR = 40;

/**
 * The figures after the first of a measure, read as more of it: "sugar
 * readings keep climbing: 198 Mon, 224 Wed, 251 today", "Weight log: Mon
 * 212.4, Tue 213.0 ...". Each stands within a few words of the last, with no
 * other measure named between; counts ("for 30 days") are no readings.
 */
function series(words: string[], first: number, key: Exclude<Key, 'gain'>, used: Set<number>): number[] {
  const [min, max] = RANGES[key];
  const values: number[] = [];
  for (let i = first + 1, last = first; i < words.length && i - last <= SERIES_GAP; i++) {
    // "300 and up all week, 355 this morning": "and up" says more, not a gain of what follows.
    const more = /^(and|or)$/.test(words[i - 1] ?? '');
    if (announcesOther(words[i]!, key) || (isKeyword(words[i]!, 'gain') && !more)) break;
    const value = numberIn(words[i]!);
    if (value === null || used.has(i) || value < Math.max(min, SERIES_FLOOR) || value > max || COUNTS.has(words[i + 1] ?? '')) continue;
    values.push(value);
    used.add(i);
    last = i;
  }
  return values;
}

/** Of a series of sugars, the one furthest out: the lowest when any is low, else the highest. */
const LOW_SUGAR = 70;
const worstSugar = (values: number[]) => (values.some((v) => v < LOW_SUGAR) ? Math.min(...values) : Math.max(...values));

function reading(key: Exclude<Key, 'gain'>, words: string[], index: number, used: Set<number>): Vital | WeightAt | null {
  const found = nearbyNumber(words, index, used, key);
  if (!found) return null;
  let value = found.value;
  const unit = words[found.at + 1] ?? '';
  if (key === 'weight' && KILO_UNITS.has(unit)) value = Math.round(value * 2.2);
  // Celsius: 35-43 on a thermometer is a temperature in °C.
  if (key === 'temperature' && value >= 34 && value <= 43) value = Math.round((value * 9) / 5 + 32);
  const [min, max] = RANGES[key];
  if (value < min || value > max) return null;
  used.add(found.at);
  if (key === 'glucose') {
    const sugars = [value, ...series(words, found.at, key, used)];
    const worst = worstSugar(sugars);
    return saidOver(words, found.at) && worst === value ? { kind: 'glucose', mgdl: value, over: true } : { kind: 'glucose', mgdl: worst };
  }
  if (key === 'oxygen') return { kind: 'oxygen', percent: value };
  if (key === 'pulse') return { kind: 'pulse', bpm: value };
  if (key === 'weight') {
    // A weight log (three figures or more): the last is today's, and the first the one it is compared with.
    // Two are a comparison, dated by their words ("182 today, was 177 on wed"): gainAgainstEarlier reads them.
    const logged = new Set(used);
    const later = KILO_UNITS.has(unit) ? [] : series(words, found.at, key, logged);
    if (later.length < 2) return { kind: 'weight', pounds: value, at: found.at };
    logged.forEach((i) => used.add(i));
    return { kind: 'weight', pounds: later.at(-1)!, at: found.at, first: value };
  }
  return { kind: 'temperature', fahrenheit: value };
}

const inWeightRange = (value: number) => value >= RANGES.weight[0] && value <= RANGES.weight[1];

/**
 * A gain said as a difference: "3 lb more than yesterday", "4 pounds heavier
 * than last week", "2 libras mas que ayer".
 */
function gainSaid(words: string[], used: Set<number>): Vital | null {
  for (const [i, word] of words.entries()) {
    if (!/^(more|heavier|up|mas)$/.test(word)) continue;
    const unitBefore = POUND_UNITS.has(words[i - 1] ?? '');
    const at = unitBefore ? i - 2 : i - 1;
    const pounds = numberIn(words[at] ?? '');
    if (pounds === null || used.has(at) || pounds <= 0 || pounds > 60) continue;
    const rest = words.slice(i + 1, i + 5);
    const days = rest.some((w) => DAY_BEFORE.has(w)) ? 1 : rest.some((w) => ONE_WEEK.has(w)) ? 7 : null;
    if (days === null && !unitBefore) continue;
    used.add(at);
    return { kind: 'weight_gain', pounds, days };
  }
  return null;
}

/**
 * A gain against an earlier weight in the same text, dated: the day before
 * ("192 this morning, yesterday it was 188", "ayer pesaba 165 y hoy 169"),
 * or within the past week ("weighed 182 today, was 177 on monday", "from 182
 * to 189 since monday": counted as a week, the longest it can be).
 */
function gainAgainstEarlier(words: string[], weight: WeightAt, used: Set<number>): Vital | null {
  const dayBefore = words.findIndex((w) => DAY_BEFORE.has(w));
  // "It was 181 all month and this morning 187": a weight held until lately changed within the week at most.
  const thisWeek = words.findIndex((w, i) => EARLIER_THIS_WEEK.has(w) || heldUntilLately(words, i));
  const reference = dayBefore >= 0 ? dayBefore : thisWeek;
  if (reference < 0) return null;
  const other = words.findIndex((w, i) => i !== weight.at && !used.has(i) && numberIn(w) !== null && inWeightRange(numberIn(w)!));
  if (other < 0) return null;
  // "from 182 to 189": the first is the earlier; otherwise the one dated by the reference word.
  const fromTo = /^(from|de)$/.test(words[Math.min(other, weight.at) - 1] ?? '') && /^(to|a)$/.test(words[Math.min(other, weight.at) + 1] ?? '');
  const otherIsEarlier = fromTo ? other < weight.at : isYesterdays(words, other, weight.at, reference);
  const [earlier, later] = otherIsEarlier ? [numberIn(words[other]!)!, weight.pounds] : [weight.pounds, numberIn(words[other]!)!];
  const pounds = Math.round((later - earlier) * 10) / 10;
  if (pounds <= 0 || pounds > 60) return null;
  used.add(other);
  return { kind: 'weight_gain', pounds, days: dayBefore >= 0 ? 1 : 7 };
}

/** A log's gain, first to last: within a week when it names days ("Mon 212.4 ... Fri 217.6"). */
function gainOverLog(words: string[], first: number, last: number): Vital | null {
  const pounds = Math.round((last - first) * 10) / 10;
  if (pounds <= 0 || pounds > 60) return null;
  const days = words.some((w) => DAY_BEFORE.has(w)) ? 1 : words.some((w) => EARLIER_THIS_WEEK.has(w)) ? 7 : null;
  return { kind: 'weight_gain', pounds, days };
}

/**
 * Whether the number at `a` (rather than at `b`) is the earlier one: the
 * other is nearer a word for today when there is one ("192 yesterday, 195
 * today"); otherwise the earlier one follows or stands nearer the word that
 * dates it ("yesterday it was 188", "was 177 on monday").
 */
/** Words saying a weight held until lately: "usually", "always", "all month", "todo el mes". */
const USUALLY = new Set(['usually', 'normally', 'always', 'siempre', 'normalmente', 'usualmente']);
const LONG_SPANS = new Set(['month', 'week', 'weeks', 'months', 'along', 'year', 'mes', 'semana']);
const heldUntilLately = (words: string[], i: number) =>
  USUALLY.has(words[i]!) || (/^(all|todo|toda)$/.test(words[i]!) && (LONG_SPANS.has(words[i + 1] ?? '') || LONG_SPANS.has(words[i + 2] ?? '')));

function isYesterdays(words: string[], a: number, b: number, dayBefore: number): boolean {
  const today = words.findIndex((w) => SAME_DAY.has(w));
  if (today >= 0 && Math.abs(a - today) !== Math.abs(b - today)) return Math.abs(a - today) > Math.abs(b - today);
  const follows = (i: number) => i > dayBefore && i - dayBefore <= 4;
  if (follows(a) !== follows(b)) return follows(a);
  return Math.abs(a - dayBefore) < Math.abs(b - dayBefore);
}

/**
 * A pain score: a number out of 10 near a pain word or a part of the body
 * ("pain is only a 1", "0 dolor", "10 out of 10 my knee", "un 8 hoy la
 * rodilla"), or written as one ("7/10"). A score written out of ten wins over
 * a bare number ("3 my stomach pain is 10 out of 10": the 3 answers the menu).
 * A bare number heading an account is the menu's answer, not a score: "2 - got
 * a pain in the head like a thunderclap, worst in my life" is no mild pain.
 */
function painScore(words: string[], used: Set<number>): Vital | null {
  const near = words.map((w, i) => (PAIN_WORDS.has(w) ? i : -1)).filter((i) => i >= 0);
  let bare: { at: number; score: number } | null = null;
  for (const [i, word] of words.entries()) {
    const match = /^(\d{1,2})(\/10)?$/.exec(word);
    if (!match || used.has(i) || Number(match[1]) > 10) continue;
    if (NOT_A_SCORE_AFTER.has(words[i + 1] ?? '') || NOT_A_SCORE_BEFORE.has(words[i - 1] ?? '') || menuAnswer(words, i)) continue;
    const outOfTen = match[2] !== undefined || (/^(out|de)$/.test(words[i + 1] ?? '') && words.slice(i + 2, i + 4).includes('10'));
    if (outOfTen) {
      used.add(i);
      return { kind: 'pain', score: Number(match[1]) };
    }
    const headsAnAccount = i === 0 && words.length > 1 + SCORE_SPAN;
    if (bare || headsAnAccount || !near.some((at) => Math.abs(at - i) <= SCORE_SPAN)) continue;
    bare = { at: i, score: Number(match[1]) };
  }
  if (!bare) return null;
  used.add(bare.at);
  return { kind: 'pain', score: bare.score };
}

/**
 * A reading given as bare numbers, the way a cuff shows it: "198 122",
 * "1 126 80" (the menu's answer first), "118 74 62" (with the pulse). Only
 * when the message holds nothing else, and the pair is a plausible reading.
 */
function bareReading(words: string[]): Vital[] {
  const figures = /^[1-5]$/.test(words[0] ?? '') && words.length > 2 ? words.slice(1) : words;
  if (figures.length < 2 || figures.length > 3 || !figures.every((w) => /^\d{2,3}$/.test(w))) return [];
  const [systolic, diastolic, pulse] = figures.map(Number) as [number, number, number | undefined];
  if (!plausiblePressure(systolic, diastolic)) return [];
  const reading: Vital[] = [{ kind: 'blood_pressure', systolic, diastolic }];
  const [min, max] = RANGES.pulse;
  return pulse !== undefined && pulse >= min && pulse <= max ? [...reading, { kind: 'pulse', bpm: pulse }] : reading;
}

/**
 * A hundred said as "one" and the rest, as dictation writes it: "1 90 over 1
 * 15" is 190/115. Joined only where the figures as written make no reading
 * (a systolic below its diastolic), so "1 90 over 60" stays the menu's 1 and 90/60.
 */
function joinDictatedHundreds(text: string): string {
  return text
    .replace(/\b1 (\d\d) (over|sobre|con) 1 (\d\d)\b/gi, '1$1 $2 1$3')
    .replace(/\b1 (\d\d) (over|sobre|con) (\d\d\d?)\b/gi, (whole, high: string, over: string, low: string) =>
      Number(high) <= Number(low) ? `1${high} ${over} ${low}` : whole,
    );
}

/**
 * "Four" heard as "for" before the rest of a sugar, as dictation writes it: "my sugar was for 12
 * this morning" is 412, and "sugar was 4 12" too. Only straight after a sugar and the verb that
 * gives its figure, and never before a length of time ("sugar was fine for 12 hours").
 */
const DICTATED_FOUR =
  /\b(sugar|sugars|glucose|bs|azucar|glucosa)((?: (?:was|is|s|at|of|reads?|said|says|showed|shows|came out|was like|like|level|levels|reading))+) (?:for|4) (\d\d)\b(?! ?(?:hours?|hrs?|days?|weeks?|minutes?|mins?|months?|years?|horas?|dias?|semanas?)\b)/gi;
const joinDictatedFours = (text: string) => text.replace(DICTATED_FOUR, '$1$2 4$3');

/** "Meter says HI", "el glucómetro marca HI": above what the meter can read (600 mg/dL on most). */
const METER_HIGH = 600;
// Every form of say, read and show, as written and as spoken ("meter say HI", "it was readin HI").
const METER_SAYS = new Set(['say', 'says', 'said', 'saying', 'sayin', 'reads', 'read', 'reading', 'readin', 'show', 'shows', 'showed', 'showing', 'showin', 'just', 'dice', 'marca', 'marcaba', 'salio', 'sale']);
/** "Meter just says LO": below what the meter can read (20 mg/dL on most). */
const METER_LOW = 20;
function meterReads(words: string[], says: 'hi' | 'lo'): boolean {
  return words.some((w, i) => w === says && i > 0 && METER_SAYS.has(words[i - 1]!) && words.slice(Math.max(0, i - 5), i).some((k) => isKeyword(k, 'glucose') || k === 'thing' || k === 'machine'));
}
function meterReadsOutOfRange(words: string[]): Vital | null {
  if (meterReads(words, 'lo')) return { kind: 'glucose', mgdl: METER_LOW };
  return meterReads(words, 'hi') ? { kind: 'glucose', mgdl: METER_HIGH, over: true } : null;
}

/**
 * An oximeter shows the pulse beside the oxygen: its figure above any oxygen's ("the pulse ox says 148")
 * is the pulse. Only the machine's words: "oxygen" alone names no machine showing a pulse.
 */
const OXIMETERS = new Set(['ox', 'oximeter', 'oximetro']);
function oximetersPulse(key: Key, words: string[], i: number, used: Set<number>): Vital | null {
  if (key !== 'oxygen' || !(OXIMETERS.has(words[i]!) || (words[i] === 'pulse' && words[i + 1]?.startsWith('ox')))) return null;
  const found = nearbyNumber(words, i, used, 'pulse');
  if (!found || found.value <= RANGES.oxygen[1]) return null;
  return reading('pulse', words, i, used);
}

/** Every vital sign the text states with a number. */
export function readVitals(text: string): Vital[] {
  // "one forty five over ninety two", "ciento ochenta con cien": the numbers as digits first.
  const words = tokens(joinDictatedFours(joinDictatedHundreds(spokenNumbersToDigits(text))));
  const bare = bareReading(words);
  if (bare.length > 0) return bare;
  const used = new Set<number>();
  const vitals: Vital[] = bloodPressures(words, used);
  const meter = meterReadsOutOfRange(words);
  if (meter) vitals.push(meter);
  words.forEach((word, i) => {
    // "pulse ox" is the oximeter, "heart rate" is two words.
    const key: Key | null =
      (word === 'pulse' && words[i + 1]?.startsWith('ox')) || isKeyword(word, 'oxygen')
        ? 'oxygen'
        : word === 'heart' && words[i + 1] === 'rate'
          ? 'pulse'
          : (['glucose', 'pulse', 'weight', 'temperature', 'gain'] as const).find((k) => isKeyword(word, k)) ?? null;
    const vital = key === 'gain' ? weightGain(words, i, used) : key !== null ? reading(key, words, i, used) ?? oximetersPulse(key, words, i, used) : null;
    if (!vital || vitals.some((v) => v.kind === vital.kind)) return;
    if (!isWeightAt(vital)) return void vitals.push(vital);
    vitals.push({ kind: 'weight', pounds: vital.pounds });
    const gain = vitals.some((v) => v.kind === 'weight_gain') ? null : vital.first !== undefined ? gainOverLog(words, vital.first, vital.pounds) : gainAgainstEarlier(words, vital, used);
    if (gain) vitals.push(gain);
  });
  const gain = vitals.some((v) => v.kind === 'weight_gain') ? null : gainSaid(words, used);
  if (gain) vitals.push(gain);
  // Scores are read as written: "un 8 hoy la rodilla" is an 8, not a 1 then an 8.
  const pain = painScore(tokens(text), new Set());
  if (pain) vitals.push(pain);
  return vitals;
}
