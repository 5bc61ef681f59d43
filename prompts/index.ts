/**
 * The prompt catalog: looks up a sentence by key and locale and fills in its
 * {placeholders}. Flows only ever name prompts by key; wording lives here.
 */
import type { Locale, PromptVars } from '../src/flows/types.js';
import { en } from './en.js';
import type { PromptCatalog, PromptEntry, PromptKey } from './en.js';
import { es } from './es.js';
import { toGsm7 } from './sms.js';

export type { PromptCatalog, PromptEntry, PromptKey };
export { en, es };
export { smsSegments, toGsm7 } from './sms.js';
export type { SmsSegmentInfo } from './sms.js';

export const catalogs: Readonly<Record<Locale, PromptCatalog>> = { en, es };

/** Every prompt key, in catalog order. */
export const PROMPT_KEYS = Object.keys(en) as PromptKey[];

const PLACEHOLDER = /\{(\w+)\}/g;

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
): string {
  const entry = catalogs[locale][key];
  const template = channel === 'voice' ? (entry.voice ?? entry.sms) : entry.sms;
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
 * joined by a space, then folded to GSM-7 so an accented Spanish word or a
 * curly apostrophe in a name does not switch the message to UCS-2.
 */
export function renderSms(parts: ReadonlyArray<SmsPart>, locale: Locale, vars: PromptVars): string {
  const texts = parts.map((part) => renderPrompt(locale, part.prompt, { ...vars, ...part.params }, 'sms'));
  return toGsm7(texts.join(' '));
}
