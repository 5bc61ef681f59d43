/** A practice export's one "Patient Name" column, split into the first and last names enrolment needs. */

export interface SplitName {
  firstName?: string;
  lastName?: string;
}

/**
 * "Alvarez, Ruth" (how EHRs list patients) is last name, then first; "Ruth
 * Alvarez" is first, then last. Without a comma the last word is taken as the
 * last name ("Ruth Ann Alvarez": Ruth Ann, Alvarez); a practice whose
 * patients have two surnames writes them with the comma ("Gonzalez Perez,
 * Maria"). A single word gives only a first name, which the row's check then
 * reports as a missing last name rather than guessing one.
 */
export function splitPatientName(full: string): SplitName {
  const comma = full.indexOf(',');
  if (comma >= 0) {
    const lastName = full.slice(0, comma).trim();
    const firstName = full.slice(comma + 1).trim();
    return { ...(firstName && { firstName }), ...(lastName && { lastName }) };
  }
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ? { firstName: words[0] } : {};
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! };
}
