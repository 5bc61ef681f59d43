import { describe, expect, it } from 'vitest';
import { caseReasons, type CaseAlert } from '../../src/alerts/case-reasons.js';

const T0 = Date.parse('2026-11-24T15:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

let next = 0;
/** An alert raised `hours` after T0 by a text saying `words`. */
function alert(reason: string, hours: number, words: string | null, extra: Partial<CaseAlert> = {}): CaseAlert {
  next += 1;
  return {
    id: `alert-${next}`,
    reason,
    level: reason.startsWith('red_flag:') ? 'urgent' : 'elevated',
    status: 'open',
    createdAt: at(hours),
    patientText: words,
    evidence: [{ explanation: `${reason} at ${hours} h`, at: at(hours), words }],
    ...extra,
  };
}

const listed = (alerts: CaseAlert[]) => caseReasons(alerts).map((r) => r.description);

describe('the reasons of a case, as a coordinator reads them', () => {
  it('one fall told in three texts is one reason: the fall, also the bleeding, and what else was said', () => {
    const fall = alert('red_flag:fall', 0, 'I fell and cant get up');
    const concern = alert('concern:fall', 1, 'cut my arm when i fell, its bleeding');
    const bleeding = alert('concern:bleeding', 1, 'cut my arm when i fell, its bleeding');
    const vague = alert('message_for_team', 2, 'i just dont feel right today');
    const [reason, ...rest] = caseReasons([vague, bleeding, concern, fall]);
    expect(rest).toEqual([]);
    expect(reason).toMatchObject({
      reason: 'red_flag:fall',
      description: 'a fall (hurt or unable to get up) — also: bleeding or bruising',
      level: 'urgent',
      words: ['I fell and cant get up', 'cut my arm when i fell, its bleeding'],
      alsoSaid: ['i just dont feel right today'],
      firstAt: at(0),
      lastAt: at(2),
    });
    expect(reason!.joined.sort()).toEqual(['concern:bleeding', 'concern:fall']);
    expect(reason!.alertIds.sort()).toEqual([fall.id, concern.id, bleeding.id, vague.id].sort());
    // The evidence of the fall and of what it left behind, oldest first; the generic text only as words.
    expect(reason!.evidence.map((e) => e.reason)).toEqual(['red_flag:fall', expect.stringMatching(/^concern:/), expect.stringMatching(/^concern:/)]);
  });

  it('a bleeding or pain concern joins a fall concern within 48 hours, either side of it', () => {
    expect(listed([alert('concern:fall', 0, 'i fell'), alert('concern:pain', 47, 'my hip hurts')])).toEqual(['a fall — also: pain']);
    expect(listed([alert('concern:bleeding', 0, 'a bruise on my hip'), alert('concern:fall', 3, 'i fell on sunday')])).toEqual([
      'a fall — also: bleeding or bruising',
    ]);
  });

  it('after 48 hours, or without a fall, bleeding and pain are reasons of their own', () => {
    expect(listed([alert('concern:fall', 0, 'i fell'), alert('concern:pain', 49, 'my back hurts')])).toEqual(['a fall', 'pain']);
    expect(listed([alert('concern:bleeding', 0, 'nosebleed'), alert('concern:pain', 1, 'headache')])).toEqual(['bleeding or bruising', 'pain']);
  });

  it('an injury between a fall concern and a fall red flag belongs to the red flag', () => {
    const reasons = caseReasons([alert('concern:fall', 0, 'i fell'), alert('red_flag:fall', 30, 'fell again cant get up'), alert('concern:bleeding', 1, 'bleeding')]);
    expect(reasons.map((r) => r.description)).toEqual(['a fall (hurt or unable to get up) — also: bleeding or bruising']);
    expect(reasons[0]!.joined.sort()).toEqual(['concern:bleeding', 'concern:fall']);
  });

  it('generic reasons go under the nearest specific reason, and stand alone only when there is none', () => {
    const reasons = caseReasons([
      alert('bp_high', 0, null),
      alert('message_for_team', 1, 'also my cat is sick'),
      alert('concern:swelling', 20, 'ankles swollen'),
      alert('follow_up_promised', 19, null),
      alert('unhandled_text', 21, 'see above'),
    ]);
    expect(reasons.map((r) => [r.description, r.alsoSaid])).toEqual([
      ['a high blood pressure reading', ['also my cat is sick']],
      ['swelling', ['see above']],
    ]);
    expect(reasons[1]!.alertIds).toHaveLength(3);
    expect(listed([alert('message_for_team', 0, 'hello?'), alert('unhandled_text', 1, '???')])).toEqual(['a message for the care team', 'a text the bot could not handle']);
  });

  it('lists urgent reasons first, then in the order they were raised; a reason is as urgent as its most urgent alert', () => {
    const reasons = caseReasons([alert('bp_high', 0, null), alert('red_flag:chest_pain', 5, 'my chest hurts'), alert('concern:swelling', 2, null)]);
    expect(reasons.map((r) => [r.reason, r.level])).toEqual([
      ['red_flag:chest_pain', 'urgent'],
      ['bp_high', 'elevated'],
      ['concern:swelling', 'elevated'],
    ]);
  });

  it('says each of the patient\'s words once, and none twice between words and "also said"', () => {
    const same = 'fell, cut my arm';
    const [reason] = caseReasons([alert('concern:fall', 0, same), alert('concern:bleeding', 0, same), alert('message_for_team', 0, same)]);
    expect(reason!.words).toEqual([same]);
    expect(reason!.alsoSaid).toEqual([]);
  });

  it('has no reasons for a case without alerts', () => {
    expect(caseReasons([])).toEqual([]);
  });
});
