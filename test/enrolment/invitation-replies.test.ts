/**
 * A candidate answers the invitation by text, through the webhook on a real
 * database: a yes gets the consent page's link (interest, not consent), a no
 * is recorded and never asked again, STOP ends everything, "who is this?" is
 * answered and stops nothing, a red flag reaches the on-call staff, and a
 * webhook delivered twice changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { postTwilio, text } from '../helpers/twilio.js';
import { addCandidate, candidateRow, DAY, outboundTo, startCampaignFor } from './support.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

/** A candidate invited now, the invitation sent. */
async function invited(overrides: Parameters<typeof addCandidate>[1] = {}) {
  const candidate = await addCandidate(s, overrides);
  const started = await startCampaignFor(s, [candidate.id]);
  expect(started.invited).toEqual([candidate.id]);
  await s.runDue();
  expect(s.sentTo(candidate.phone).at(-1)?.Body).toMatch(/(Reply YES to learn more, NO if not interested, STOP to end texts|STOP para no recibir mas mensajes)\.$/);
  return candidate;
}

/** The candidate's texts after the first `count` (API sends and TwiML replies alike). */
const textsAfter = async (candidateId: string, count: number) => (await outboundTo(s, candidateId)).slice(count);

/** A candidate invited now, and the invitation's message id and Twilio sid (for its status callbacks). */
async function invitationSent() {
  const candidate = await addCandidate(s);
  await startCampaignFor(s, [candidate.id]);
  await s.runDue();
  const sent = s.sentTo(candidate.phone)[0]!;
  const messageId = new URL(sent.StatusCallback).searchParams.get('messageId')!;
  const sid = (await s.t.db.pool.query('SELECT twilio_sid FROM messages WHERE id = $1', [messageId])).rows[0].twilio_sid as string;
  return { candidate, messageId, sid };
}

