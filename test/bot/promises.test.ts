/**
 * Every reply that says someone will follow up, review or call is a promise
 * (`promise: true` in the catalog). For each such prompt key a patient gets
 * it here, through the webhook, and a person's work backs it: an open alert,
 * for a number no patient has a text waiting for review, and for the
 * office's work the text on the front desk's list. A new promising
 * key without a case here fails the first test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, renderSms, type PromptKey } from '../../prompts/index.js';
/** The contactPhone the scenario's practice was created with, as texts write it. */
const PRACTICE_PHONE = '(555) 123-4567';
import { DateTime } from 'luxon';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { phoneCall, words } from '../helpers/phone-call.js';
import { addCandidate, startCampaignFor } from '../enrolment/support.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

interface Case {
  /** What starts the conversation, if anything: a check-in, or the refill question the schedule sends. */
  checkIn?: 'wellness' | 'medication' | 'symptoms' | 'refill';
  /** What the patient texts, in order; the promise comes in the replies to the last. */
  texts: string[];
  /** Sent from a number no patient has. */
  stranger?: true;
  /** The office's work: the front desk's list backs it, not an alert. */
  frontDesk?: true;
  /** A candidate invited to CCM answers the invitation: by text, or by a key on the invitation's call. */
  candidate?: 'text' | 'call';
}

const CASES: Record<string, Case> = {
  'common.no_usable_answer': { checkIn: 'wellness', texts: ['asdfgh', '???', 'qwerty'] },
  'wellness.close_concern': { checkIn: 'wellness', texts: ['2', 'my knee hurts', '1', '3'] },
  'wellness.close_urgent': { checkIn: 'wellness', texts: ['2', 'my knee hurts', '3'] },
  'medication.close_forgot': { checkIn: 'medication', texts: ['no', '1'] },
  'medication.close_side_effects': { checkIn: 'medication', texts: ['no', '2', 'it makes me dizzy'] },
  'medication.close_ran_out': { checkIn: 'medication', texts: ['no', '3'] },
  'medication.close_other': { checkIn: 'medication', texts: ['no', '4', 'busy day at the shop'] },
  'refill.close_no': { checkIn: 'refill', texts: ['2'] },
  'symptoms.close_bp_crisis': { checkIn: 'symptoms', texts: ['190/125'] },
  'system.red_flag': { texts: ['chest pain since this morning'] },
  'system.red_flag_self_harm': { texts: ['I want to die'] },
  'system.unknown_sender_noted': { stranger: true, texts: ['my dad Luis needs his pills refilled'] },
  'system.unknown_sender_emergency': { stranger: true, texts: ['my wife passed out'] },
  'system.acknowledgement': { texts: ['the pharmacy says my insurance changed'] },
  'system.front_desk': { texts: ['what time does the office open saturday'], frontDesk: true },
  'system.concern_noted': { texts: ['my feet are swollen'] },
  'system.callback_arranged': { texts: ['can you call me'] },
  'system.request_noted': { texts: ['I need a refill'] },
  'system.low_sugar': { texts: ['sugar is 52'] },
  'system.urgent_reading': { texts: ['oxygen 85%'] },
  'system.distress': { texts: ['help me'] },
  'invitation.noted': { candidate: 'text', texts: ["I'm not sure, what would it cost?"] },
  'invitation.interested': { candidate: 'call', texts: ['1'] },
};

/** A refill due in 4 days: the question goes out 3 days before it, at 10:00 in Chicago. */
async function refillQuestionSent(patient: { id: string; phone: string }) {
  const tomorrow = DateTime.fromJSDate(s.clock.now(), { zone: 'America/Chicago' }).plus({ days: 1 }).set({ hour: 10, minute: 0 });
  const refillDueOn = tomorrow.plus({ days: 3 }).toISODate();
  await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], reminders: false, refillDueOn });
  await s.advanceTo(tomorrow.toJSDate());
  await s.runDue();
  expect(s.sentTo(patient.phone).at(-1)?.Body).toMatch(/refill is due/);
}

