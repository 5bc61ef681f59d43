/**
 * The simulated care coordinator: she works the practice's Today through the
 * service's own API, as a practice's staff would, in her working hours
 * (WORK_MODEL.day). Urgent cases first, then reviews by deadline, then closed
 * months to approve, then the call list; each thing she does takes the
 * minutes the model gives it, and she does one thing at a time. An urgent
 * alert rings her phone (the escalation chain): at work she turns to it as
 * soon as she is free. Her randomness is a stream of her own, so the same
 * seed gives the same month.
 *
 * The simulation loop asks `nextAt()` when she next does something and calls
 * `act(now)` then (simulate/panel.ts).
 */
import { DateTime } from 'luxon';
import type { Service } from '../src/service.js';
import { createApi, type Api } from './api.js';
import { CallNotes, emptyLog, type Busy, type CoordinatorLog, type Desk, type Step } from './coordinator-desk.js';
import { approveMonth, callFromList, takeCallback, workCase, type CaseSummary } from './coordinator-tasks.js';
import { establishCarePlans } from './care-plans.js';
import { streamFor } from './random.js';
import type { SimTwilio } from './twilio.js';
import { WORK_MODEL } from './work-model.js';
import { WorkingHours } from './working-hours.js';

/** Her random stream's index: past any patient's (patients are 0 .. n-1, n at most 100,000). */
const COORDINATOR_STREAM = 1_000_000;
const MINUTE = 60_000;

export interface SimCoordinator {
  /** When she next does something (at or after `now` unless she is already due). */
  nextAt(now: Date): Date;
  /** Does what is due at `now`: the next step of her task, or she picks the next task. */
  act(now: Date): Promise<void>;
  readonly log: CoordinatorLog;
  readonly api: Api;
  readonly coordinatorId: string;
  /** Whether she can take a call on her phone at `at`: on the premises (lunch included) and not on a call. */
  canAnswer(at: Date): boolean;
}

export interface CoordinatorSetup {
  service: Service;
  twilio: SimTwilio;
  practiceId: string;
  coordinatorPhone: string;
  seed: number;
  practiceTz: string;
  patientIds: readonly string[];
  /** How she reads a patient's words (Desk.reads). */
  reads: (words: string) => boolean | null;
}

interface CallListEntry {
  patient: { id: string; phone: string };
  reasons: Array<{ code: string; since: string | null }>;
}

/** Most pressing first: urgent, then the nearest review deadline, the longest open; the phone breaks ties (ids differ run to run). */
const byPriority = (a: CaseSummary, b: CaseSummary) =>
  Number(b.level === 'urgent') - Number(a.level === 'urgent') ||
  (a.reviewDueAt ?? '\uffff').localeCompare(b.reviewDueAt ?? '\uffff') ||
  a.openedAt.localeCompare(b.openedAt) ||
  a.patient.phone.localeCompare(b.patient.phone);

/** Finds her record, puts the panel's care plans on file, and starts her at the practice's clock. */
export async function createCoordinator(s: CoordinatorSetup): Promise<SimCoordinator> {
  const api = createApi(s.service.app, s.service.config.adminToken!);
  const { data } = await api.get<{ data: Array<{ id: string; phone: string }> }>(`/practices/${s.practiceId}/coordinators`);
  const me = data.find((c) => c.phone === s.coordinatorPhone);
  if (!me) throw new Error('the simulated coordinator is not among the practice\'s coordinators');
  await establishCarePlans(api, s.patientIds);
  const hours = new WorkingHours(s.practiceTz);
  const desk: Desk = { api, random: streamFor(s.seed, COORDINATOR_STREAM), hours, practiceId: s.practiceId, me: me.id, notes: new CallNotes(), log: emptyLog(), reads: s.reads };
  return new Coordinator(desk, s.twilio, s.coordinatorPhone, s.service.clock.now());
}

