/** A month's CCM minutes and code suggestions, pure: DOMAIN.md "Billing codes" as a table. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { countTime, monthBounds, suggestCodes } from '../../src/documentation/billing.js';
import type { BillingInputs, CodeSuggestion, MonthTimeEntry, StaffRole } from '../../src/documentation/types.js';

const ZONE = 'America/Los_Angeles';

/** An instant given as local wall time in the practice's zone. */
function local(wall: string, zone = ZONE): DateTime {
  const dt = DateTime.fromISO(wall, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${wall}`);
  return dt;
}
const iso = (dt: DateTime) => dt.toUTC().toISO() ?? '';

let seq = 0;
function entry(role: StaffRole, seconds: number, startWall: string): MonthTimeEntry {
  const start = local(startWall);
  const md = role === 'practitioner';
  return {
    id: `e${++seq}`,
    staffId: md ? 'dr-1' : 'rn-1',
    staffName: md ? 'Dr. Ortiz' : 'Ana Ruiz',
    credential: md ? 'MD' : 'RN',
    staffRole: role,
    activity: md ? 'care_plan_update' : 'call',
    start: iso(start),
    end: iso(start.plus({ seconds })),
    source: 'manual',
    capturedFrom: null,
    note: null,
  };
}
/** Clinical staff / practitioner time on Nov 10 (staff at 10:00, practitioner at 14:00) unless told. */
const rn = (min: number, s = 0, at = '2026-11-10T10:00') => entry('clinical_staff', min * 60 + s, at);
const md = (min: number, s = 0, at = '2026-11-10T14:00') => entry('practitioner', min * 60 + s, at);

function month(entries: MonthTimeEntry[], extra: Partial<BillingInputs> = {}): BillingInputs {
  return {
    month: '2026-11',
    timezone: ZONE,
    entries,
    consent: { status: 'granted', recordedAt: iso(local('2026-10-01T09:00')) },
    chronicConditions: 2,
    complex: false,
    carePlanEstablishedOrRevised: false,
    twoWayContact: true,
    billing: { model: 'ccm', apcmCode: 'G0557', disabledCodes: [] },
    ...extra,
  };
}
const complex = { complex: true, carePlanEstablishedOrRevised: true };
const disabled = (...codes: BillingInputs['billing']['disabledCodes']) => ({ billing: { model: 'ccm' as const, apcmCode: 'G0557' as const, disabledCodes: codes } });
const apcm = (apcmCode: BillingInputs['billing']['apcmCode'] = 'G0557') => ({ billing: { model: 'apcm' as const, apcmCode, disabledCodes: [] } });
const consentOn = (wall: string, status: 'granted' | 'declined' = 'granted') => ({ consent: { status, recordedAt: iso(local(wall)) } });

const codesOf = (s: CodeSuggestion) => s.codes.map((c) => `${c.code}x${c.units}`).join(' + ');
const warningsOf = (s: CodeSuggestion) => s.warnings.map((w) => w.code);
const message = (s: CodeSuggestion, code: string) => s.warnings.find((w) => w.code === code)?.message;

describe('code suggestions', () => {
  it.each<[string, BillingInputs, string, string[]]>([
    // [case, month, codes, warning codes]
    ['19 staff min', month([rn(19)]), '', ['near_threshold']],
    ['19 min 59 s: never rounded up', month([rn(19, 59)]), '', ['near_threshold']],
    ['20 staff min', month([rn(20)]), '99490x1', []],
    ['39 staff min', month([rn(39)]), '99490x1', ['near_threshold']],
    ['40 staff min', month([rn(40)]), '99490x1 + 99439x1', []],
    ['59 staff min', month([rn(59)]), '99490x1 + 99439x1', ['near_threshold']],
    ['60 staff min', month([rn(60)]), '99490x1 + 99439x2', []],
    ['80 staff min: 99439 stops at 2', month([rn(80)]), '99490x1 + 99439x2', []],
    ['two entries add up', month([rn(12), rn(9, 0, '2026-11-20T09:00')]), '99490x1', []],
    // Complex months: the complex codes once the month reaches 60 min, never 99490 + 99439 in their place.
    ['complex 59', month([rn(59)], complex), '99490x1 + 99439x1', ['near_threshold']],
    ['complex 60: 99487, not 99490 + 99439 x2', month([rn(60)], complex), '99487x1', []],
    ['complex 89', month([rn(89)], complex), '99487x1', ['near_threshold']],
    ['complex 90', month([rn(90)], complex), '99487x1 + 99489x1', []],
    ['complex 119', month([rn(119)], complex), '99487x1 + 99489x1', ['near_threshold']],
    ['complex 120', month([rn(120)], complex), '99487x1 + 99489x2', []],
    ['complex 150', month([rn(150)], complex), '99487x1 + 99489x3', []],
    ['complex without a care plan', month([rn(95)], { complex: true }), '99490x1 + 99439x2', ['complex_without_care_plan']],
    ['complex, practitioner 40 + staff 50: staff did more', month([md(40), rn(50)], complex), '99487x1 + 99489x1', []],
    ['complex, practitioner 50 + staff 40: practitioner did the work', month([md(50), rn(40)], complex), '99491x1', []],
    // The practitioner: their own codes once they alone reach 30 min and did no less than the clinical staff.
    ['practitioner 29', month([md(29)]), '99490x1', ['near_threshold']],
    ['practitioner 30', month([md(30)]), '99491x1', []],
    ['practitioner 59', month([md(59)]), '99491x1', ['near_threshold']],
    ['practitioner 60', month([md(60)]), '99491x1 + 99437x1', []],
    ['practitioner 90', month([md(90)]), '99491x1 + 99437x2', []],
    ['practitioner 25 + staff 10: 35 min of staff time', month([md(25), rn(10)]), '99490x1', ['near_threshold']],
    ['practitioner 32 + staff 5', month([md(32), rn(5)]), '99491x1', []],
    ['practitioner 32 + staff 0', month([md(32)]), '99491x1', []],
    ['practitioner 35 + staff 10', month([md(35), rn(10)]), '99491x1', []],
    ['practitioner 35 + staff 35: a tie is the practitioner\'s', month([md(35), rn(35)]), '99491x1', []],
    ['practitioner 35 + staff 40: staff did more, 75 min', month([md(35), rn(40)]), '99490x1 + 99439x2', []],
    ['practitioner 28 + staff 0: 2 min short of 99491', month([md(28)]), '99490x1', ['near_threshold']],
    ['practitioner 28 + staff 20: no hint toward 99491 alone', month([md(28), rn(20)]), '99490x1 + 99439x1', []],
    // Consent and conditions.
    ['consent declined', month([rn(45)], consentOn('2026-10-01T09:00', 'declined')), '', ['no_consent']],
    ['consent recorded after the month', month([rn(45)], consentOn('2026-12-02T09:00')), '', ['no_consent']],
    ['consent mid-month', month([rn(30, 0, '2026-11-05T10:00'), rn(25, 0, '2026-11-12T10:00')], consentOn('2026-11-10T12:00')), '99490x1', ['consent_after_start']],
    ['consent mid-month, too little after', month([rn(30, 0, '2026-11-05T10:00'), rn(10, 0, '2026-11-12T10:00')], consentOn('2026-11-10T12:00')), '', ['consent_after_start']],
    ['one condition', month([rn(45)], { chronicConditions: 1 }), '', ['too_few_conditions']],
    ['declined and one condition', month([rn(45)], { ...consentOn('2026-10-01T09:00', 'declined'), chronicConditions: 1 }), '', ['no_consent', 'too_few_conditions']],
    // Disabled codes.
    ['99439 disabled at 45', month([rn(45)], disabled('99439')), '99490x1', ['code_disabled']],
    ['99490 disabled at 45: 99439 goes with it', month([rn(45)], disabled('99490')), '', ['code_disabled']],
    ['99490 disabled, practitioner 45: not needed', month([md(45)], disabled('99490')), '99491x1', []],
    ['99490 disabled, practitioner 35 + staff 40: 99491 instead', month([md(35), rn(40)], disabled('99490')), '99491x1', ['code_disabled']],
    ['99491 disabled, practitioner 33: 99490 instead', month([md(33)], disabled('99491')), '99490x1', ['code_disabled']],
    ['99491 disabled, practitioner 45: 99490 + 99439 instead', month([md(45)], disabled('99491')), '99490x1 + 99439x1', ['code_disabled']],
    ['99491 disabled but not what the time supported', month([md(30), rn(40)], disabled('99491')), '99490x1 + 99439x2', []],
    ['99487 disabled, complex 95', month([rn(95)], { ...complex, ...disabled('99487') }), '99490x1 + 99439x2', ['code_disabled']],
    ['99487 disabled, complex, practitioner 35 + staff 40: 99491 next', month([md(35), rn(40)], { ...complex, ...disabled('99487') }), '99491x1', ['code_disabled']],
    ['99489 disabled, complex 95: 99487 alone', month([rn(95)], { ...complex, ...disabled('99489') }), '99487x1', ['code_disabled']],
    // APCM: one G code, no time threshold, never a CCM code.
    ['APCM, 0 min', month([], apcm()), 'G0557x1', []],
    ['APCM, 70 min', month([rn(70)], { ...apcm(), ...complex }), 'G0557x1', []],
    ['APCM G0556, one condition', month([], { ...apcm('G0556'), chronicConditions: 1 }), 'G0556x1', []],
    ['APCM G0557, one condition', month([rn(70)], { ...apcm(), chronicConditions: 1 }), '', ['too_few_conditions']],
    ['APCM G0556, no condition', month([], { ...apcm('G0556'), chronicConditions: 0 }), '', ['too_few_conditions']],
    ['APCM, consent declined', month([], { ...apcm(), ...consentOn('2026-10-01T09:00', 'declined') }), '', ['no_consent']],
    // Contact.
    ['no two-way contact', month([rn(25)], { twoWayContact: false }), '99490x1', ['no_two_way_contact']],
    ['no two-way contact, no code', month([rn(10)], { twoWayContact: false }), '', []],
  ])('%s', (_case, inputs, codes, warnings) => {
    const suggestion = suggestCodes(inputs);
    expect(codesOf(suggestion)).toBe(codes);
    expect(warningsOf(suggestion)).toEqual(warnings);
    expect(suggestion.needsReview).toBe(warnings.includes('no_two_way_contact'));
  });

  it('say why in exact minutes and seconds', () => {
    const s = suggestCodes(month([rn(21, 30)]));
    expect(s.codes[0]?.reason).toBe('21 min 30 s of clinical staff time (20 min needed)');
    expect(s.explanation).toBe('99490 (non-complex, 21 min 30 s): the only combination the time supports');

    const near = suggestCodes(month([rn(18, 40)]));
    expect(message(near, 'near_threshold')).toBe('18 min 40 s of clinical staff time; 1 min 20 s more would support 99490');
    expect(near.explanation).toBe('No code: 18 min 40 s of clinical staff time; 99490 needs 20 min');
    expect(message(suggestCodes(month([rn(19, 59)])), 'near_threshold')).toBe('19 min 59 s of clinical staff time; 1 s more would support 99490');

    const added = suggestCodes(month([rn(80)]));
    expect(added.codes[1]?.reason).toBe('80 min of clinical staff time: 2 full 20 min beyond the first 20 (at most 2)');
  });

  it('explain why the chosen family beats the others', () => {
    const complexCare = 'the month is documented as complex care management (moderate or high complexity, care plan established or revised this month)';
    expect(suggestCodes(month([rn(60)], complex)).explanation).toBe(`99487 (complex, 60 min) rather than 99490 + 99439 x2 (non-complex, 60 min): ${complexCare}`);
    expect(suggestCodes(month([rn(95)], complex)).explanation).toBe(
      `99487 + 99489 x1 (complex, 95 min) rather than 99490 + 99439 x2 (non-complex, 95 min): ${complexCare}`,
    );
    expect(message(suggestCodes(month([rn(89)], complex)), 'near_threshold')).toBe(
      '89 min of clinical staff time in a complex month; 1 min more would support 99487 + 99489 x1',
    );
    expect(message(suggestCodes(month([rn(59)], complex)), 'near_threshold')).toBe('59 min of clinical staff time in a complex month; 1 min more would support 99487');

    expect(suggestCodes(month([md(60)])).explanation).toBe(
      "99491 + 99437 x1 (practitioner, 60 min) rather than 99490 + 99439 x2 (non-complex, 60 min): the practitioner's own 60 min, rather than counting it as clinical-staff time",
    );
    expect(suggestCodes(month([md(35), rn(10)])).explanation).toBe(
      "99491 (practitioner, 35 min) rather than 99490 + 99439 x1 (non-complex, 45 min): the practitioner's own 35 min, no less than the clinical staff's 10 min, rather than counting it as clinical-staff time",
    );
    expect(suggestCodes(month([md(35), rn(40)])).explanation).toBe(
      "99490 + 99439 x2 (non-complex, 75 min) rather than 99491 (practitioner, 35 min): the clinical staff's 40 min is more than the practitioner's own 35 min, so the practitioner's time counts toward the clinical-staff codes",
    );
    expect(suggestCodes(month([md(40), rn(50)], complex)).explanation).toBe(
      `99487 + 99489 x1 (complex, 90 min) rather than 99491 (practitioner, 40 min) or 99490 + 99439 x2 (non-complex, 90 min): ${complexCare}; the clinical staff's 50 min is more than the practitioner's own 40 min, so the practitioner's time counts toward the clinical-staff codes`,
    );
    expect(message(suggestCodes(month([md(28)])), 'near_threshold')).toBe('28 min of practitioner time; 2 min more would support 99491');
  });

  it('fall back in order when the preferred base code is disabled, and say so', () => {
    const s = suggestCodes(month([md(35), rn(40)], { ...complex, ...disabled('99487') }));
    expect(codesOf(s)).toBe('99491x1');
    expect(message(s, 'code_disabled')).toBe('99487 is disabled for this practice; the time supported 99487: suggesting 99491 instead');
    expect(s.explanation).toBe(
      '99491 (practitioner, 35 min) rather than 99490 + 99439 x2 (non-complex, 75 min): the rules prefer 99487 (complex, 75 min), but 99487 is disabled for this practice; practitioner is the next family the time supports in the order practitioner, complex, non-complex',
    );
    const noPractitionerCode = suggestCodes(month([md(33)], disabled('99491')));
    expect(message(noPractitionerCode, 'code_disabled')).toBe('99491 is disabled for this practice; the time supported 99491: suggesting 99490 instead');
    expect(noPractitionerCode.codes[0]?.reason).toBe("33 min of clinical staff time, including 33 min of the billing practitioner's own time (20 min needed)");
  });

  it('say when the practitioner\'s own time counted toward the staff codes', () => {
    const s = suggestCodes(month([md(25), rn(10)]));
    expect(s.codes[0]?.reason).toBe("35 min of clinical staff time, including 25 min of the billing practitioner's own time (20 min needed)");
    expect(message(s, 'near_threshold')).toContain('5 min more would support 99490 + 99439 x1');
  });

  it('name what did not count and why', () => {
    const s = suggestCodes(month([rn(30, 0, '2026-11-05T10:00'), rn(25, 0, '2026-11-12T10:00')], consentOn('2026-11-10T12:00')));
    expect(message(s, 'consent_after_start')).toBe("Consent was recorded on Nov 10 at 12:00: 30 min of this month's time came before it and does not count");
    expect(s.totals.entries.map((e) => e.excludedBecause)).toEqual(['before consent was recorded on Nov 10 at 12:00', null]);
    expect(s.totals.secondsBeforeConsent).toBe(30 * 60);
    expect(s.totals.clinicalStaffSeconds).toBe(25 * 60);

    // An entry that straddles the moment of consent counts from it.
    const straddle = countTime(month([rn(30, 0, '2026-11-10T11:50')], consentOn('2026-11-10T12:00')));
    expect(straddle.entries[0]).toMatchObject({ secondsInMonth: 1800, countedSeconds: 1200, excludedBecause: '10 min before consent was recorded on Nov 10 at 12:00' });

    expect(message(suggestCodes(month([rn(45)], { chronicConditions: 1 })), 'too_few_conditions')).toBe(
      '1 chronic condition under the care plan; CCM needs 2 or more',
    );
    expect(message(suggestCodes(month([rn(45)], disabled('99439'))), 'code_disabled')).toBe(
      '99439 is disabled for this practice; the time supported 99490 + 99439 x1: suggesting 99490 instead',
    );
    const declined = countTime(month([rn(45)], consentOn('2026-10-01T09:00', 'declined')));
    expect(declined).toMatchObject({ clinicalStaffSeconds: 0, secondsBeforeConsent: 45 * 60 });
    expect(declined.entries[0]?.excludedBecause).toBe('consent was declined (recorded on Oct 1 at 09:00)');
  });

  it('in an APCM practice: only the G code, and say so', () => {
    const s = suggestCodes(month([rn(70)], apcm()));
    expect(s.codes.map((c) => c.code)).toEqual(['G0557']);
    expect(s.explanation).toContain('no CCM code');
    expect(s.totals.clinicalStaffSeconds).toBe(70 * 60);
  });

  it('never combine codes DOMAIN.md keeps apart', () => {
    const forbidden = [['99490', '99487'], ['99490', '99489'], ['99439', '99487'], ['99439', '99489'], ['99491', '99487'], ['99491', '99489'], ['99491', '99490']];
    for (let staff = 0; staff <= 130; staff += 5) {
      for (let doc = 0; doc <= 100; doc += 5) {
        for (const extra of [{}, complex]) {
          const codes: string[] = suggestCodes(month([rn(staff), md(doc)], extra)).codes.map((c) => c.code);
          for (const [a, b] of forbidden) expect(codes.includes(a ?? '') && codes.includes(b ?? ''), `${staff}+${doc}: ${codes}`).toBe(false);
          expect(codes.length).toBeLessThanOrEqual(2);
        }
      }
    }
  });
});

