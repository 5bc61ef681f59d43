import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueJob } from '../../src/store/job-queue.js';
import { claimStep, findAttempt, markPlacing, type EscalationAttempt } from '../../src/store/escalations.js';
import { THREE_TEXTS_FIXED } from '../helpers/api.js';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { PUBLIC_URL } from '../helpers/service.js';
import { runEscalationStep } from '../../src/escalation/index.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
  // Nothing of the cadence falls due while these tests count jobs (the default's week-4 summary is due at the start).
  expect((await s.admin.patch(`/api/v1/practices/${s.practice.id}`, { outreach: THREE_TEXTS_FIXED })).status).toBe(200);
  await s.runDue();
});
afterAll(() => s.close());

/** How long placing a call may take before a claim without a call counts as cut short (bot/escalation.ts). */
const PLACING_MS = 15_000;
/** The escalation job alone, with its lock lifetime (jobs/definitions.ts). */
const ESCALATION_JOB = [{ name: 'escalation.step', lockLifetimeMs: 15_000 }] as const;

/** A patient reports a red flag: an urgent alert, its first escalation step due now. */
async function urgentAlert(): Promise<string> {
  const patient = await s.newPatient();
  await s.say(patient, 'I have crushing chest pain');
  const { rows } = await s.t.db.pool.query("SELECT id FROM alerts WHERE patient_id = $1 AND level = 'urgent'", [patient.id]);
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

/**
 * A worker took the alert's first step and claimed its call to the on-call
 * coordinator, then was killed (kill -9) before recording Twilio's answer:
 * `placing`, it had asked Twilio (which may or may not have the call);
 * `queued`, it died while the call waited its turn. Its job lock and the
 * claim are left behind, as the dead worker's committed transaction left them.
 */
async function dieMidCall(alertId: string, state: 'queued' | 'placing'): Promise<EscalationAttempt> {
  const job = await claimDueJob(s.t.db.pool, ESCALATION_JOB, s.clock.now());
  expect(job?.data).toEqual({ alertId, step: 0 });
  const token = randomBytes(24).toString('base64url');
  const attempt = await claimStep(s.t.db.pool, {
    alertId,
    step: 0,
    round: 1,
    coordinatorId: s.coordinator.id,
    kind: 'call',
    token,
    status: 'queued',
    startedAt: s.clock.now(),
  });
  if (state === 'placing') await markPlacing(s.t.db.pool, attempt!.id, s.clock.now());
  return (await findAttempt(s.t.db.pool, alertId, 0))!;
}

/** Twilio got the dead worker's request: it has the call (ringing the coordinator), and nobody here knows its id. */
function twilioHasTheCall(attempt: EscalationAttempt) {
  const sid = `CA${randomBytes(16).toString('hex')}`;
  const base = `${PUBLIC_URL}/webhooks/twilio/voice/escalation`;
  s.twilio.calls.push({
    sid,
    at: s.clock.now(),
    To: s.coordinator.phone,
    From: s.practice.phoneNumber,
    Url: `${base}?token=${attempt.token}`,
    StatusCallback: `${base}/status?token=${attempt.token}`,
  });
  return sid;
}

const callsToCoordinator = () => s.twilio.calls.filter((c) => c.To === s.coordinator.phone);
const attemptOf = async (alertId: string) => (await findAttempt(s.t.db.pool, alertId, 0))!;

describe('an escalation call cut short by a crash', () => {
  it('is recorded, not placed again, when Twilio has the call', async () => {
    const alertId = await urgentAlert();
    const attempt = await dieMidCall(alertId, 'placing');
    const sid = twilioHasTheCall(attempt);
    const before = callsToCoordinator().length;

    expect(await s.runDue()).toBe(0); // the dead worker's lock still holds
    await s.advance(PLACING_MS); // ... until it expires; the step runs again and asks Twilio
    expect(await attemptOf(alertId)).toMatchObject({ callSid: sid, status: 'completed' });
    expect(callsToCoordinator()).toHaveLength(before);
    await s.advance(10 * 60_000);
    expect(callsToCoordinator()).toHaveLength(before);
  });

  it('is placed once when Twilio never got it', async () => {
    const alertId = await urgentAlert();
    await dieMidCall(alertId, 'placing');
    const before = callsToCoordinator().length;
    const lookups = s.twilio.callLookups;

    await s.advance(PLACING_MS - 1);
    expect(callsToCoordinator()).toHaveLength(before);
    await s.advance(1);
    expect(s.twilio.callLookups).toBe(lookups + 1);
    const placed = callsToCoordinator().slice(before);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.StatusCallback).toContain(`token=${(await attemptOf(alertId)).token}`);
    expect(await attemptOf(alertId)).toMatchObject({ callSid: placed[0]!.sid });
    await s.advance(10 * 60_000);
    expect(callsToCoordinator()).toHaveLength(before + 1);
  });

  it('is placed at once, without asking Twilio, when it died before its turn to be placed', async () => {
    const alertId = await urgentAlert();
    await dieMidCall(alertId, 'queued');
    const before = callsToCoordinator().length;
    const lookups = s.twilio.callLookups;

    await s.advance(PLACING_MS);
    expect(callsToCoordinator()).toHaveLength(before + 1);
    expect(s.twilio.callLookups).toBe(lookups);
    expect((await attemptOf(alertId)).callSid).toBe(callsToCoordinator().at(-1)!.sid);
  });

  it('does not take another alert’s call to the same coordinator, whichever settles first', async () => {
    // Two alerts ring Nora; the process dies with both calls asked for, and only the first reached Twilio.
    const first = await urgentAlert();
    const firstAttempt = await dieMidCall(first, 'placing');
    const sid = twilioHasTheCall(firstAttempt);
    await s.advance(1_000);
    const second = await urgentAlert();
    await dieMidCall(second, 'placing');
    const before = callsToCoordinator().length;

    // The second settles first (the first's job waits its turn): Twilio's one unrecorded call is the
    // first alert's, the older of the two calls asked for, so the second's is placed.
    s.clock.advance(PLACING_MS);
    await runEscalationStep(s.t.service.runtime, { alertId: second, step: 0 });
    const placed = callsToCoordinator().slice(before);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.StatusCallback).toContain(`token=${(await attemptOf(second)).token}`);
    expect((await attemptOf(second)).callSid).toBe(placed[0]!.sid);

    await s.advance(10 * 60_000);
    expect(await attemptOf(first)).toMatchObject({ callSid: sid });
    expect(callsToCoordinator()).toHaveLength(before + 1);
  });

  it('matches calls in the order their turns came, not the order they were claimed', async () => {
    // Two alerts ring Nora. The first claimed its call first, but the pacer gave the second its turn
    // first; the process died with the second's call at Twilio and the first's turn just begun.
    const first = await urgentAlert();
    const firstAttempt = await dieMidCall(first, 'queued');
    await s.advance(1_000);
    const second = await urgentAlert();
    const secondAttempt = await dieMidCall(second, 'placing');
    const sid = twilioHasTheCall(secondAttempt);
    s.clock.advance(1_000);
    await markPlacing(s.t.db.pool, firstAttempt.id, s.clock.now());
    const before = callsToCoordinator().length;

    await s.advance(PLACING_MS);
    await s.advance(10 * 60_000);
    expect(await attemptOf(second)).toMatchObject({ callSid: sid });
    const placed = callsToCoordinator().slice(before);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.StatusCallback).toContain(`token=${firstAttempt.token}`);
    expect((await attemptOf(first)).callSid).toBe(placed[0]!.sid);
  });
});

