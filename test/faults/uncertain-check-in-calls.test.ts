/**
 * A check-in call is rung once however its placing is cut short: the process
 * dying after Twilio created the call, Twilio's answer lost (a reset, a
 * timeout, a 5xx), or a retry taking the call over while a slow worker still
 * waited its turn. Only Twilio's HTTP API is faked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeCheckInCall } from '../../src/conversation/index.js';
import type { RuntimeDeps } from '../../src/runtime.js';
import { claimDueJob } from '../../src/store/job-queue.js';
import { claimCallAgain, findCall } from '../../src/store/patient-calls.js';
import { THREE_TEXTS_FIXED } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
  // Nothing of the cadence falls due while these tests count calls (the default's week-4 summary is due at the start).
  expect((await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: THREE_TEXTS_FIXED })).status).toBe(200);
  await s.runDue();
});
afterAll(() => s.close());

/** How long placing a call may take before a claim without a call counts as cut short (messaging/call-placing.ts). */
const PLACING_MS = 15_000;
const VOICE_JOB = () => s.t.service.jobs.jobs.filter((j) => j.name === 'voice.call');

/** A patient who takes calls, with a check-in started: its first call is queued and its job due now. */
async function queuedCall() {
  const patient = await s.newPatient({ preferredChannel: 'voice' });
  const started = await s.admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'wellness' });
  expect(started.status).toBe(202);
  return { patient, callId: started.body.callId as string };
}

const callRow = async (callId: string) => (await findCall(s.t.db.pool, callId))!;
const callsTo = (phone: string) => s.twilio.calls.filter((c) => c.To === phone);

/** The service's runtime, with a process that dies (kill -9) as soon as Twilio has answered, before it records the answer. */
function dyingAfterTwilio(): RuntimeDeps {
  const runtime = s.t.service.runtime;
  return {
    ...runtime,
    calls: {
      ...runtime.calls,
      async placeCall(call) {
        await runtime.calls.placeCall(call);
        throw new Error('killed');
      },
    },
  };
}

/** A worker takes the call's job, Twilio creates the call, and the worker dies before recording it: its job lock is left behind. */
async function dieAfterTwilioPlaced(callId: string) {
  const job = await claimDueJob(s.t.db.pool, VOICE_JOB(), s.clock.now());
  expect(job?.data).toEqual({ callId });
  await expect(placeCheckInCall(dyingAfterTwilio(), callId)).rejects.toThrow('killed');
}

describe('a check-in call placed as usual', () => {
  it('is claimed, placed once and recorded, without asking Twilio for its calls', async () => {
    const { patient, callId } = await queuedCall();
    const [posts, lookups] = [s.twilio.callPosts, s.twilio.callLookups];
    await s.runDue();
    expect(s.twilio.callPosts).toBe(posts + 1);
    expect(s.twilio.callLookups).toBe(lookups);
    const placed = callsTo(patient.phone);
    expect(placed).toHaveLength(1);
    expect(await callRow(callId)).toMatchObject({ callSid: placed[0]!.sid, status: 'queued', placingAt: s.clock.now().toISOString(), placingAttempts: 1 });
    await s.runDue();
    expect(s.twilio.callPosts).toBe(posts + 1);
  });

  it('is not placed once the patient has opted out, as before', async () => {
    const { patient, callId } = await queuedCall();
    await s.say(patient, 'STOP');
    await s.runDue();
    expect(callsTo(patient.phone)).toHaveLength(0);
    expect(await callRow(callId)).toMatchObject({ status: 'canceled', outcome: 'not needed', placingAt: null });
  });
});

