import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';
import { listPendingJobs } from '../../src/store/job-queue.js';
import { expireConversation } from '../../src/conversation/index.js';

const DAY = 24 * 60 * 60 * 1000;

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

const timeoutJobs = async (conversationId: string) =>
  (await listPendingJobs(s.t.db.pool, 'conversation.timeout')).filter(
    (job) => (job.data as { conversationId: string }).conversationId === conversationId,
  );

describe('waiting for an answer', () => {
  it('times out 24 hours after the question went out, recording a non-response and texting nothing', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const sentBefore = s.sentTo(patient.phone).length;
    const conversation = await s.conversation(started.conversationId);
    expect(conversation.expiresAt).toBe(new Date(s.clock.now().getTime() + DAY).toISOString());

    await s.advance(DAY - 1000);
    expect((await s.conversation(started.conversationId)).status).toBe('active');
    await s.advance(1000);
    const ended = await s.conversation(started.conversationId);
    expect(ended).toMatchObject({ status: 'timed_out', endedAt: conversation.expiresAt });
    expect(await s.observations(patient.id)).toMatchObject([
      { kind: 'non_response', value: { question: 'wellness.opening' }, observedAt: conversation.expiresAt },
    ]);
    expect(s.sentTo(patient.phone).length).toBe(sentBefore);
    const transcript = (await s.admin.get(`/api/v1/patients/${patient.id}/transcript`)).body.data;
    expect(transcript.map((e: { kind: string }) => e.kind)).toContain('conversation.timed_out');
  });

  it('ignores a timeout scheduled before the patient answered (stale version), and restarts the wait', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const [first] = await timeoutJobs(started.conversationId);
    const staleVersion = (first!.data as { version: number }).version;
    await s.advance(6 * 60 * 60 * 1000);
    await s.say(patient, '2');
    const answeredAt = s.clock.now().getTime();
    // The answer moved the conversation on: the earlier job now does nothing when it fires.
    expect(await expireConversation(s.t.service.runtime, { conversationId: started.conversationId, version: staleVersion })).toBe(false);
    await s.advance(DAY - 6 * 60 * 60 * 1000);
    expect((await s.conversation(started.conversationId)).status).toBe('active');
    // The wait for the new question runs 24 hours from the answer, on its own job.
    await s.advanceTo(new Date(answeredAt + DAY));
    expect((await s.conversation(started.conversationId)).status).toBe('timed_out');
    // "2: I have concerns" and then silence: the concern is recorded for a person as the wait ends.
    expect((await s.observations(patient.id)).map((o) => o.kind)).toEqual(['wellness', 'concern', 'non_response']);
  });
});