describe('when Twilio’s call list cannot be read', () => {
  it('asks again shortly instead of ringing twice, and records the call once the list answers', async () => {
    const alertId = await urgentAlert();
    const attempt = await dieMidCall(alertId, 'placing');
    const sid = twilioHasTheCall(attempt);
    const before = callsToCoordinator().length;
    const lookups = s.twilio.callLookups;
    s.twilio.failCallLookups(2);

    await s.advance(PLACING_MS);
    expect(s.twilio.callLookups).toBe(lookups + 1);
    expect(callsToCoordinator()).toHaveLength(before);
    expect((await attemptOf(alertId)).callSid).toBeNull();

    await s.advance(10_000); // two more tries, 5 s apart: the second one answers
    expect(s.twilio.callLookups).toBe(lookups + 3);
    expect((await attemptOf(alertId)).callSid).toBe(sid);
    await s.advance(10 * 60_000);
    expect(callsToCoordinator()).toHaveLength(before);
    expect(s.twilio.callLookups).toBe(lookups + 3);
  });

  it('places the call after 30 s of failing lookups, once: an urgent alert is never held back for good', async () => {
    const alertId = await urgentAlert();
    await dieMidCall(alertId, 'placing');
    const before = callsToCoordinator().length;
    const lookups = s.twilio.callLookups;
    // Every lookup fails: at 15 s, then every 5 s up to the give-up time at 45 s.
    s.twilio.failCallLookups(7);

    await s.advance(PLACING_MS + 30_000 - 1);
    expect(s.twilio.callLookups).toBe(lookups + 6);
    expect(callsToCoordinator()).toHaveLength(before);
    await s.advance(1);
    expect(s.twilio.callLookups).toBe(lookups + 7);
    expect(callsToCoordinator()).toHaveLength(before + 1);
    expect((await attemptOf(alertId)).callSid).toBe(callsToCoordinator().at(-1)!.sid);

    await s.advance(10 * 60_000);
    expect(callsToCoordinator()).toHaveLength(before + 1);
    expect(s.twilio.callLookups).toBe(lookups + 7);
  });
});
