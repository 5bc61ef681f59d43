/**
 * A month's CCM minutes and the codes they support (pure: no I/O, no clock).
 * The rules are data below: the three code families in preference order, their
 * thresholds, unit sizes and caps, and the conditions APCM needs. See
 * DOMAIN.md, "Billing codes".
 */
import { DateTime } from 'luxon';
import { CCM_CODES, TIME_ACTIVITIES } from './types.js';
import type {
  ApcmCode,
  BillingInputs,
  CcmCode,
  CodeSuggestion,
  CountedEntry,
  MonthTimeEntry,
  SuggestedCode,
  TimeActivity,
  TimeTotals,
  Warning,
} from './types.js';

/**
 * A base code and its add-on. Only one family is billed a month, which is what
 * keeps 99490/99439, 99487/99489 and 99491/99437 apart (DOMAIN.md: never two
 * of them in one month). The billing practitioner's own time may count toward
 * the clinical-staff codes (CMS allows it), so the staff families use both.
 */
interface CodeFamily {
  label: string;
  base: CcmCode;
  addOn: CcmCode;
  baseMinutes: number;
  addOnMinutes: number;
  /** Most add-on units a month; null: no limit. */
  maxAddOns: number | null;
  time: 'staff_and_practitioner' | 'practitioner';
  /** Needs moderate/high complexity and a care plan established or revised this month. */
  complexOnly: boolean;
  /**
   * When the family is the preferred choice: 'own_work', only when the
   * practitioner's own time is no less than the clinical staff's (they did the
   * work; otherwise the family is only a fallback); 'reportable', whenever its
   * conditions and threshold are met.
   */
  preferred: 'own_work' | 'reportable';
}

/**
 * In preference order: the first family whose time reaches its base (and, for
 * the practitioner family, whose practitioner did the work) is the choice. If
 * its base code is disabled, the first other family here the time supports is
 * suggested instead.
 */
export const CODE_FAMILIES: readonly CodeFamily[] = [
  { label: 'practitioner', base: '99491', addOn: '99437', baseMinutes: 30, addOnMinutes: 30, maxAddOns: null, time: 'practitioner', complexOnly: false, preferred: 'own_work' },
  { label: 'complex', base: '99487', addOn: '99489', baseMinutes: 60, addOnMinutes: 30, maxAddOns: null, time: 'staff_and_practitioner', complexOnly: true, preferred: 'reportable' },
  { label: 'non-complex', base: '99490', addOn: '99439', baseMinutes: 20, addOnMinutes: 20, maxAddOns: 2, time: 'staff_and_practitioner', complexOnly: false, preferred: 'reportable' },
];

/** Chronic conditions under the care plan each program needs (CMS: G0556 one, G0557/G0558 two or more). */
export const CCM_MIN_CONDITIONS = 2;
export const APCM_MIN_CONDITIONS: Record<ApcmCode, number> = { G0556: 1, G0557: 2, G0558: 2 };

/** How far below the next code or unit (seconds) a month is "near" it. */
const NEAR_SECONDS = 5 * 60;
/** Warnings that mean a person must look before billing. */
const REVIEW_WARNINGS = new Set(['no_two_way_contact']);

/** The local midnights starting `month` ('YYYY-MM') and the next month in `timezone`. */
export function monthBounds(month: string, timezone: string): { start: Date; end: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`month must be YYYY-MM: "${month}"`);
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: timezone });
  if (!start.isValid) throw new RangeError(`not a timezone: "${timezone}"`);
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
}

