/**
 * Invitations by call, for a candidate on a landline or who prefers calls:
 * the call says who is calling and why; 1 is interest (a coordinator takes
 * consent by phone: the call list), 2 a no, 9 no more calls; a machine hears
 * only the practice and its number, and the attempt counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hangsUp, phoneCall, words } from '../helpers/phone-call.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { addCandidate, candidateRow, contactsOf, DAY, outboundTo, startCampaignFor } from './support.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

/** A landline candidate invited now; the call placed. Returns the call as Twilio would make it. */
async function calledCandidate(overrides: Parameters<typeof addCandidate>[1] = {}) {
  const candidate = await addCandidate(s, { phoneType: 'landline', firstName: 'Walter', ...overrides });
  await startCampaignFor(s, [candidate.id]);
  await s.runDue();
  const placed = s.twilio.calls.filter((c) => c.To === candidate.phone);
  expect(placed).toHaveLength(1);
  expect(placed[0]!.MachineDetection).toBe('DetectMessageEnd');
  const call = phoneCall(s.t.service.app, candidate.phone, s.practice.phoneNumber);
  return { candidate, call, answerUrl: placed[0]!.Url };
}

describe('an invitation by call', () => {
  it('is placed instead of a text, says who is calling and why, and 1 puts the candidate on the call list for consent by phone', async () => {
    const { candidate, call, answerUrl } = await calledCandidate();
    expect(s.sentTo(candidate.phone)).toEqual([]);
    const greeting = await call.post(answerUrl, { AnsweredBy: 'human', CallStatus: 'in-progress' });
    expect(words(greeting!)).toBe(
      'This is Riverside Family Medicine, calling for Walter. We offer check-ins between visits. To hear more, press 1. If you are not interested, press 2. To not be called again, press 9.',
    );
    const after = await call.press('1');
    expect(words(after)).toContain('will call you to explain the check-ins');
    expect(hangsUp(after)).toBe(true);
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('interested');
    expect(row.call_reason).toBe('voice_interest');
    expect(row.reached_at).not.toBeNull();
    expect((await contactsOf(s, candidate.id)).map((c) => [c.purpose, c.channel])).toEqual([['invitation', 'voice']]);
    // Twilio repeating the request changes nothing.
    await call.repeat();
    const presses = await s.t.db.pool.query("SELECT body FROM messages WHERE candidate_id = $1 AND kind = 'voice_answer'", [candidate.id]);
    expect(presses.rows).toEqual([{ body: 'pressed 1' }]);
    // No reminder call after an answer.
    await s.advance(4 * DAY);
    expect(s.twilio.calls.filter((c) => c.To === candidate.phone)).toHaveLength(1);
  });

  it('2 records a no, said once, and nothing more', async () => {
    const { candidate, call, answerUrl } = await calledCandidate({ language: 'es' });
    const greeting = await call.post(answerUrl, { AnsweredBy: 'human' });
    expect(words(greeting!)).toMatch(/^Le habla Riverside Family Medicine/);
    expect(words(await call.press('2'))).toContain('No le volveremos a preguntar');
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('declined');
    expect(row.declined_how).toBe('pressed 2 (not interested) on the invitation call');
    await s.advance(12 * DAY);
    expect(s.twilio.calls.filter((c) => c.To === candidate.phone)).toHaveLength(1);
  });

  it('9 opts out of calls', async () => {
    const { candidate, call, answerUrl } = await calledCandidate();
    await call.post(answerUrl, { AnsweredBy: 'human' });
    expect(words(await call.press('9'))).toContain('no more calls from Riverside Family Medicine');
    expect((await candidateRow(s, candidate.id)).state).toBe('opted_out');
  });

  it('an answering machine hears only the practice and its number; the attempt counts and the reminder is a call on its day', async () => {
    const { candidate, call, answerUrl } = await calledCandidate();
    const message = await call.post(answerUrl, { AnsweredBy: 'machine_end_beep' });
    expect(words(message!)).toBe('Hello, this is Riverside Family Medicine calling about check-ins with your care team. Please call us at (555) 123-4567. Thank you.');
    expect(hangsUp(message!)).toBe(true);
    const status = await call.post(`/webhooks/twilio/voice/invitation/status?token=${new URL(answerUrl).searchParams.get('token')}`, { CallStatus: 'completed' });
    expect(status).toBeNull();
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('invited');
    expect(row.reached_at).toBeNull();
    await s.advance(3 * DAY);
    expect(s.twilio.calls.filter((c) => c.To === candidate.phone)).toHaveLength(2);
    expect((await contactsOf(s, candidate.id)).map((c) => c.purpose)).toEqual(['invitation', 'reminder']);
    expect((await outboundTo(s, candidate.id)).map((m) => m.channel)).toEqual(['voice', 'voice']);
  });

  it('silence hears the invitation once more, then the practice\'s number, and changes nothing', async () => {
    const { candidate, call, answerUrl } = await calledCandidate();
    await call.post(answerUrl, { AnsweredBy: 'human' });
    const again = await call.silence();
    expect(words(again)).toContain('To hear more, press 1.');
    const last = await call.silence();
    expect(words(last)).toContain('Please call us at (555) 123-4567');
    expect(hangsUp(last)).toBe(true);
    expect((await candidateRow(s, candidate.id)).state).toBe('invited');
  });
});
