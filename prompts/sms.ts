/**
 * GSM-7 folding, the body a text is sent with, and SMS segment counting.
 *
 * A single character outside the GSM 03.38 alphabet switches a whole text to
 * UCS-2, which cuts a segment from 160 to 70 characters: a Spanish question
 * with one "á" costs two or three times as much and may arrive split. So the
 * SMS renderer keeps every letter GSM-7 has (é, ñ, ü, ¿, ¡, Ç, ...) and folds
 * only the others (á -> a, í -> i), unless the exact text costs no more
 * segments (smsBody).
 */
/** GSM 03.38 basic character set (one septet each). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** GSM 03.38 extension table: sent as ESC + char, so each costs two septets. */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

/** Characters whose GSM-7 stand-in is not found by stripping accents. */
const FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u2032': "'", // ′
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u2033': '"', // ″
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2212': '-', // minus sign
  '\u2026': '...', // ellipsis
  '\u00A0': ' ', // non-breaking space
  '\u2009': ' ', // thin space
  '\u202F': ' ', // narrow non-breaking space
  '\t': ' ',
};

const COMBINING_MARKS = /\p{M}/gu;

function isGsm(char: string): boolean {
  return GSM_BASIC.has(char) || GSM_EXTENSION.has(char);
}

function foldChar(char: string): string {
  if (isGsm(char)) return char;
  const mapped = FOLDS[char];
  if (mapped !== undefined) return mapped;
  // á -> a, Ú -> U, ç -> c: drop the accent only when what remains is GSM-7.
  const stripped = char.normalize('NFD').replace(COMBINING_MARKS, '');
  if (stripped.length > 0 && [...stripped].every(isGsm)) return stripped;
  return char;
}

/**
 * Folds characters outside GSM-7 to their nearest GSM-7 equivalents
 * (á -> a, í -> i, curly quotes -> straight, dashes -> '-', … -> '...', NBSP
 * -> space). Every character GSM-7 has is kept as it is: é è ù ì ò à ä ö ñ ü
 * Ä Ö Ñ Ü É Ç Å å Ø ø ¿ ¡. Characters with no equivalent (emoji) are left as
 * they are, so the text honestly stays UCS-2.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

/** Typographic punctuation written plain: it changes no word, so it is never worth a UCS-2 text. */
function plainPunctuation(text: string): string {
  let out = '';
  for (const char of text) out += FOLDS[char] ?? char;
  return out;
}

/**
 * The body a patient's text is sent with. "Sí" is not GSM-7 (í, á, ó, ú are
 * not in the alphabet), so keeping it makes the whole text UCS-2: 70
 * characters a segment instead of 160. The rule: the exact text, accents and
 * all, when that costs no more segments than the GSM-7 fold (in practice a
 * text of at most 70 characters, "¡Muy bien, Ana, gracias! Siga así."); the
 * fold otherwise ("Responda 1 Si, 2 No." inside a longer question). Better
 * for patients than UCS-2 always: every extra segment is one more piece that
 * older phones and some carriers show apart, late or out of order (an
 * opening's "Responda STOP" line could arrive on its own), while "Si" after
 * "Responda 1" is read as "yes" by every reader. Better than folding always:
 * a short text loses nothing by being exact.
 */
export function smsBody(text: string): string {
  const exact = plainPunctuation(text);
  const folded = toGsm7(text);
  if (exact === folded) return folded;
  return smsSegments(exact).segments <= smsSegments(folded).segments ? exact : folded;
}

export interface SmsSegmentInfo {
  encoding: 'GSM-7' | 'UCS-2';
  /** Number of SMS segments the text is billed and delivered as (0 for an empty text). */
  segments: number;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
}

const LIMITS = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
} as const;

/**
 * Counts the SMS segments of a text as a carrier would.
 *
 * GSM-7: 160 septets in one segment, 153 per segment when concatenated;
 * extension characters (^{}\[~]|€ and form feed) take 2 septets. UCS-2: 70
 * UTF-16 units alone, 67 when concatenated. A 2-unit character (escape pair or
 * surrogate pair) is never split across segments, as handsets do.
 */
export function smsSegments(text: string): SmsSegmentInfo {
  const chars = [...text];
  const encoding = chars.every(isGsm) ? 'GSM-7' : 'UCS-2';
  const sizes = chars.map((char) =>
    encoding === 'GSM-7' ? (GSM_EXTENSION.has(char) ? 2 : 1) : char.length,
  );
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const limit = LIMITS[encoding];
  if (units === 0) return { encoding, segments: 0, units };
  if (units <= limit.single) return { encoding, segments: 1, units };

  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limit.concatenated) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, units };
}