describe('a check-in call whose placing was cut short by a crash', () => {
  it('rings once: the rerun finds the call Twilio created and records its sid and status', async () => {
    const { patient, callId } = await queuedCall();
    const posts = s.twilio.callPosts;
    await dieAfterTwilioPlaced(callId);
    expect(s.twilio.callPosts).toBe(posts + 1);
    const atTwilio = callsTo(patient.phone);
    expect(atTwilio).toHaveLength(1);
    atTwilio[0]!.status = 'ringing';
    expect(await callRow(callId)).toMatchObject({ status: 'placing', callSid: null });

    expect(await s.runDue()).toBe(0); // the dead worker's lock still holds
    await s.advance(PLACING_MS); // ... until it expires; the job runs again and asks Twilio first
    expect(await callRow(callId)).toMatchObject({ callSid: atTwilio[0]!.sid, status: 'ringing', endedAt: null });
    expect(s.twilio.callPosts).toBe(posts + 1);
    await s.advance(10 * 60_000);
    expect(s.twilio.callPosts).toBe(posts + 1);
  });

  it('a call already over at Twilio, its status callback lost with the process, ends as the callback would have', async () => {
    const { patient, callId } = await queuedCall();
    await dieAfterTwilioPlaced(callId);
    callsTo(patient.phone)[0]!.status = 'no-answer';
    await s.advance(PLACING_MS);
    expect(await callRow(callId)).toMatchObject({ callSid: callsTo(patient.phone)[0]!.sid, status: 'no-answer', outcome: 'no-answer', endedAt: expect.any(String) });
    // Not reached: tried again 2 hours later, like any unanswered call.
    await s.advance(2 * 60 * 60_000);
    expect(callsTo(patient.phone)).toHaveLength(2);
  });

  it('is placed once when the process died before Twilio got it', async () => {
    const { patient, callId } = await queuedCall();
    const job = await claimDueJob(s.t.db.pool, VOICE_JOB(), s.clock.now());
    expect(job?.data).toEqual({ callId });
    const runtime = s.t.service.runtime;
    const dyingFirst: RuntimeDeps = { ...runtime, calls: { ...runtime.calls, placeCall: () => Promise.reject(new Error('killed')) } };
    await expect(placeCheckInCall(dyingFirst, callId)).rejects.toThrow('killed');
    const [posts, lookups] = [s.twilio.callPosts, s.twilio.callLookups];

    await s.advance(PLACING_MS);
    expect(s.twilio.callLookups).toBe(lookups + 1);
    expect(s.twilio.callPosts).toBe(posts + 1);
    const placed = callsTo(patient.phone);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.StatusCallback).toContain(`token=${(await callRow(callId)).token}`);
    expect(await callRow(callId)).toMatchObject({ callSid: placed[0]!.sid, placingAttempts: 2 });
    await s.advance(10 * 60_000);
    expect(s.twilio.callPosts).toBe(posts + 1);
  });
});