class Coordinator implements SimCoordinator {
  private busyUntil: Date;
  /** What she is busy with until busyUntil. */
  private doing: Busy['kind'] | null = null;
  private next: Step | undefined;
  /** When she last found nothing to do (null: she has just finished something, and looks again at once). */
  private idleSince: Date | null = null;
  private openedToday: string | null = null;
  /** Her phone's rings (urgent alerts), and how many she has turned to. */
  private readonly rings: Date[] = [];
  private ringsScanned = 0;
  private ringsSeen = 0;
  /** What she last saw of each case: a later update is news to read. */
  private readonly seen = new Map<string, string>();
  private readonly closedMonths = new Set<string>();
  private readonly toApprove: Array<{ patientId: string; month: string }> = [];
  private readonly firstMonth: string;
  private readonly listedKeys = new Set<string>();

  constructor(
    private readonly desk: Desk,
    private readonly twilio: SimTwilio,
    private readonly phone: string,
    start: Date,
  ) {
    this.busyUntil = start;
    this.firstMonth = desk.hours.monthOf(start);
  }

  get log() {
    return this.desk.log;
  }
  get api() {
    return this.desk.api;
  }
  get coordinatorId() {
    return this.desk.me;
  }

  canAnswer(at: Date): boolean {
    return this.desk.hours.isOnSite(at) && !(this.doing === 'call' && at < this.busyUntil);
  }

  nextAt(now: Date): Date {
    if (this.next) return this.busyUntil;
    const { hours } = this.desk;
    const free = (t: number) => hours.nextWorking(new Date(Math.max(t, this.busyUntil.getTime()))).getTime();
    const candidates = [free(this.idleSince ? this.idleSince.getTime() + WORK_MODEL.idleCheckMinutes * MINUTE : now.getTime())];
    const ring = this.newRings()[this.ringsSeen];
    if (ring) {
      const t = Math.max(ring.getTime() + WORK_MODEL.minutes.ringToOpen * MINUTE, this.busyUntil.getTime());
      candidates.push(hours.isOnSite(new Date(t)) ? t : free(t));
    }
    const callback = this.desk.notes.callbacks.reduce<number>((min, c) => Math.min(min, c.due.getTime()), Infinity);
    if (callback < Infinity) candidates.push(free(callback));
    return new Date(Math.min(...candidates));
  }

  async act(now: Date): Promise<void> {
    if (this.next) {
      const step = this.next;
      this.next = undefined;
      return this.run(step, now);
    }
    while (this.ringsSeen < this.rings.length && this.rings[this.ringsSeen]! <= now) this.ringsSeen += 1;
    const { hours, notes } = this.desk;
    const atWork = hours.isWorking(now);
    if (atWork && this.openedToday !== hours.dayOf(now)) {
      this.openedToday = hours.dayOf(now);
      return this.run(async (): Promise<Busy> => ({ minutes: WORK_MODEL.minutes.openToday, kind: 'today', patientId: null }), now);
    }
    const callback = notes.takeCallback(now);
    if (callback) return this.run(takeCallback(this.desk, callback.patientId, callback.caseId), now);
    // At lunch she is there only for an urgent ring.
    const step = await this.choose(now, !atWork);
    if (step) {
      this.idleSince = null;
      return this.run(step, now);
    }
    this.idleSince = now;
  }

  private async run(step: Step, now: Date): Promise<void> {
    const busy = await step(now);
    this.desk.log.work.push({ at: now, minutes: busy.minutes, kind: busy.kind, patientId: busy.patientId });
    this.busyUntil = new Date(now.getTime() + Math.round(busy.minutes * 60) * 1000);
    this.doing = busy.kind;
    this.next = busy.after;
  }

  /** The rings to her phone so far (the escalation chain's calls), read as they come. */
  private newRings(): Date[] {
    const calls = this.twilio.calls;
    for (; this.ringsScanned < calls.length; this.ringsScanned += 1) if (calls[this.ringsScanned]!.to === this.phone) this.rings.push(calls[this.ringsScanned]!.at);
    return this.rings;
  }

