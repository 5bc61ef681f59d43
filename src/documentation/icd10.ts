/**
 * ICD-10-CM codes for the chronic conditions practices enroll most often, so a
 * care plan written in words ("type 2 diabetes") carries a code. A condition
 * not known here keeps no code rather than a guessed one; staff may give one.
 */
const KNOWN: readonly (readonly [RegExp, string, string])[] = [
  [/^(essential )?(hypertension|htn|high blood pressure)$/, 'I10', 'Essential (primary) hypertension'],
  [/^(type (2|ii) )?diabetes( mellitus)?( type (2|ii))?$|^t2dm?$|^dm2$/, 'E11.9', 'Type 2 diabetes mellitus without complications'],
  [/^type (1|i) diabetes( mellitus)?$|^t1dm?$/, 'E10.9', 'Type 1 diabetes mellitus without complications'],
  [/^(congestive )?heart failure$|^chf$|^hf$/, 'I50.9', 'Heart failure, unspecified'],
  [/^copd$|^chronic obstructive pulmonary disease$|^emphysema$/, 'J44.9', 'Chronic obstructive pulmonary disease, unspecified'],
  [/^asthma$/, 'J45.909', 'Unspecified asthma, uncomplicated'],
  [/^(chronic kidney disease|ckd)$/, 'N18.9', 'Chronic kidney disease, unspecified'],
  [/^(atrial fibrillation|afib|a-fib|a fib)$/, 'I48.91', 'Unspecified atrial fibrillation'],
  [/^(coronary artery disease|cad|ischemic heart disease)$/, 'I25.10', 'Atherosclerotic heart disease of native coronary artery'],
  [/^(hyperlipidemia|high cholesterol|dyslipidemia)$/, 'E78.5', 'Hyperlipidemia, unspecified'],
  [/^(depression|major depressive disorder|mdd)$/, 'F32.A', 'Depression, unspecified'],
  [/^(anxiety|generalized anxiety disorder|gad)$/, 'F41.1', 'Generalized anxiety disorder'],
  [/^(osteoarthritis|arthritis|oa)$/, 'M19.90', 'Unspecified osteoarthritis, unspecified site'],
  [/^rheumatoid arthritis$|^ra$/, 'M06.9', 'Rheumatoid arthritis, unspecified'],
  [/^(hypothyroidism|underactive thyroid)$/, 'E03.9', 'Hypothyroidism, unspecified'],
  [/^obesity$/, 'E66.9', 'Obesity, unspecified'],
  [/^osteoporosis$/, 'M81.0', 'Age-related osteoporosis without current pathological fracture'],
  [/^(dementia|alzheimer'?s( disease)?)$/, 'F03.90', 'Unspecified dementia without behavioral disturbance'],
  [/^(chronic pain)$/, 'G89.29', 'Other chronic pain'],
];

const ICD10_SHAPE = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** A well-formed ICD-10-CM code ('I10', 'E11.9'), upper-cased; null when the text is not one. */
export function asIcd10(text: string): string | null {
  const code = text.trim().toUpperCase();
  return ICD10_SHAPE.test(code) ? code : null;
}

/** The code of a condition named in words, when it is one we know. */
export function icd10For(condition: string): string | null {
  const name = condition.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.,;]+$/, '');
  return KNOWN.find(([pattern]) => pattern.test(name))?.[1] ?? asIcd10(condition);
}
