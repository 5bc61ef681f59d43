/**
 * Numbers said aloud, as speech recognition sometimes writes them: "one forty
 * over ninety", "ciento cuarenta sobre noventa", "ninety-five". Each run of
 * number words becomes digits, so the reply parsers read "140 over 90".
 */
const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['oh', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['cero', 0], ['uno', 1], ['un', 1], ['dos', 2], ['tres', 3], ['cuatro', 4], ['cinco', 5], ['seis', 6], ['siete', 7], ['ocho', 8], ['nueve', 9],
]);
const TEENS: ReadonlyMap<string, number> = new Map([
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
  ['diez', 10], ['once', 11], ['doce', 12], ['trece', 13], ['catorce', 14], ['quince', 15], ['dieciseis', 16], ['diecisiete', 17], ['dieciocho', 18], ['diecinueve', 19],
  ['veinte', 20], ['veintiuno', 21], ['veintidos', 22], ['veintitres', 23], ['veinticuatro', 24], ['veinticinco', 25], ['veintiseis', 26], ['veintisiete', 27], ['veintiocho', 28], ['veintinueve', 29],
]);
const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['treinta', 30], ['cuarenta', 40], ['cincuenta', 50], ['sesenta', 60], ['setenta', 70], ['ochenta', 80], ['noventa', 90],
]);
const HUNDREDS: ReadonlyMap<string, number> = new Map([
  ['cien', 100], ['ciento', 100], ['doscientos', 200], ['doscientas', 200], ['trescientos', 300], ['trescientas', 300],
]);
const CONNECTORS = new Set(['and', 'y']);

const fold = (word: string) => word.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
const isNumberWord = (w: string) => UNITS.has(w) || TEENS.has(w) || TENS.has(w) || HUNDREDS.has(w) || w === 'hundred';
/** A word that says a number ("seventy", "cuarenta"); "oh" only inside one. */
export const isSpokenNumber = (word: string) => word !== 'oh' && isNumberWord(fold(word));

/** The value of a run of number words: "one forty" 140, "ciento cuarenta" 140, "ninety five" 95, "one hundred two" 102. */
function valueOf(run: readonly string[]): number | null {
  let total = 0;
  let current = 0;
  let sawHundreds = false;
  for (const [i, word] of run.entries()) {
    if (HUNDREDS.has(word)) {
      current += HUNDREDS.get(word)!;
      sawHundreds = true;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
      sawHundreds = true;
    } else if (TENS.has(word) || TEENS.has(word)) {
      const value = (TENS.get(word) ?? TEENS.get(word))!;
      // "one forty": a unit before tens, with no "hundred", is the hundreds digit, as readings are said.
      if (!sawHundreds && i > 0 && current > 0 && current < 10) current = current * 100;
      current += value;
    } else if (UNITS.get(word) === 0 && !sawHundreds && i > 0 && current > 0 && current < 10) {
      // "one oh eight": a zero said after the hundreds digit holds the tens place.
      current = current * 100;
      sawHundreds = true;
    } else if (UNITS.has(word)) {
      current += UNITS.get(word)!;
    }
  }
  total += current;
  return run.length > 0 ? total : null;
}

/** The text with each run of number words written as digits. */
export function spokenNumbersToDigits(text: string): string {
  const words = text.split(/(\s+|-)/);
  const out: string[] = [];
  let run: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (run.length > 0) out.push(String(valueOf(run)));
    run = [];
    out.push(...pending);
    pending = [];
  };
  for (const piece of words) {
    const word = fold(piece).replace(/[^a-z]/g, '');
    if (/^(\s+|-)$/.test(piece)) {
      (run.length > 0 ? pending : out).push(piece === '-' ? ' ' : piece);
      continue;
    }
    // "oh" is a zero only inside a number ("one oh eight"), never on its own ("oh no").
    if ((isNumberWord(word) && (word !== 'oh' || run.length > 0)) || (run.length > 0 && CONNECTORS.has(word))) {
      if (CONNECTORS.has(word)) continue;
      pending = [];
      run.push(word);
      // "ninety," keeps its comma after the digits.
      const trailing = /[.,!?;:]+$/.exec(piece)?.[0];
      if (trailing) {
        flush();
        out.push(trailing);
      }
      continue;
    }
    flush();
    out.push(piece);
  }
  flush();
  return out.join('').replace(/\s+/g, ' ').trim();
}
