/**
 * What the simulated coordinator works with and keeps: the API, her random
 * stream, her hours, and her own notes (who she tried today, who she reached
 * this month, which callbacks she is waiting for), which the service does
 * not keep for calls made from her desk phone. And the log of what she did,
 * which the report reads.
 */
import type { Api } from './api.js';
import type { Random } from './random.js';
import type { CallOutcome, WorkKind } from './work-model.js';
import { WORK_MODEL } from './work-model.js';
import type { WorkingHours } from './working-hours.js';

export interface CoordinatorLog {
  /** Everything she spent time on, with what it was and for whom. */
  work: Array<{ at: Date; minutes: number; kind: WorkKind; patientId: string | null }>;
  /** Her calls: the ones she placed, and patients calling her back. */
  calls: Array<{ at: Date; patientId: string; outcome: CallOutcome | 'called_back'; about: 'case' | 'call_list' }>;
  /** Her texts to patients from their cases (answers a call would otherwise have given). */
  texts: Array<{ at: Date; patientId: string }>;
  /** When she opened a case: a person acting on what it holds. */
  opened: Array<{ caseId: string; at: Date }>;
  /** The time entries she logged (the service may refuse one: counted, not retried). */
  entries: Array<{ patientId: string; start: Date; seconds: number; activity: string }>;
  refusedEntries: number;
  approvals: Array<{ patientId: string; month: string; at: Date }>;
  /**
   * Who the call list (GET /practices/:id/call-list) named for her to call because the texts do not
   * reach them ('unreachable') or they were not heard from this month ('non_responder'): each
   * patient, month and reason once, when she first read it there.
   */
  listed: Array<{ patientId: string; month: string; reason: 'unreachable' | 'non_responder'; at: Date }>;
}

export interface Callback {
  due: Date;
  patientId: string;
  caseId: string | null;
}

/** Her own notes about calls: the service sees only the time entries of the ones that reached the patient. */
export class CallNotes {
  private readonly attempts = new Map<string, { count: number; lastDay: string }>();
  private readonly reached = new Set<string>();
  readonly callbacks: Callback[] = [];

  attempt(problem: string, day: string): number {
    const count = (this.attempts.get(problem)?.count ?? 0) + 1;
    this.attempts.set(problem, { count, lastDay: day });
    return count;
  }

  attemptedOn(problem: string, day: string): boolean {
    return this.attempts.get(problem)?.lastDay === day;
  }

  /** Not tried today, and tried fewer times than the model allows. */
  mayTry(problem: string, day: string): boolean {
    const a = this.attempts.get(problem);
    return !a || (a.count < WORK_MODEL.attemptsPerProblem && a.lastDay !== day);
  }

  reach(patientId: string, day: string, month: string): void {
    this.reached.add(`${patientId}|${day}`).add(`${patientId}|${month}`);
  }

  /** Reached on `period`: a day ('2026-12-01') or a month ('2026-12'). */
  hasReached(patientId: string, period: string): boolean {
    return this.reached.has(`${patientId}|${period}`);
  }

  awaitsCallback(patientId: string): boolean {
    return this.callbacks.some((c) => c.patientId === patientId);
  }

  /** The earliest callback due by `now`, taken off the list. */
  takeCallback(now: Date): Callback | undefined {
    const due = this.callbacks.filter((c) => c.due <= now).sort((a, b) => a.due.getTime() - b.due.getTime())[0];
    if (due) this.callbacks.splice(this.callbacks.indexOf(due), 1);
    return due;
  }
}

export interface Desk {
  api: Api;
  random: Random;
  hours: WorkingHours;
  practiceId: string;
  /** Her id: coordinators are staff, so the same id logs time and approves months. */
  me: string;
  notes: CallNotes;
  log: CoordinatorLog;
  /**
   * How she reads a patient's words: concerning or not, by the judgement of the corpus author who
   * wrote them (what a nurse would make of them); null for words of no labelled text.
   */
  reads: (words: string) => boolean | null;
}

/** What a step of her work leaves her busy with, and what she does after it (`after`: not `then`, which would make it look like a promise). */
export interface Busy {
  minutes: number;
  kind: WorkKind;
  patientId: string | null;
  after?: Step | undefined;
}
export type Step = (now: Date) => Promise<Busy>;

export const emptyLog = (): CoordinatorLog => ({ work: [], calls: [], texts: [], opened: [], entries: [], refusedEntries: 0, approvals: [], listed: [] });