/** Each entry's part inside the month and at or after consent; exact seconds, floored per entry. */
export function countTime(inputs: BillingInputs): TimeTotals {
  const { start, end } = monthBounds(inputs.month, inputs.timezone);
  const consentAt = inputs.consent.status === 'granted' ? instant(inputs.consent.recordedAt) : null;
  const consentLabel = localLabel(instant(inputs.consent.recordedAt), inputs.timezone);
  const byActivity = Object.fromEntries(TIME_ACTIVITIES.map((a) => [a, 0])) as Record<TimeActivity, number>;
  const totals: TimeTotals = { clinicalStaffSeconds: 0, practitionerSeconds: 0, byActivity, secondsBeforeConsent: 0, entries: [] };
  for (const entry of inputs.entries) {
    const counted = countEntry(entry, start.getTime(), end.getTime(), consentAt, consentLabel);
    if (entry.staffRole === 'practitioner') totals.practitionerSeconds += counted.countedSeconds;
    else totals.clinicalStaffSeconds += counted.countedSeconds;
    byActivity[entry.activity] += counted.countedSeconds;
    totals.secondsBeforeConsent += counted.secondsInMonth - counted.countedSeconds;
    totals.entries.push(counted);
  }
  return totals;
}

function countEntry(entry: MonthTimeEntry, monthStart: number, monthEnd: number, consentAt: number | null, consentLabel: string): CountedEntry {
  const from = instant(entry.start);
  const to = instant(entry.end);
  const inFrom = Math.max(from, monthStart);
  const inTo = Math.min(to, monthEnd);
  const secondsInMonth = wholeSeconds(inTo - inFrom);
  // Declined consent: nothing counts. Granted: only what is at or after it.
  const countedSeconds = consentAt === null ? 0 : wholeSeconds(inTo - Math.max(inFrom, consentAt));
  const reasons: string[] = [];
  const outside = wholeSeconds(to - from) - secondsInMonth;
  if (outside > 0) reasons.push(secondsInMonth === 0 ? 'outside the month' : `${duration(outside)} outside the month`);
  const before = secondsInMonth - countedSeconds;
  if (before > 0 && consentAt === null) reasons.push(`consent was declined (recorded on ${consentLabel})`);
  else if (before > 0) reasons.push(`${countedSeconds === 0 ? '' : `${duration(before)} `}before consent was recorded on ${consentLabel}`);
  return { id: entry.id, secondsInMonth, countedSeconds, excludedBecause: reasons.length > 0 ? reasons.join('; ') : null };
}

/** The codes the month supports, why, and what a person should know before billing. */
export function suggestCodes(inputs: BillingInputs): CodeSuggestion {
  const totals = countTime(inputs);
  const warnings = eligibilityWarnings(inputs, totals);
  const blocked = warnings.filter((w) => w.code === 'no_consent' || w.code === 'too_few_conditions');
  const chosen =
    inputs.billing.model === 'apcm' ? chooseApcm(inputs, totals, blocked, warnings) : chooseCcm(inputs, totals, blocked, warnings);
  if (chosen.codes.length > 0 && !inputs.twoWayContact) {
    warnings.push({ code: 'no_two_way_contact', message: 'No two-way contact with the patient this month (no reply, no answered call): check before billing' });
  }
  return { ...chosen, warnings, needsReview: warnings.some((w) => REVIEW_WARNINGS.has(w.code)), totals };
}

function eligibilityWarnings(inputs: BillingInputs, totals: TimeTotals): Warning[] {
  const warnings: Warning[] = [];
  const recordedAt = instant(inputs.consent.recordedAt);
  const label = localLabel(recordedAt, inputs.timezone);
  if (inputs.consent.status === 'declined') {
    warnings.push({ code: 'no_consent', message: `Consent was declined (recorded on ${label}): no code` });
  } else if (recordedAt >= monthBounds(inputs.month, inputs.timezone).end.getTime()) {
    warnings.push({ code: 'no_consent', message: `Consent was recorded on ${label}, after this month: no code` });
  } else if (totals.secondsBeforeConsent > 0) {
    warnings.push({
      code: 'consent_after_start',
      message: `Consent was recorded on ${label}: ${duration(totals.secondsBeforeConsent)} of this month's time came before it and does not count`,
    });
  }
  const program = inputs.billing.model === 'apcm' ? inputs.billing.apcmCode : 'CCM';
  const needed = inputs.billing.model === 'apcm' ? APCM_MIN_CONDITIONS[inputs.billing.apcmCode] : CCM_MIN_CONDITIONS;
  if (inputs.chronicConditions < needed) {
    const n = inputs.chronicConditions;
    warnings.push({
      code: 'too_few_conditions',
      message: `${n} chronic condition${n === 1 ? '' : 's'} under the care plan; ${program} needs ${needed} or more`,
    });
  }
  return warnings;
}

