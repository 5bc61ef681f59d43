/**
 * How patients name a medicine: its generic name, a brand ("Lasix",
 * "Eliquis"), a Spanish spelling ("metformina"), or an everyday word for what
 * it is for ("water pill", "la de la presión", "blood thinner"). A patient's
 * medicine list says "Furosemide 40 mg"; this is what lets "the water pill"
 * and "my lasix" reach it. Pattern syntax: src/flows/text/phrase-pattern.ts.
 */
import { editDistance } from '../text/fuzzy.js';
import { tokenize } from '../text/normalize.js';

export type MedicineKind = 'water' | 'thinner' | 'sugar' | 'pressure' | 'cholesterol' | 'insulin';

/**
 * Each generic with the names it goes by; a Spanish spelling is listed only
 * when it is more than one typo from the English ("hidroclorotiazida").
 */
const GENERICS: ReadonlyArray<{ kind: MedicineKind; names: readonly string[] }> = [
  { kind: 'water', names: ['furosemide', 'lasix'] },
  { kind: 'water', names: ['torsemide', 'demadex', 'soaanz'] },
  { kind: 'water', names: ['bumetanide', 'bumex'] },
  { kind: 'water', names: ['hydrochlorothiazide', 'hctz', 'microzide', 'hidroclorotiazida'] },
  { kind: 'water', names: ['chlorthalidone', 'thalitone', 'clortalidona'] },
  { kind: 'water', names: ['spironolactone', 'aldactone', 'espironolactona'] },
  { kind: 'thinner', names: ['warfarin', 'coumadin', 'jantoven'] },
  { kind: 'thinner', names: ['apixaban', 'eliquis'] },
  { kind: 'thinner', names: ['rivaroxaban', 'xarelto'] },
  { kind: 'thinner', names: ['dabigatran', 'pradaxa'] },
  { kind: 'thinner', names: ['clopidogrel', 'plavix'] },
  { kind: 'sugar', names: ['metformin', 'glucophage'] },
  { kind: 'sugar', names: ['glipizide', 'glucotrol'] },
  { kind: 'sugar', names: ['glimepiride', 'amaryl'] },
  { kind: 'sugar', names: ['sitagliptin', 'januvia'] },
  { kind: 'sugar', names: ['empagliflozin', 'jardiance'] },
  { kind: 'pressure', names: ['lisinopril', 'zestril', 'prinivil'] },
  { kind: 'pressure', names: ['losartan', 'cozaar'] },
  { kind: 'pressure', names: ['amlodipine', 'norvasc'] },
  { kind: 'pressure', names: ['metoprolol', 'lopressor', 'toprol'] },
  { kind: 'pressure', names: ['carvedilol', 'coreg'] },
  { kind: 'pressure', names: ['valsartan', 'diovan'] },
  { kind: 'cholesterol', names: ['atorvastatin', 'lipitor'] },
  { kind: 'cholesterol', names: ['simvastatin', 'zocor'] },
  { kind: 'cholesterol', names: ['rosuvastatin', 'crestor'] },
  { kind: 'cholesterol', names: ['pravastatin', 'pravachol'] },
  { kind: 'insulin', names: ['glargine', 'lantus', 'basaglar', 'toujeo', 'semglee'] },
  { kind: 'insulin', names: ['lispro', 'humalog', 'admelog'] },
  { kind: 'insulin', names: ['aspart', 'novolog', 'fiasp'] },
  { kind: 'insulin', names: ['detemir', 'levemir'] },
  { kind: 'insulin', names: ['degludec', 'tresiba'] },
  { kind: 'insulin', names: ['nph', 'humulin', 'novolin'] },
];

const PILL = '(pill*|pil|med*|tablet*|capsule*)';
const ES_PILL = '(la|las|pastilla*|pildora*|medicina*|medicamento*|tableta*)';

/**
 * Everyday names for each kind. A Spanish one needs "la"/"pastilla" before
 * it: "me tomé la presión" is a reading, "me tomé la de la presión" a pill.
 */
