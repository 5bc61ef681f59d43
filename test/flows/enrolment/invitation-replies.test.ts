/**
 * The fresh set of invitation answers as a regression set (its first-pass figures are in
 * bench/invitation-replies.ts): what must never happen on it. Every request to stop stops the
 * campaign; no yes is taken for a no, nor a no for a yes; nothing labelled for a person is
 * acted on as an answer.
 */
import { describe, expect, it } from 'vitest';
import { readInvitationAnswer } from '../../../src/flows/enrolment/reply.js';
import { INVITATION_REPLIES_2026_12 } from './invitation-replies-2026-12.js';

const read = INVITATION_REPLIES_2026_12.map((r) => ({ ...r, got: readInvitationAnswer(r.text).reply }));

describe('the fresh invitation answers of 2026-12', () => {
  it('every request to stop stops the campaign', () => {
    const missed = read.filter((r) => r.expected === 'opt_out' && r.got !== 'opt_out' && r.got !== 'no');
    expect(missed.map((r) => r.text)).toEqual([]);
  });

  it('no yes is read as a no, nor a no as a yes', () => {
    const crossed = read.filter((r) => (r.expected === 'yes' && r.got === 'no') || (r.expected === 'no' && r.got === 'yes'));
    expect(crossed.map((r) => r.text)).toEqual([]);
  });

  it('what a person should read is not taken as a yes or a no', () => {
    const taken = read.filter((r) => r.expected === 'other' && (r.got === 'yes' || r.got === 'no'));
    expect(taken.map((r) => r.text)).toEqual([]);
  });
});