type Chosen = Pick<CodeSuggestion, 'codes' | 'explanation'>;

/** APCM: one monthly code with no time threshold, and never a CCM code beside it. */
function chooseApcm(inputs: BillingInputs, totals: TimeTotals, blocked: Warning[], warnings: Warning[]): Chosen {
  const code = inputs.billing.apcmCode;
  const notCcm = `the practice bills APCM, so no CCM code (${CCM_CODES.join(', ')}) is suggested`;
  if (blocked.length > 0) return { codes: [], explanation: `No code: ${blocked.map((w) => w.message).join('; ')}; ${notCcm}` };
  if (inputs.billing.disabledCodes.includes(code)) {
    warnings.push({ code: 'code_disabled', message: `${code} is disabled for this practice, and an APCM practice bills no CCM code: nothing to suggest` });
    return { codes: [], explanation: `No code: ${code} is disabled; ${notCcm}` };
  }
  const minutes = duration(totals.clinicalStaffSeconds + totals.practitionerSeconds);
  return {
    codes: [{ code, units: 1, reason: `APCM, monthly with no time threshold; ${inputs.chronicConditions} chronic conditions under the care plan` }],
    explanation: `${code} (APCM): ${notCcm}; the ${minutes} of documented time is kept for the record, not billed`,
  };
}

/** A family's combination for the month's time. */
interface Option {
  family: CodeFamily;
  seconds: number;
  addOns: number;
  codes: SuggestedCode[];
}

/** What the rules prefer for the time (disabled codes aside) and what can be suggested. */
interface Choice {
  /** The preferred combination as if no code were disabled; null: the time supports none. */
  ideal: Option | null;
  /** The preferred family if its base is enabled, else the next one in order the time supports. */
  chosen: Option | null;
  /** Every family's combination with the practice's disabled codes, in preference order. */
  options: Option[];
}

function chooseCcm(inputs: BillingInputs, totals: TimeTotals, blocked: Warning[], warnings: Warning[]): Chosen {
  const complexMonth = inputs.complex && inputs.carePlanEstablishedOrRevised;
  if (inputs.complex && !complexMonth) {
    warnings.push({ code: 'complex_without_care_plan', message: 'Marked complex, but no care plan was established or substantially revised this month: 99487/99489 are not available' });
  }
  if (blocked.length > 0) return { codes: [], explanation: `No code: ${blocked.map((w) => w.message).join('; ')}` };
  const families = CODE_FAMILIES.filter((f) => !f.complexOnly || complexMonth);
  const disabled = new Set<string>(inputs.billing.disabledCodes);
  const choice = choose(families, totals, disabled);
  const { ideal, chosen } = choice;
  // Name each disabled code the preferred combination needed; the choice above already fell back.
  const instead = chosen ? `suggesting ${describe(chosen)} instead` : 'no other code is supported';
  for (const code of ideal?.codes ?? []) {
    if (!ideal || !disabled.has(code.code)) continue;
    warnings.push({ code: 'code_disabled', message: `${code.code} is disabled for this practice; the time supported ${describe(ideal)}: ${instead}` });
  }
  const near = nearThreshold(families, totals, disabled, chosen);
  if (near) warnings.push(near);
  return { codes: chosen?.codes ?? [], explanation: explain(choice, totals, disabled) };
}

/**
 * The first family in order that the time supports and the rules prefer (the
 * practitioner family only when the practitioner did the work); if its base is
 * disabled, the first family in order the time supports with the practice's codes.
 */