describe('answering the invitation by text', () => {
  it('"yes" makes the candidate interested and queues the consent link; no consent is recorded', async () => {
    const candidate = await invited({ firstName: 'Ana' });
    expect(s.sentTo(candidate.phone)[0]!.Body).toBe(
      'Hi Ana, this is Riverside Family Medicine. Your doctor offers check-ins with your care team between visits. Reply YES to learn more, NO if not interested, STOP to end texts.',
    );
    expect(await s.say(candidate, 'Yes please')).toEqual([]);
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('interested');
    expect(row.reached_at).not.toBeNull();
    expect((await outboundTo(s, candidate.id)).map((m) => m.kind)).toEqual(['invitation', 'consent_link']);
    await s.runDue();
    expect(s.sentTo(candidate.phone).at(-1)!.Body).toMatch(/\/c\/[A-Za-z0-9_-]{20,}/);
    const consents = await s.t.db.pool.query('SELECT 1 FROM ccm_consents WHERE candidate_id = $1', [candidate.id]);
    expect(consents.rows).toHaveLength(0);
    // The reminders the campaign planned never go to someone who answered.
    const before = (await outboundTo(s, candidate.id)).length;
    await s.advance(10 * DAY);
    expect((await textsAfter(candidate.id, before)).map((m) => m.kind)).not.toContain('invitation_reminder');
  });

  it('"no gracias": declined, recorded without their words, one confirmation, and never asked again', async () => {
    const candidate = await invited({ language: 'es', firstName: 'Luis' });
    expect(s.sentTo(candidate.phone)[0]!.Body).toContain('Responda SI para saber mas, NO si no le interesa, STOP para no recibir mas mensajes.');
    const replies = await s.say(candidate, 'no gracias');
    expect(replies).toEqual(['Gracias por avisarnos, Luis. No le volveremos a preguntar. Para comunicarse con Riverside Family Medicine, llame al (555) 123-4567.']);
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('declined');
    expect(row.declined_how).toBe('replied no by text');
    expect(await s.say(candidate, 'no')).toEqual([]);
    const before = (await outboundTo(s, candidate.id)).length;
    await s.advance(20 * DAY);
    expect(await textsAfter(candidate.id, before)).toEqual([]);
    expect((await candidateRow(s, candidate.id)).state).toBe('declined');
  });

  it.each(['STOP', 'please stop texting me'])('%j opts out with one confirmation, and nothing more is sent', async (words) => {
    const candidate = await invited();
    expect(await s.say(candidate, words)).toEqual(['You will get no more texts from Riverside Family Medicine. For emergencies, call 911.']);
    expect((await candidateRow(s, candidate.id)).state).toBe('opted_out');
    expect(await s.say(candidate, 'STOP')).toEqual([]);
    expect(await s.say(candidate, 'what?')).toEqual([]);
    const before = (await outboundTo(s, candidate.id)).length;
    await s.advance(20 * DAY);
    expect(await textsAfter(candidate.id, before)).toEqual([]);
  });

  it('"who is this?" is answered and stops nothing: the reminder still comes', async () => {
    const candidate = await invited();
    const [answer] = await s.say(candidate, 'who is this?');
    expect(answer).toContain("This is Riverside Family Medicine, your doctor's office.");
    expect((await candidateRow(s, candidate.id)).state).toBe('invited');
    await s.advance(3 * DAY);
    expect((await outboundTo(s, candidate.id)).map((m) => m.kind)).toEqual(['invitation', 'invitation_who_we_are', 'invitation_reminder']);
    expect(s.sentTo(candidate.phone).at(-1)!.Body).toMatch(/^Reminder from Riverside Family Medicine/);
  });

  it('HELP gets the practice and its phone', async () => {
    const candidate = await invited();
    const [answer] = await s.say(candidate, 'HELP');
    expect(answer).toContain('Call us at (555) 123-4567');
    expect((await candidateRow(s, candidate.id)).state).toBe('invited');
  });

  it('anything else is kept for a person to read and puts the candidate on the call list', async () => {
    const candidate = await invited();
    const [answer] = await s.say(candidate, "I'm not sure, what would it cost?");
    expect(answer).toContain('will read your message and call you');
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('invited');
    expect(row.call_reason).toBe('asked_for_call');
    const review = await s.t.db.pool.query("SELECT review_needed FROM messages WHERE candidate_id = $1 AND direction = 'inbound'", [candidate.id]);
    expect(review.rows).toEqual([{ review_needed: true }]);
    const listed = await s.admin.get(`/api/v1/practices/${s.practice.id}/unmatched-texts?filter=to_review`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain('what would it cost');
  });

  it('a no that says more besides is recorded, and a person reads the rest', async () => {
    const candidate = await invited();
    const [answer] = await s.say(candidate, 'No thank you. I just got home from the hospital and my daughter helps me now');
    expect(answer).toContain("We won't ask again");
    const row = await candidateRow(s, candidate.id);
    expect(row.state).toBe('declined');
    const review = await s.t.db.pool.query("SELECT review_needed FROM messages WHERE candidate_id = $1 AND direction = 'inbound'", [candidate.id]);
    expect(review.rows).toEqual([{ review_needed: true }]);
  });

  it('a red flag reaches the on-call staff at once, and the candidate is told to call 911', async () => {
    const candidate = await invited();
    const [answer] = await s.say(candidate, 'yes but I have crushing chest pain right now');
    expect(answer).toContain('Call 911 now');
    await s.runDue();
    expect(s.sentTo(s.coordinator.phone).at(-1)!.Body).toMatch(/Riverside Family Medicine/);
    const review = await s.t.db.pool.query("SELECT review_urgent FROM messages WHERE candidate_id = $1 AND direction = 'inbound'", [candidate.id]);
    expect(review.rows).toEqual([{ review_urgent: true }]);
    expect((await candidateRow(s, candidate.id)).state).toBe('invited');
  });

  it('a webhook delivered twice changes nothing the second time', async () => {
    const candidate = await invited();
    const sid = `SM${'d'.repeat(32)}`;
    const first = await text(s.t.service.app, candidate.phone, s.practice.phoneNumber, 'no thanks', sid);
    const again = await text(s.t.service.app, candidate.phone, s.practice.phoneNumber, 'no thanks', sid);
    expect(again.replies).toEqual(first.replies);
    expect(first.replies).toHaveLength(1);
    const replies = (await outboundTo(s, candidate.id)).filter((m) => m.in_reply_to);
    expect(replies).toHaveLength(1);
    expect((await candidateRow(s, candidate.id)).declined_how).toBe('replied no by text');
  });

  it('a delivered invitation counts the candidate as reached', async () => {
    const { candidate, messageId, sid } = await invitationSent();
    const response = await postTwilio(s.t.service.app, `/webhooks/twilio/status?messageId=${messageId}`, { MessageSid: sid, MessageStatus: 'delivered' });
    expect(response.statusCode).toBe(204);
    expect((await candidateRow(s, candidate.id)).reached_at).not.toBeNull();
  });

  it('a text the carrier says went to a landline turns the reminder into a call', async () => {
    const { candidate, messageId, sid } = await invitationSent();
    await postTwilio(s.t.service.app, `/webhooks/twilio/status?messageId=${messageId}`, { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30006' });
    expect((await candidateRow(s, candidate.id)).phone_type).toBe('landline');
    await s.advance(3 * DAY);
    expect(s.twilio.calls.filter((call) => call.To === candidate.phone)).toHaveLength(1);
    expect(s.sentTo(candidate.phone)).toHaveLength(1);
  });
});
