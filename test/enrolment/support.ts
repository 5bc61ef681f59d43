/**
 * Enrolment campaigns in tests: candidates written to the database as a
 * practice's list would be, a campaign started through the domain function
 * the API calls, and what the database then says about them.
 */
import { nextPhone } from '../helpers/api.js';
import type { Scenario } from '../helpers/scenario.js';
import { startCampaign } from '../../src/enrolment/index.js';
import { insertCandidate, type CandidateFields } from '../../src/store/candidates.js';
import { findPractice } from '../../src/store/practices.js';
import { withTransaction } from '../../src/store/sql.js';

/** Adds a candidate seen at the practice a month ago, texting in English. */
export async function addCandidate(s: Scenario, overrides: Partial<CandidateFields> = {}) {
  const fields: CandidateFields = {
    firstName: 'Rosa',
    lastName: 'Delgado',
    phone: nextPhone(),
    phoneType: 'mobile',
    dateOfBirth: '1950-02-11',
    mrn: null,
    email: null,
    language: 'en',
    preferredChannel: 'sms',
    timezone: null,
    conditions: ['hypertension', 'type 2 diabetes'],
    billingPractitionerId: s.coordinator.id,
    lastVisitOn: '2026-10-20',
    ...overrides,
  };
  const candidate = await insertCandidate(s.t.db.pool, s.practice.id, fields, 'test', s.clock.now());
  if (!candidate) throw new Error('candidate not added');
  return candidate;
}

/** Starts a campaign now for these candidates (or every listed one). */
export async function startCampaignFor(s: Scenario, candidateIds: string[] | 'all_listed', reminderDays?: number[]) {
  const practice = (await findPractice(s.t.db.pool, s.practice.id))!;
  return withTransaction(s.t.db.pool, (tx) =>
    startCampaign(tx, s.t.service.runtime, {
      practice,
      name: 'Chronic care, November',
      candidateIds,
      ...(reminderDays ? { reminderDays } : {}),
      createdBy: 'Admin',
      at: s.clock.now(),
    }),
  );
}

/** The candidate's row as the database has it. */
export async function candidateRow(s: Scenario, id: string) {
  const { rows } = await s.t.db.pool.query(
    `SELECT state, reached_at, interested_at, declined_at, declined_how, opted_out_at, no_answer_at, call_reason, call_listed_at, phone_type
     FROM candidates WHERE id = $1`,
    [id],
  );
  return rows[0] as {
    state: string;
    reached_at: Date | null;
    interested_at: Date | null;
    declined_at: Date | null;
    declined_how: string | null;
    opted_out_at: Date | null;
    no_answer_at: Date | null;
    call_reason: string | null;
    call_listed_at: Date | null;
    phone_type: 'mobile' | 'landline' | 'unknown';
  };
}

/** The texts and calls to the candidate, oldest first, with when they left. */
export async function outboundTo(s: Scenario, candidateId: string) {
  const { rows } = await s.t.db.pool.query(
    `SELECT kind, channel, body, status, sent_at, in_reply_to FROM messages WHERE candidate_id = $1 AND direction = 'outbound' ORDER BY created_at, seq`,
    [candidateId],
  );
  return rows as Array<{ kind: string; channel: string; body: string; status: string; sent_at: Date | null; in_reply_to: string | null }>;
}

/** The contacts the campaign started with the candidate. */
export async function contactsOf(s: Scenario, candidateId: string) {
  const { rows } = await s.t.db.pool.query('SELECT step, purpose, channel, at FROM invitation_contacts WHERE candidate_id = $1 ORDER BY at', [candidateId]);
  return rows as Array<{ step: number; purpose: string; channel: string; at: Date }>;
}

export const DAY = 24 * 60 * 60 * 1000;
