/**
 * Free-text answers ("Tell us in a few words what is going on").
 */

/**
 * Keeps a reply that says something.
 *
 * @returns the trimmed original text when it has at least one letter or
 *   digit, null for replies of only emoji, punctuation or whitespace
 */
export function parseFreeText(text: string): string | null {
  return /[\p{L}\p{N}]/u.test(text) ? text.trim() : null;
}
