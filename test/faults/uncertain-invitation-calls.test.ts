/**
 * An invitation call is placed once however its placing is cut short, as a
 * check-in call is (uncertain-check-in-calls.test.ts): before, a crash left
 * it 'submitting' for good (never placed, or placed and never recorded), and
 * a lost answer marked a call that rang as failed. Only Twilio's HTTP API is
 * faked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeInvitationCall, runInvitation } from '../../src/enrolment/index.js';
import type { RuntimeDeps } from '../../src/runtime.js';
import { claimDueJob, finishJob } from '../../src/store/job-queue.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { addCandidate, startCampaignFor } from '../enrolment/support.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

/** How long placing a call may take before a claim without a call counts as cut short (messaging/call-placing.ts). */
const PLACING_MS = 15_000;
const jobsNamed = (name: string) => s.t.service.jobs.jobs.filter((j) => j.name === name);

/** A landline candidate invited now: the campaign's first step ran, and the invitation call's job is due. */
async function invitedByCall() {
  const candidate = await addCandidate(s, { phoneType: 'landline' });
  await startCampaignFor(s, [candidate.id]);
  const invite = await claimDueJob(s.t.db.pool, jobsNamed('enrolment.invite'), s.clock.now());
  await runInvitation(s.t.service.runtime, invite!.data as { candidateId: string; campaignId: string });
  await finishJob(s.t.db.pool, invite!.id, s.clock.now());
  return candidate;
}

const callMessage = async (candidateId: string) =>
  (await s.t.db.pool.query("SELECT id, status, twilio_sid, attempts FROM messages WHERE candidate_id = $1 AND kind = 'invitation_call'", [candidateId])).rows[0];
const callsTo = (phone: string) => s.twilio.calls.filter((c) => c.To === phone);

describe('an invitation call cut short by a crash', () => {
  it('rings once: the rerun finds the call Twilio created and records it', async () => {
    const candidate = await invitedByCall();
    const posts = s.twilio.callPosts;
    // A worker takes the call's job; Twilio creates the call; the worker dies before recording it (its lock stays).
    const job = await claimDueJob(s.t.db.pool, jobsNamed('enrolment.call'), s.clock.now());
    const { messageId } = job!.data as { messageId: string };
    const runtime = s.t.service.runtime;
    const dying: RuntimeDeps = {
      ...runtime,
      calls: {
        ...runtime.calls,
        async placeCall(call) {
          await runtime.calls.placeCall(call);
          throw new Error('killed');
        },
      },
    };
    await expect(placeInvitationCall(dying, messageId)).rejects.toThrow('killed');
    expect(await callMessage(candidate.id)).toMatchObject({ status: 'submitting', twilio_sid: null });
    callsTo(candidate.phone)[0]!.status = 'ringing';

    await s.advance(30_000); // the dead worker's lock runs out; the job runs again and asks Twilio first
    expect(await callMessage(candidate.id)).toMatchObject({ status: 'queued', twilio_sid: callsTo(candidate.phone)[0]!.sid, attempts: 1 });
    expect(s.twilio.callPosts).toBe(posts + 1);
    await s.advance(10 * 60_000);
    expect(s.twilio.callPosts).toBe(posts + 1);
  });
});

describe('an invitation call whose answer from Twilio was lost', () => {
  it('is not marked failed: the retry finds the call, and it is not placed again', async () => {
    const candidate = await invitedByCall();
    const posts = s.twilio.callPosts;
    s.twilio.loseNextCallAnswer('ECONNABORTED');
    await s.runDue();
    expect(await callMessage(candidate.id)).toMatchObject({ status: 'submitting', twilio_sid: null });
    await s.advance(PLACING_MS);
    expect(await callMessage(candidate.id)).toMatchObject({ status: 'delivered', twilio_sid: callsTo(candidate.phone)[0]!.sid });
    expect(s.twilio.callPosts).toBe(posts + 1);
  });

  it('is placed once more when Twilio has no such call', async () => {
    const candidate = await invitedByCall();
    const posts = s.twilio.callPosts;
    s.twilio.failNextCall(502);
    await s.runDue();
    expect(callsTo(candidate.phone)).toHaveLength(0);
    await s.advance(PLACING_MS);
    expect(callsTo(candidate.phone)).toHaveLength(1);
    expect(await callMessage(candidate.id)).toMatchObject({ status: 'queued', twilio_sid: callsTo(candidate.phone)[0]!.sid, attempts: 2 });
    await s.advance(10 * 60_000);
    expect(s.twilio.callPosts).toBe(posts + 2);
  });

  it('a refusal still fails it at once', async () => {
    const candidate = await invitedByCall();
    const lookups = s.twilio.callLookups;
    s.twilio.failNextCall(400, { code: 21215 });
    await s.runDue();
    expect(await callMessage(candidate.id)).toMatchObject({ status: 'failed', twilio_sid: null });
    await s.advance(PLACING_MS);
    expect(s.twilio.callLookups).toBe(lookups);
  });
});