const PROMISING = (Object.keys(en) as PromptKey[]).filter((key) => (en[key] as { promise?: true }).promise);

/** The prompt as this patient gets it; `when` is the one value the runtime computes. */
function rendered(key: PromptKey, firstName: string): RegExp {
  // Medication names stay out of texts unless the practice allows them.
  const text = renderSms([{ prompt: key, params: { medicationName: 'medicine', medicationDose: '', when: '\u0000' } }], 'en', {
    firstName,
    practiceName: s.practice.name,
    practicePhone: PRACTICE_PHONE,
  });
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\u0000', '.+')}$`);
}

describe('every promise of a follow-up is backed by work for a person', () => {
  it('each promising prompt key has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PROMISING].sort());
  });

  it.each(PROMISING)('%s', async (key) => {
    const c = CASES[key]!;
    if (c.candidate) return candidatePromise(key, c);
    if (c.stranger) {
      const stranger = { phone: `+1555${String(3_000_000 + PROMISING.indexOf(key))}` };
      let replies: string[] = [];
      for (const text of c.texts) replies = await s.say(stranger, text);
      expect(replies.some((r) => rendered(key, '').test(r)), replies.join('\n')).toBe(true);
      const waiting = (await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts`)).body.data;
      expect(waiting.filter((t: { from: string }) => t.from === stranger.phone)).toHaveLength(1);
      return;
    }
    const patient = await s.newPatient({ firstName: 'Pat' });
    if (c.checkIn === 'medication') {
      await s.admin.post(`/api/v1/patients/${patient.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: ['08:00'], reminders: false });
    }
    if (c.checkIn === 'refill') await refillQuestionSent(patient);
    else if (c.checkIn) await s.checkIn(patient, c.checkIn);
    let replies: string[] = [];
    for (const text of c.texts) replies = await s.say(patient, text);
    expect(replies.some((r) => rendered(key, 'Pat').test(r)), replies.join('\n')).toBe(true);
    if (c.frontDesk) {
      const waiting = (await s.admin.get(`/api/v1/practices/${s.practice.id}/front-desk-texts`)).body.data;
      expect(waiting.filter((t: { patient: { id: string } }) => t.patient.id === patient.id), `nothing backs "${key}"`).toHaveLength(1);
      return;
    }
    const open = (await s.alerts(patient.id)).filter((a) => a.status === 'open');
    expect(open.length, `no open alert backs "${key}"`).toBeGreaterThan(0);
  });
});

/** A candidate's promise ("someone will call you") is backed by their place on the call list, marked as an invitation. */
async function candidatePromise(key: PromptKey, c: Case): Promise<void> {
  const candidate = await addCandidate(s, { firstName: 'Cam', phoneType: c.candidate === 'call' ? 'landline' : 'mobile' });
  await startCampaignFor(s, [candidate.id]);
  await s.runDue();
  let replies: string[] = [];
  if (c.candidate === 'text') {
    for (const text of c.texts) replies = await s.say(candidate, text);
  } else {
    const placed = s.twilio.calls.find((call) => call.To === candidate.phone)!;
    const call = phoneCall(s.t.service.app, candidate.phone, s.practice.phoneNumber);
    await call.post(placed.Url, { AnsweredBy: 'human', CallStatus: 'in-progress' });
    for (const digit of c.texts) replies = [words(await call.press(digit))];
  }
  // The SMS and the spoken wording both promise the same thing: a person will call.
  expect(replies.join('\n'), `"${key}" was not said`).toContain(`Someone from ${s.practice.name} will`);
  const list = (await s.admin.get(`/api/v1/practices/${s.practice.id}/call-list`)).body;
  expect(list.invitations.map((i: { candidate: { id: string } }) => i.candidate.id), `nothing backs "${key}"`).toContain(candidate.id);
}
