/**
 * The prompt catalog: looks up a sentence by key and locale and fills in its
 * {placeholders}. Flows only ever name prompts by key; wording lives here.
 */
import type { Locale, PromptVars } from '../src/flows/types.js';
import { en } from './en.js';
import type { PromptCatalog, PromptEntry, PromptKey } from './en.js';
import { es } from './es.js';
import { smsBody, smsSegments, toGsm7 } from './sms.js';

export type { PromptCatalog, PromptEntry, PromptKey };
export { en, es };
export { smsBody, smsSegments, toGsm7 } from './sms.js';
export type { SmsSegmentInfo } from './sms.js';

export const catalogs: Readonly<Record<Locale, PromptCatalog>> = { en, es };

/** Every prompt key, in catalog order. */
export const PROMPT_KEYS = Object.keys(en) as PromptKey[];

const PLACEHOLDER = /\{(\w+)\}/g;

/** A practice's own wording for some prompts, by key and locale (only keys marked `practiceEditable`). */
export type PracticePrompts = Partial<Record<PromptKey, Partial<Record<Locale, string>>>>;

/** The prompts a practice may reword. */
export const EDITABLE_PROMPT_KEYS = PROMPT_KEYS.filter((key) => (en[key] as PromptEntry).practiceEditable === true);

/** One part of a step's reply: a prompt key and the extra values it needs. */
export interface SmsPart {
  prompt: PromptKey;
  params?: Record<string, string | number>;
}

/**
 * Renders one prompt in one locale, replacing each `{name}` with `vars[name]`.
 * Voice falls back to the SMS text until a voice variant is written.
 *
 * @throws Error when a placeholder has no value: sending "{firstName}" to a
 *   patient is worse than failing loudly. The message names the key and the
 *   placeholder, never a value (values may be PHI).
 */
export function renderPrompt(
  locale: Locale,
  key: PromptKey,
  vars: PromptVars & Record<string, string | number>,
  channel: 'sms' | 'voice' = 'sms',
  practicePrompts: PracticePrompts = {},
): string {
  const entry = catalogs[locale][key];
  const template = practicePrompts[key]?.[locale] ?? (channel === 'voice' ? (entry.voice ?? entry.sms) : entry.sms);
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      throw new Error(`Prompt "${key}" (${locale}) needs a value for {${name}}`);
    }
    return String(value);
  });
}

/**
 * Renders the `say` outputs of one flow step as ONE text message: the parts
 * joined by a space, then made a text body (smsBody): GSM-7 letters kept, the
 * others folded unless the exact text costs no more segments.
 */
export function renderSms(parts: ReadonlyArray<SmsPart>, locale: Locale, vars: PromptVars, practicePrompts: PracticePrompts = {}): string {
  const texts = parts.map((part) => renderPrompt(locale, part.prompt, { ...vars, ...part.params }, 'sms', practicePrompts));
  // An empty value (no dose when names are off) leaves no double space or space before a stop.
  return smsBody(texts.join(' ').replace(/ {2,}/g, ' ').replace(/ ([.,?!])/g, '$1'));
}

/** Long real-world values: the worst case for a text's length. */
const LONGEST_VARS = { firstName: 'Maximiliana', practiceName: 'Riverside Family Medicine Associates', practicePhone: '(555) 123-4567' };

/**
 * What is wrong with a practice's wording for `key` in `locale`, or null:
 * it may only use the placeholders the catalog's text uses, and must fit in
 * 2 GSM-7 segments with long values, like every text.
 */
export function practicePromptProblem(key: PromptKey, locale: Locale, text: string): string | null {
  if (!EDITABLE_PROMPT_KEYS.includes(key)) return `"${key}" cannot be changed by a practice`;
  const allowed = new Set([...catalogs[locale][key].sms.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !allowed.has(name));
  if (unknown.length > 0) return `uses {${unknown[0]}}; this text may use ${[...allowed].map((n) => `{${n}}`).join(', ') || 'no placeholders'}`;
  const sample = toGsm7(text.replace(PLACEHOLDER, (_m, name: string) => LONGEST_VARS[name as keyof typeof LONGEST_VARS] ?? name));
  const info = smsSegments(sample);
  if (info.encoding !== 'GSM-7' || info.segments > 2) return 'is too long: with a long name it must fit in 2 text messages (about 300 plain characters)';
  return null;
}
