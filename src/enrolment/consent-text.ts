/**
 * The consent text a practice shows, per language, as versions: a new wording
 * (or a new practice name) is a new row, never an edit, so what an earlier
 * patient agreed to stays as they saw it. The body is composed from the
 * elements, their headings and the practice's name; the billing practitioner
 * differs from patient to patient, so the body keeps {practitioner} and each
 * consent keeps the hash of the text as that patient was shown it.
 */
import { createHash } from 'node:crypto';
import { CONSENT_WORDING } from '../../prompts/consent.js';
import { DomainError } from '../errors.js';
import { CONSENT_ELEMENTS, insertConsentText, latestConsentText, type ConsentElement, type ConsentLanguage, type ConsentText } from '../store/consents.js';
import type { Practice } from '../store/practices.js';
import type { Queryable } from '../store/sql.js';

/** Who made the versions the service makes itself (the default text, a practice's new name). */
export const DEFAULT_TEXT_AUTHOR = 'ccm-bot';
/** The longest wording of one element a practice may publish. */
const MAX_ELEMENT_LENGTH = 2000;
const PLACEHOLDERS = new Set(['practice', 'practitioner']);

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const fill = (text: string, names: { practice?: string; practitioner?: string }): string =>
  text.replace(/\{(practice|practitioner)\}/g, (mark, name: 'practice' | 'practitioner') => names[name] ?? mark);

/**
 * The whole text of a version: the title, each element under its heading, in
 * the order CMS lists them, then what signing means. {practitioner} is left
 * for consentShown.
 */
export function composeConsentBody(language: ConsentLanguage, elements: Record<ConsentElement, string>, practiceName: string): string {
  const w = CONSENT_WORDING[language];
  const parts = [w.title, ...CONSENT_ELEMENTS.map((key) => `${w.headings[key]}\n${elements[key].trim()}`), w.agreement];
  return fill(parts.join('\n\n'), { practice: practiceName });
}

export { consentShown } from '../store/consents.js';

/** One element's words as shown, for the page and the verbal script. */
export const elementShown = (text: ConsentText, key: ConsentElement, names: { practice: string; practitioner: string }): string => fill(text.elements[key].trim(), names);

function checkElements(elements: Record<string, unknown>): Record<ConsentElement, string> {
  for (const key of CONSENT_ELEMENTS) {
    const value = elements[key];
    if (typeof value !== 'string' || value.trim() === '') throw new DomainError('validation_failed', 'each required element needs its wording', `elements.${key}`);
    if (value.length > MAX_ELEMENT_LENGTH) throw new DomainError('validation_failed', `must be at most ${MAX_ELEMENT_LENGTH} characters`, `elements.${key}`);
    const unknown = [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).find((name) => !PLACEHOLDERS.has(name));
    if (unknown) throw new DomainError('validation_failed', `{${unknown}} is not a name the text can hold; use {practice} or {practitioner}`, `elements.${key}`);
  }
  const extra = Object.keys(elements).find((key) => !(CONSENT_ELEMENTS as readonly string[]).includes(key));
  if (extra) throw new DomainError('validation_failed', `"${extra}" is not a consent element; the elements are ${CONSENT_ELEMENTS.join(', ')}`, 'elements');
  return Object.fromEntries(CONSENT_ELEMENTS.map((key) => [key, (elements[key] as string).trim()])) as Record<ConsentElement, string>;
}

/** Inserts the next version; a version number taken by a concurrent publish is taken again from the next. */
async function insertVersion(tx: Queryable, practice: Practice, language: ConsentLanguage, elements: Record<ConsentElement, string>, createdBy: string, at: Date): Promise<ConsentText> {
  const body = composeConsentBody(language, elements, practice.name);
  for (let attempt = 0; attempt < 3; attempt++) {
    const text = await insertConsentText(tx, { practiceId: practice.id, language, elements, body, sha256: sha256Hex(body), createdBy, at });
    if (text) return text;
  }
  throw new DomainError('conflict', 'the consent text was changed by someone else at the same moment; try again');
}

/**
 * The practice's text in this language as it is to be shown now: version 1
 * from the defaults (prompts/consent.ts) when the practice has none, and a
 * new version with the same wording when the practice's name has changed
 * since the newest (its rows keep the name their patients saw).
 */
export async function currentConsentText(tx: Queryable, practice: Practice, language: ConsentLanguage, at: Date, createdBy: string = DEFAULT_TEXT_AUTHOR): Promise<ConsentText> {
  const latest = await latestConsentText(tx, practice.id, language);
  if (!latest) return insertVersion(tx, practice, language, CONSENT_WORDING[language].elements, createdBy, at);
  if (latest.body === composeConsentBody(language, latest.elements, practice.name)) return latest;
  return insertVersion(tx, practice, language, latest.elements, createdBy, at);
}

/** A practice's new wording: a new version; earlier rows, and what earlier patients signed, stay as they were. */
export async function publishConsentText(
  tx: Queryable,
  practice: Practice,
  input: { language: ConsentLanguage; elements: Record<ConsentElement, string>; createdBy: string; at: Date },
): Promise<ConsentText> {
  if (input.language !== 'en' && input.language !== 'es') throw new DomainError('validation_failed', 'must be "en" or "es"', 'language');
  const elements = checkElements(input.elements as Record<string, unknown>);
  return insertVersion(tx, practice, input.language, elements, input.createdBy, input.at);
}