const KIND_PHRASES: Readonly<Record<MedicineKind, readonly string[]>> = {
  water: [`(water|fluid) ${PILL}`, 'diuretic*', 'diuretico*', `${ES_PILL} (del|de|para el|pa el|pal|para|pa) agua`, `${ES_PILL} (para|pa) orinar`],
  thinner: [
    '(blood|my|the|her|his) thinner*', 'anticoagula*', '(para|pa) (adelgazar|aguadar|diluir|aflojar) (la)? sangre',
    `${ES_PILL} (de|para|pa) la sangre`,
  ],
  sugar: [`(sugar|diabetes|diabetic|diabetis) ${PILL}`, `${ES_PILL} (del|de la|de|para el|para la|pa la|pal|para|pa) (azucar|diabetes|diabetis)`],
  pressure: [`(blood)? (pressure|presure|preasure|bp) ${PILL}`, `${ES_PILL} (de la|para la|pa la|de|para) (presion|precion|tension)`],
  // Not "statin" alone: one typo from "station".
  cholesterol: [`(cholesterol|cholestrol|colesterol|statin) ${PILL}`, `${ES_PILL} (del|para el|pal|pa el|de) colesterol`],
  // Whole words: the stem would take "insulting".
  insulin: ['(insulin|insulins|insuline|insulina|insulinas)'],
};

export const KIND_PHRASE_LIST: ReadonlyArray<{ kind: MedicineKind; source: string }> = (
  Object.entries(KIND_PHRASES) as Array<[MedicineKind, readonly string[]]>
).flatMap(([kind, sources]) => sources.map((source) => ({ kind, source })));

/** Words a class phrase says in the plural: "my blood pressure pills" are all of them. */
const PLURALS = new Set([
  'pills', 'pils', 'meds', 'medicines', 'medications', 'tablets', 'capsules', 'thinners', 'diuretics', 'statins',
  'las', 'pastillas', 'pildoras', 'medicinas', 'medicamentos', 'tabletas', 'diureticos', 'anticoagulantes',
]);
export const saysPlural = (tokens: readonly string[]) => tokens.some((t) => PLURALS.has(t));

/** Words of a medicine list entry that are not its name: "Metoprolol succinate ER 25 mg tab". */
const NOT_A_NAME = new Set([
  'mg', 'mcg', 'ml', 'unit', 'units', 'tab', 'tabs', 'tablet', 'tablets', 'cap', 'caps', 'capsule', 'capsules', 'oral',
  'er', 'xr', 'xl', 'sr', 'cr', 'dr', 'extended', 'release', 'daily', 'pen', 'flexpen', 'kwikpen', 'solostar', 'injection',
  'solution', 'hcl', 'hydrochloride', 'sodium', 'potassium', 'calcium', 'magnesium', 'succinate', 'tartrate', 'besylate',
  'mesylate', 'maleate', 'and', 'with', 'insulin', 'insulina',
]);

/** Drug names this long are spelt by ear ("metaforman", "lisinipril"): two slips are forgiven when the first letter agrees. */
const LONG_NAME = 8;

/**
 * Whether a patient's token is this name: exact, or one typo away for a
 * name of 5+ letters (two for a long one). The first letter must agree below
 * 7 letters, as in fuzzy.ts; a longer drug name is too unlike any everyday
 * word to need it.
 */
export function sameName(token: string, name: string): boolean {
  if (token === name) return true;
  if (name.length < 5 || !/^[a-z]+$/.test(token)) return false;
  const slips = name.length >= LONG_NAME && token[0] === name[0] ? 2 : 1;
  if (Math.abs(token.length - name.length) > slips) return false;
  if (name.length < 7 && token[0] !== name[0]) return false;
  return editDistance(token, name) <= slips;
}

export interface KnownMedicine {
  id: string;
  /** One-word names it goes by: its own words, the generic, brands. */
  names: readonly string[];
  kinds: ReadonlySet<MedicineKind>;
}

/** What a patient's medicine can be called, from its entry in their list. */
export function knowMedicine(medicine: { id: string; name: string }): KnownMedicine {
  const all = tokenize(medicine.name);
  const generics = GENERICS.filter((g) => all.some((w) => g.names.some((n) => sameName(w, n))));
  // Other words of the entry name it too ("aspirin"), but not a short everyday one ("baby aspirin", "fish oil").
  const words = all.filter((w) => /^[a-z]{5,}$/.test(w) && !NOT_A_NAME.has(w));
  const kinds = new Set(generics.map((g) => g.kind));
  if (all.some((w) => w.startsWith('insulin'))) kinds.add('insulin');
  return { id: medicine.id, names: [...new Set([...words, ...generics.flatMap((g) => g.names)])], kinds };
}

/** Every one-word drug name known here, to tell a text that names some medicine. */
export const ALL_DRUG_NAMES: readonly string[] = GENERICS.flatMap((g) => g.names);