  /** What Today puts first: a case, a closed month to approve, or someone on the call list. */
  private async choose(now: Date, urgentOnly: boolean): Promise<Step | undefined> {
    const { api, practiceId, hours, notes } = this.desk;
    const day = hours.dayOf(now);
    const cases = (await api.get<{ data: CaseSummary[] }>(`/practices/${practiceId}/cases?status=unresolved&limit=500`)).data;
    const due = cases.filter((c) => (!urgentOnly || c.level === 'urgent') && this.caseDue(c, day)).sort(byPriority);
    if (due[0]) return workCase(this.desk, due[0], this.seen, !this.isNews(due[0]));
    if (urgentOnly) return undefined;
    const month = await this.nextApproval(now);
    if (month) return approveMonth(this.desk, month.patientId, month.month);
    const withCase = new Set(cases.map((c) => c.patient.id));
    const thisMonth = hours.monthOf(now);
    const list = (await api.get<{ data: CallListEntry[] }>(`/practices/${practiceId}/call-list`)).data;
    this.noteListed(list, thisMonth, now);
    const entry = list
      .filter((e) => e.reasons.some((r) => r.code === 'unreachable' || r.code === 'non_responder') && !withCase.has(e.patient.id))
      .filter((e) => !notes.hasReached(e.patient.id, thisMonth) && notes.mayTry(`list:${e.patient.id}:${thisMonth}`, day))
      .sort((a, b) => (a.reasons[0]!.since ?? '').localeCompare(b.reasons[0]!.since ?? '') || a.patient.phone.localeCompare(b.patient.phone))[0];
    return entry ? callFromList(this.desk, entry.patient.id, thisMonth) : undefined;
  }

  /** Who the list named for a call because texts do not reach them, or they were silent this month (the sequences' comparison counts them). */
  private noteListed(list: CallListEntry[], month: string, now: Date): void {
    for (const e of list) {
      for (const r of e.reasons) {
        if (r.code !== 'unreachable' && r.code !== 'non_responder') continue;
        const key = `${e.patient.id}|${month}|${r.code}`;
        if (this.listedKeys.has(key)) continue;
        this.listedKeys.add(key);
        this.desk.log.listed.push({ patientId: e.patient.id, month, reason: r.code, at: now });
      }
    }
  }

  /** New to her, or changed since she last read it. */
  private isNews(c: CaseSummary): boolean {
    const seen = this.seen.get(c.id);
    return c.status === 'open' || !seen || Date.parse(c.updatedAt) > Date.parse(seen);
  }

  /** News, or a call to try again (one a working day, a few in all). */
  private caseDue(c: CaseSummary, day: string): boolean {
    return this.isNews(c) || (!this.desk.notes.awaitsCallback(c.patient.id) && this.desk.notes.mayTry(`case:${c.id}`, day));
  }

  /** After a month closes: its drafts with codes and nothing to check first, approved one by one. */
  private async nextApproval(now: Date): Promise<{ patientId: string; month: string } | undefined> {
    const current = this.desk.hours.monthOf(now);
    for (let m = DateTime.fromISO(`${this.firstMonth}-01`); m.toFormat('yyyy-MM') < current; m = m.plus({ months: 1 })) {
      const month = m.toFormat('yyyy-MM');
      if (this.closedMonths.has(month)) continue;
      this.closedMonths.add(month);
      const rows = (await this.desk.api.get<{ data: Array<{ patientId: string; codes: unknown[]; needsReview: boolean }> }>(`/practices/${this.desk.practiceId}/months/${month}?status=draft`)).data;
      this.toApprove.push(...rows.filter((r) => r.codes.length > 0 && !r.needsReview).map((r) => ({ patientId: r.patientId, month })));
    }
    return this.toApprove.shift();
  }
}