function choose(families: readonly CodeFamily[], totals: TimeTotals, disabled: ReadonlySet<string>): Choice {
  const options = families.map((f) => optionFor(f, totals, disabled));
  const ideal =
    families.map((f) => optionFor(f, totals, new Set())).find((o) => o.codes.length > 0 && (o.family.preferred === 'reportable' || ownWork(totals))) ?? null;
  const preferred = options.find((o) => o.family === ideal?.family);
  const chosen = preferred && preferred.codes.length > 0 ? preferred : (options.find((o) => o.codes.length > 0) ?? null);
  return { ideal, chosen, options };
}

/** The practitioner personally did the work: their own time is no less than the clinical staff's. */
function ownWork(totals: TimeTotals): boolean {
  return totals.practitionerSeconds >= totals.clinicalStaffSeconds;
}

function familySeconds(family: CodeFamily, totals: TimeTotals): number {
  return family.time === 'practitioner' ? totals.practitionerSeconds : totals.clinicalStaffSeconds + totals.practitionerSeconds;
}

/** Base once its threshold is met; add-ons per further full unit, up to the cap. A disabled base takes its add-on with it. */
function optionFor(family: CodeFamily, totals: TimeTotals, disabled: ReadonlySet<string>): Option {
  const seconds = familySeconds(family, totals);
  const baseSeconds = family.baseMinutes * 60;
  if (seconds < baseSeconds || disabled.has(family.base)) return { family, seconds, addOns: 0, codes: [] };
  const fullUnits = disabled.has(family.addOn) ? 0 : Math.floor((seconds - baseSeconds) / (family.addOnMinutes * 60));
  const addOns = family.maxAddOns === null ? fullUnits : Math.min(fullUnits, family.maxAddOns);
  const time = timeLabel(family, totals);
  const codes: SuggestedCode[] = [{ code: family.base, units: 1, reason: `${duration(seconds)} of ${time} (${family.baseMinutes} min needed)` }];
  if (addOns > 0) {
    const capped = fullUnits > addOns ? ` (at most ${addOns})` : '';
    const reason = `${duration(seconds)} of ${time}: ${addOns} full ${family.addOnMinutes} min beyond the first ${family.baseMinutes}${capped}`;
    codes.push({ code: family.addOn, units: addOns, reason });
  }
  return { family, seconds, addOns, codes };
}

/** The minutes a combination stands for: 99490 + 99439 x2 is 60, 99491 is 30; nothing billed is 0. */
function minutesCovered(option: Option | null): number {
  return option && option.codes.length > 0 ? option.family.baseMinutes + option.addOns * option.family.addOnMinutes : 0;
}

/**
 * Within 5 minutes below a step the rules would then suggest and that stands
 * for more minutes than the choice: the chosen family's next unit, a family's
 * base when nothing is billed, or a step of a family earlier in the order (28
 * practitioner minutes: 99491 at 30 rather than 99490). A step is tried by
 * adding the missing time (practitioner time for the practitioner family,
 * clinical staff time for the others) and choosing again; on equal gaps the
 * chosen family's own step is named.
 */
function nearThreshold(families: readonly CodeFamily[], totals: TimeTotals, disabled: ReadonlySet<string>, chosen: Option | null): Warning | null {
  const rank = (f: CodeFamily) => families.indexOf(f);
  let near: { gap: number; option: Option } | null = null;
  for (const family of families) {
    if (chosen && rank(family) > rank(chosen.family)) continue;
    const now = optionFor(family, totals, disabled);
    const atCap = now.codes.length > 0 && (disabled.has(family.addOn) || (family.maxAddOns !== null && now.addOns >= family.maxAddOns));
    if (atCap) continue;
    const next = now.codes.length === 0 ? family.baseMinutes * 60 : (family.baseMinutes + (now.addOns + 1) * family.addOnMinutes) * 60;
    const gap = next - now.seconds;
    if (gap > NEAR_SECONDS) continue;
    const more: TimeTotals =
      family.time === 'practitioner'
        ? { ...totals, practitionerSeconds: totals.practitionerSeconds + gap }
        : { ...totals, clinicalStaffSeconds: totals.clinicalStaffSeconds + gap };
    const then = choose(families, more, disabled).chosen;
    if (!then || then.family !== family || minutesCovered(then) <= minutesCovered(chosen)) continue;
    if (!near || gap < near.gap || (gap === near.gap && family === chosen?.family)) near = { gap, option: then };
  }
  if (!near) return null;
  const { family } = near.option;
  const message = `${duration(familySeconds(family, totals))} of ${timeLabel(family, totals)}; ${duration(near.gap)} more would support ${describe(near.option)}`;
  return { code: 'near_threshold', message };
}