describe('counting time in the practice\'s month', () => {
  it('bounds are local midnights', () => {
    const nov = monthBounds('2026-11', ZONE);
    expect([nov.start.toISOString(), nov.end.toISOString()]).toEqual(['2026-11-01T07:00:00.000Z', '2026-12-01T08:00:00.000Z']);
    const mar = monthBounds('2026-03', 'America/Chicago');
    expect([mar.start.toISOString(), mar.end.toISOString()]).toEqual(['2026-03-01T06:00:00.000Z', '2026-04-01T05:00:00.000Z']);
    expect(() => monthBounds('2026-13', ZONE)).toThrow(RangeError);
    expect(() => monthBounds('2026-11', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('split an entry crossing midnight at the month\'s end', () => {
    const crossing = rn(30, 0, '2026-11-30T23:50');
    const nov = countTime(month([crossing]));
    expect(nov.clinicalStaffSeconds).toBe(10 * 60);
    expect(nov.entries[0]).toMatchObject({ secondsInMonth: 600, countedSeconds: 600, excludedBecause: '20 min outside the month' });
    expect(countTime(month([crossing], { month: '2026-12' })).clinicalStaffSeconds).toBe(20 * 60);
  });

  it('count 23:30 on Oct 31 in Los Angeles in October, though it is November in UTC', () => {
    const late = rn(25, 0, '2026-10-31T23:30');
    expect(late.start.startsWith('2026-11-01')).toBe(true);
    expect(countTime(month([late], { month: '2026-10' })).clinicalStaffSeconds).toBe(25 * 60);
    const nov = countTime(month([late]));
    expect(nov.clinicalStaffSeconds).toBe(0);
    expect(nov.entries[0]?.excludedBecause).toBe('outside the month');
  });

  it('floor each entry to whole seconds and total per role and activity', () => {
    const start = local('2026-11-10T10:00');
    const ragged = { ...rn(0), end: iso(start.plus({ seconds: 1199, milliseconds: 999 })), start: iso(start) };
    const totals = countTime(month([ragged, md(31, 15)]));
    expect(totals).toMatchObject({ clinicalStaffSeconds: 1199, practitionerSeconds: 31 * 60 + 15, secondsBeforeConsent: 0 });
    expect(totals.byActivity).toEqual({ call: 1199, data_review: 0, care_plan_update: 31 * 60 + 15, medication_reconciliation: 0, care_coordination: 0, other: 0 });
    expect(suggestCodes(month([ragged])).codes).toEqual([]);
  });
});
