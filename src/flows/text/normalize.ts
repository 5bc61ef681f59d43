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
 * Lower-cases, folds accents ("sí" -> "si", "ñ" -> "n"), drops apostrophes
 * inside words ("can't" -> "cant") and turns every other character that is
 * not a letter or digit into a space, keeping "/" between digits so that
 * "145 / 92" stays one token "145/92" and "7/10" survives.
 *
 * @param text raw text as received (SMS body or speech transcript)
 * @returns space-separated tokens, trimmed; "" when nothing readable is left
 */
export function normalizeText(text: string): string {
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
  return normalized === '' ? [] : normalized.split(' ');
}