/** Why this family, over the others the time supports. */
function explain({ ideal, chosen, options }: Choice, totals: TimeTotals, disabled: ReadonlySet<string>): string {
  if (!chosen) {
    const enabled = options.filter((o) => !disabled.has(o.family.base));
    if (enabled.length === 0) return 'No code: every CCM base code the month could use is disabled for this practice';
    const closest = enabled.reduce((a, b) => (a.family.baseMinutes * 60 - a.seconds <= b.family.baseMinutes * 60 - b.seconds ? a : b));
    return `No code: ${duration(closest.seconds)} of ${timeLabel(closest.family, totals)}; ${closest.family.base} needs ${closest.family.baseMinutes} min`;
  }
  const head = `${describe(chosen)} (${chosen.family.label}, ${duration(chosen.seconds)})`;
  const others = options.filter((o) => o !== chosen && o.codes.length > 0);
  const rather = others.length > 0 ? ` rather than ${others.map((o) => `${describe(o)} (${o.family.label}, ${duration(o.seconds)})`).join(' or ')}` : '';
  if (ideal && ideal.family !== chosen.family) {
    const order = CODE_FAMILIES.map((f) => f.label).join(', ');
    const preferred = `${describe(ideal)} (${ideal.family.label}, ${duration(ideal.seconds)})`;
    return `${head}${rather}: the rules prefer ${preferred}, but ${ideal.family.base} is disabled for this practice; ${chosen.family.label} is the next family the time supports in the order ${order}`;
  }
  if (others.length === 0) return `${head}: the only combination the time supports`;
  const practitioner = duration(totals.practitionerSeconds);
  const staff = duration(totals.clinicalStaffSeconds);
  const why: string[] = [];
  if (chosen.family.time === 'practitioner') {
    const noLess = totals.clinicalStaffSeconds > 0 ? `, no less than the clinical staff's ${staff}` : '';
    why.push(`the practitioner's own ${practitioner}${noLess}, rather than counting it as clinical-staff time`);
  } else {
    if (chosen.family.complexOnly) why.push('the month is documented as complex care management (moderate or high complexity, care plan established or revised this month)');
    if (others.some((o) => o.family.time === 'practitioner')) {
      why.push(`the clinical staff's ${staff} is more than the practitioner's own ${practitioner}, so the practitioner's time counts toward the clinical-staff codes`);
    }
  }
  return `${head}${rather}: ${why.length > 0 ? why.join('; ') : 'first in the order the rules give'}`;
}

function timeLabel(family: CodeFamily, totals: TimeTotals): string {
  if (family.time === 'practitioner') return 'practitioner time';
  const complex = family.complexOnly ? ' in a complex month' : '';
  const including = totals.practitionerSeconds > 0 ? `, including ${duration(totals.practitionerSeconds)} of the billing practitioner's own time` : '';
  return `clinical staff time${complex}${including}`;
}

/** "99490 + 99439 x2". */
function describe(option: Option): string {
  return option.codes.map((c) => (c.code === option.family.base ? c.code : `${c.code} x${c.units}`)).join(' + ');
}

/** "21 min 30 s", "20 min", "40 s": exact, never rounded. */
export function duration(seconds: number): string {
  const min = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (min === 0) return s === 0 ? '0 min' : `${s} s`;
  return s === 0 ? `${min} min` : `${min} min ${s} s`;
}

function wholeSeconds(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000));
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: "${iso}"`);
  return ms;
}

/** "Nov 10 at 09:12" in the practice's timezone. */
function localLabel(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).setLocale('en-US').toFormat("LLL d 'at' HH:mm");
}
