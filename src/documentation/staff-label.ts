/**
 * How a staff member is named wherever the record shows them (approvals,
 * time entries, FHIR attesters): "Linda Park, RN". Practices often type the
 * credential into the name as well ("Linda Park, RN", "Linda Park RN"), so
 * it is added only when the name does not already carry it; otherwise the
 * record reads "Linda Park, RN, RN".
 */

/** "R.N." and "rn" are the same credential. */
const squash = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The words a name ends with that may be credentials: everything after its first comma, or its last word. */
function trailingWords(name: string): string[] {
  const comma = name.indexOf(',');
  if (comma >= 0) return name.slice(comma + 1).split(/[\s,/]+/).map(squash).filter(Boolean);
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? [squash(words.at(-1)!)] : [];
}

/** "Nora Nurse, RN"; the name alone when it already ends with the credential or there is none. */
export function staffLabel(s: { name: string; credential: string | null }): string {
  const name = s.name.trim();
  if (!s.credential || squash(s.credential) === '') return name;
  return trailingWords(name).includes(squash(s.credential)) ? name : `${name}, ${s.credential}`;
}
