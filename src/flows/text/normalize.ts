/**
 * Text normalisation shared by every parser in src/flows. Patients type on
 * phones with autocorrect, curly quotes, accents (or none), emoji and
 * shouting; everything downstream compares normalised tokens so that each
 * word list only needs one spelling.
 */

/** Apostrophe look-alikes phones insert (’ ‘ ‚ ‛ ′ ʼ ` ´). */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
/** Double-quote look-alikes (“ ” „ ‟ ″). */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
/**
 * Text normalizeText() would give back unchanged: words of plain lower-case letters and digits,
 * one space apart. Most words of the phrase lists are, and going through every pass for each of
 * them was most of what compiling the patterns cost at start (flows/text/phrase-pattern.ts).
 */
const ALREADY_NORMAL = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Lower-cases, folds accents ("sí" -> "si", "ñ" -> "n"), drops apostrophes
 * inside words ("can't" -> "cant") and turns every other character that is
 * not a letter or digit into a space, keeping "/" between digits so that
 * "145 / 92" stays one token "145/92" and "7/10" survives.
 *
 * @param text raw text as received (SMS body or speech transcript)
 * @returns space-separated tokens, trimmed; "" when nothing readable is left
 */
export function normalizeText(text: string): string {
  if (ALREADY_NORMAL.test(text)) return text;
  return (
    text
      .toLowerCase()
      // Quotes first: NFKD would turn "´" into a space plus a combining mark.
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/(?<=[\p{L}\p{N}])'+(?=\p{L})/gu, '')
      .replace(/(?<=\d)\s*\/\s*(?=\d)/g, '/')
      .replace(/[^\p{L}\p{N}/]+/gu, ' ')
      .replace(/(?<!\d)\/|\/(?!\d)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Splits text into normalised tokens.
 *
 * @returns the words of {@link normalizeText}, never empty strings
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  if (normalized === '') return [];
  const tokens = normalized.split(' ');
  return tokens.some((t) => SPOKEN_CANT.has(t)) ? tokens.map((t) => (SPOKEN_CANT.has(t) ? 'cant' : t)) : tokens;
}

/**
 * "Can't" as it is spoken and then spelt: Caribbean "cyaan", "cyan", "kyaan", Southern "caint". A
 * closed class, so every reader takes them as the word they are: "dey cyan fill de heart pill" denies
 * the filling, "mi cyaan breathe" is "can't breathe".
 */
const SPOKEN_CANT: ReadonlySet<string> = new Set(['cyaan', 'cyan', 'caan', 'kyaan', 'kyan', 'caint', 'kaint', 'cyaa', 'kyaa']);
