/**
 * How a text names medicines: by name and dose only when the practice allows
 * names in texts, else "medicine" / "medicines" (a lock screen or a shared
 * phone must not tell anyone what the patient takes).
 */
import type { Locale } from '../types.js';

/** The words for a medicine (or several) when names are kept out of texts; as open.ts's for one medicine. */
const GENERIC: Readonly<Record<Locale, { one: string; several: string }>> = {
  en: { one: 'medicine', several: 'medicines' },
  es: { one: 'medicina', several: 'medicinas' },
};

export interface NamedMedicine {
  name: string;
  dose: string;
}

/** "metformin 500 mg and lisinopril 10 mg", "metformina 500 mg y lisinopril 10 mg"; the generic word without names. */
export function medicineWords(medicines: readonly NamedMedicine[], namesInTexts: boolean, locale: Locale): string {
  if (!namesInTexts) return medicines.length > 1 ? GENERIC[locale].several : GENERIC[locale].one;
  const each = medicines.map((m) => `${m.name} ${m.dose}`.trim());
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(each);
}
