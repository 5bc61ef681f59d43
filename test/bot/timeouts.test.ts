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

  it('keeps the wait on one job: an answer moves its end and queues none; the job due first queues itself at the end', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const id = started.conversationId;
    expect(await timeoutJobs(id)).toHaveLength(1);
    await s.advance(6 * 60 * 60 * 1000);
    await s.say(patient, '2');
    const answeredAt = s.clock.now().getTime();
    expect((await s.conversation(id)).expiresAt).toBe(new Date(answeredAt + DAY).toISOString());
    // The answer queued no job: the one pending is due first.
    expect(await timeoutJobs(id)).toHaveLength(1);
    // A timeout before the wait's end does not act, and queues nothing while one is pending.
    expect(await expireConversation(s.t.service.runtime, { conversationId: id })).toBe(false);
    expect(await timeoutJobs(id)).toHaveLength(1);
    // At the first wait's end its job runs, finds the wait moved on, and queues itself at the new end.
    await s.advance(DAY - 6 * 60 * 60 * 1000);
    expect((await s.conversation(id)).status).toBe('active');
    expect((await timeoutJobs(id)).map((job) => job.nextRunAt)).toEqual([new Date(answeredAt + DAY).toISOString()]);
    await s.advanceTo(new Date(answeredAt + DAY));
    expect((await s.conversation(id)).status).toBe('timed_out');
    // "2: I have concerns" and then silence: the concern is recorded for a person as the wait ends.
    expect((await s.observations(patient.id)).map((o) => o.kind)).toEqual(['wellness', 'concern', 'non_response']);
    expect(await timeoutJobs(id)).toEqual([]);
  });

  it('queues a job for a wait that ends sooner than the one pending', async () => {
    const patient = await s.newPatient();
    const started = await s.checkIn(patient, 'wellness');
    const id = started.conversationId;
    // The job pending is due in a day; a wait moved to end in an hour needs its own.
    await s.t.db.pool.query(`UPDATE conversations SET timeout_at = timeout_at + interval '1 day' WHERE id = $1`, [id]);
    await s.say(patient, '2');
    const jobs = await timeoutJobs(id);
    expect(jobs).toHaveLength(2);
    expect(jobs[0]!.nextRunAt).toBe((await s.conversation(id)).expiresAt);
  });
});