describe('a check-in call whose answer from Twilio was lost', () => {
  for (const [how, lose] of [
    ['the connection was reset', () => s.twilio.loseNextCallAnswer('ECONNRESET')],
    ['the request timed out', () => s.twilio.loseNextCallAnswer('ECONNABORTED')],
    ['Twilio answered 500 after creating it', () => s.twilio.failNextCall(500, {}, true)],
  ] as const) {
    it(`stays being placed, and the retry finds the call instead of ringing again (${how})`, async () => {
      const { patient, callId } = await queuedCall();
      const [posts, lookups] = [s.twilio.callPosts, s.twilio.callLookups];
      lose();
      await s.runDue();
      expect(s.twilio.callPosts).toBe(posts + 1);
      expect(await callRow(callId)).toMatchObject({ status: 'placing', callSid: null, endedAt: null });

      await s.advance(PLACING_MS - 1);
      expect(s.twilio.callLookups).toBe(lookups);
      await s.advance(1);
      expect(s.twilio.callLookups).toBe(lookups + 1);
      expect((await callRow(callId)).callSid).toBe(callsTo(patient.phone)[0]!.sid);
      expect(s.twilio.callPosts).toBe(posts + 1);
      await s.advance(10 * 60_000);
      expect(s.twilio.callPosts).toBe(posts + 1);
      expect(callsTo(patient.phone)).toHaveLength(1);
    });
  }

  it('is placed once more when Twilio answered 500 and has no such call', async () => {
    const { patient, callId } = await queuedCall();
    const posts = s.twilio.callPosts;
    s.twilio.failNextCall(500);
    await s.runDue();
    expect(callsTo(patient.phone)).toHaveLength(0);
    await s.advance(PLACING_MS);
    const placed = callsTo(patient.phone);
    expect(placed).toHaveLength(1);
    expect(s.twilio.callPosts).toBe(posts + 2);
    expect(await callRow(callId)).toMatchObject({ callSid: placed[0]!.sid, status: 'queued', placingAttempts: 2 });
    await s.advance(10 * 60_000);
    expect(s.twilio.callPosts).toBe(posts + 2);
  });

  it('counts as failed after three tries Twilio never got, and the check-in tries again later as for any failed call', async () => {
    const { patient, callId } = await queuedCall();
    const posts = s.twilio.callPosts;
    for (let i = 0; i < 3; i += 1) s.twilio.failNextCall(503);
    await s.runDue();
    await s.advance(2 * PLACING_MS);
    expect(s.twilio.callPosts).toBe(posts + 3);
    await s.advance(PLACING_MS);
    expect(s.twilio.callPosts).toBe(posts + 3);
    expect(await callRow(callId)).toMatchObject({ status: 'failed', outcome: 'failed', callSid: null });
    await s.advance(2 * 60 * 60_000);
    expect(callsTo(patient.phone)).toHaveLength(1);
  });
});

describe('a check-in call Twilio refuses', () => {
  it('ends as failed at once, as before, without looking for it', async () => {
    const { patient, callId } = await queuedCall();
    const lookups = s.twilio.callLookups;
    s.twilio.failNextCall(400, { code: 21215, message: 'Account not authorized to call this number' });
    await s.runDue();
    expect(await callRow(callId)).toMatchObject({ status: 'failed', outcome: 'failed', callSid: null });
    await s.advance(10 * 60_000);
    expect(s.twilio.callLookups).toBe(lookups);
    expect(callsTo(patient.phone)).toHaveLength(0);
  });
});

describe('when Twilio’s call list cannot be read', () => {
  it('does not ring blind: the job tries again later and records the call once the list answers', async () => {
    const { patient, callId } = await queuedCall();
    const [posts, lookups] = [s.twilio.callPosts, s.twilio.callLookups];
    s.twilio.loseNextCallAnswer();
    await s.runDue();
    s.twilio.failCallLookups(1);
    await s.advance(PLACING_MS);
    expect(s.twilio.callLookups).toBe(lookups + 1);
    expect((await callRow(callId)).callSid).toBeNull();
    await s.advance(60_000);
    expect(s.twilio.callLookups).toBe(lookups + 2);
    expect((await callRow(callId)).callSid).toBe(callsTo(patient.phone)[0]!.sid);
    expect(s.twilio.callPosts).toBe(posts + 1);
  });
});

describe('a slow worker whose claim a retry took over while it waited its turn', () => {
  it('does not place the call: only the retry does', async () => {
    const { callId } = await queuedCall();
    const posts = s.twilio.callPosts;
    const runtime = s.t.service.runtime;
    // The worker's turn comes late (a long pacing queue): meanwhile a retry takes the call over to place it.
    const late: RuntimeDeps = {
      ...runtime,
      calls: {
        ...runtime.calls,
        async placeCall(call) {
          const claimed = await callRow(callId);
          s.clock.advance(PLACING_MS);
          expect(await claimCallAgain(s.t.db.pool, callId, new Date(claimed.placingAt!), s.clock.now())).not.toBeNull();
          return runtime.calls.placeCall(call);
        },
      },
    };
    await placeCheckInCall(late, callId);
    expect(s.twilio.callPosts).toBe(posts);
    expect(await callRow(callId)).toMatchObject({ status: 'placing', callSid: null, placingAttempts: 2 });
  });
});
