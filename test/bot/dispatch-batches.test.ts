/**
 * A cadence slot as dispatch takes it: a batch of due contacts at a time,
 * written together, each patient checked as they are at that moment. One
 * patient is in the middle of a conversation and waits for it to end; one
 * left a conversation unanswered for hours, which ends now as unanswered; one
 * takes calls and is called; the others are texted.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startScenario, type Scenario } from '../helpers/scenario.js';

const SLOT = '2026-12-01T16:00:00.000Z'; // Tuesday Dec 1, 10:00 in Chicago: the week-1 check-in

let s: Scenario;
beforeEach(async () => {
  s = await startScenario();
});
afterEach(async () => {
  await s.close();
});

const checkInOf = async (patientId: string) =>
  (
    await s.t.db.pool.query<{ status: string; reason: string | null; due_at: Date; conversation_id: string | null }>(
      "SELECT status, reason, due_at, conversation_id FROM outreach WHERE patient_id = $1 AND kind = 'check_in' AND planned_for = $2",
      [patientId, SLOT],
    )
  ).rows[0]!;

const jobsNamed = async (name: string) =>
  (await s.t.db.pool.query<{ data: Record<string, unknown>; next_run_at: Date | null }>('SELECT data, next_run_at FROM agenda_jobs WHERE name = $1', [name])).rows;

it('texts, calls, ends a conversation left unanswered, and moves a contact to when the open one ends', async () => {
  const ana = await s.newPatient({ firstName: 'Ana' });
  const ben = await s.newPatient({ firstName: 'Ben' });
  const cy = await s.newPatient({ firstName: 'Cy' });
  const dan = await s.newPatient({ firstName: 'Dan', preferredChannel: 'voice' });
  await s.runDue();

  // Cy was asked at 08:00 and has not answered in the two hours since; Ben was asked at 09:50 and has until tomorrow.
  await s.advanceTo('2026-12-01T14:00:00Z');
  const cys = await s.checkIn(cy, 'symptoms');
  await s.advanceTo('2026-12-01T15:50:00Z');
  const bens = await s.checkIn(ben, 'symptoms');
  const bensEnd = (await s.conversation(bens.conversationId)).expiresAt as string;
  expect(bensEnd).toBe('2026-12-02T15:50:00.000Z');

  await s.advanceTo(SLOT);

  const anas = await checkInOf(ana.id);
  expect(anas).toMatchObject({ status: 'started', reason: null });
  expect(s.sentTo(ana.phone).map((m) => m.Body)).toHaveLength(1);

  expect(await s.conversation(cys.conversationId)).toMatchObject({ status: 'timed_out' });
  expect(await checkInOf(cy.id)).toMatchObject({ status: 'started' });
  expect(s.sentTo(cy.phone)).toHaveLength(2);

  // Ben's check-in waits for the one he is answering, and a dispatch run is due when it ends.
  const bensCheckIn = await checkInOf(ben.id);
  expect(bensCheckIn).toMatchObject({ status: 'planned', conversation_id: null });
  expect(bensCheckIn.due_at.toISOString()).toBe(bensEnd);
  const runs = await s.t.db.pool.query('SELECT key FROM scheduled_runs WHERE kind = $1 AND due_at = $2', ['outreach.dispatch', bensEnd]);
  expect(runs.rows).toEqual([{ key: `${s.practice.id}:${bensEnd}` }]);
  const dispatches = (await jobsNamed('outreach.dispatch')).filter((j) => j.next_run_at?.toISOString() === bensEnd);
  expect(dispatches.map((j) => j.data)).toEqual([{ practiceId: s.practice.id }]);
  expect(s.sentTo(ben.phone)).toHaveLength(1);

  // Dan takes calls: called at once, his conversation waits for its answers until tomorrow.
  const dans = await checkInOf(dan.id);
  expect(dans.status).toBe('started');
  expect(s.sentTo(dan.phone)).toEqual([]);
  expect(s.twilio.calls.filter((c) => c.To === dan.phone)).toHaveLength(1);
  const { rows: calls } = await s.t.db.pool.query('SELECT direction, attempt, conversation_id FROM patient_calls WHERE patient_id = $1', [dan.id]);
  expect(calls).toEqual([{ direction: 'outbound', attempt: 1, conversation_id: dans.conversation_id }]);
  const dansConversation = await s.conversation(dans.conversation_id!);
  expect(dansConversation).toMatchObject({ status: 'active', channel: 'voice', expiresAt: '2026-12-02T16:00:00.000Z' });
  const timeouts = (await jobsNamed('conversation.timeout')).filter((j) => j.data.conversationId === dans.conversation_id);
  expect(timeouts.map((j) => [j.data.version, j.next_run_at?.toISOString()])).toEqual([[1, '2026-12-02T16:00:00.000Z']]);

  // When Ben's conversation ends unanswered, his check-in goes.
  await s.advanceTo('2026-12-02T16:00:00Z');
  expect(await checkInOf(ben.id)).toMatchObject({ status: 'started' });
  expect(s.sentTo(ben.phone)).toHaveLength(2);
});
