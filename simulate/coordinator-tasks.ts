/**
 * The coordinator's tasks, step by step, each step an API call at the moment
 * she makes it (so the service stamps it with the right time) and the
 * minutes it leaves her busy: working a case (open, acknowledge, review,
 * log, then call or text the patient, log, resolve), calling someone from the
 * call list, taking a patient's call back, approving a closed month.
 */
import { ApiError } from './api.js';
import type { Busy, Desk, Step } from './coordinator-desk.js';
import { exponential } from './random.js';
import { answerableByText, dial, minutesIn, needsCall, WORK_MODEL } from './work-model.js';

const MINUTE = 60_000;

export interface CaseSummary {
  id: string;
  patient: { id: string; phone: string };
  level: 'urgent' | 'elevated';
  status: 'open' | 'acknowledged' | 'resolved';
  reviewDueAt: string | null;
  openedAt: string;
  updatedAt: string;
}
interface CaseDetail extends CaseSummary {
  alerts: Array<{ reason: string; status: 'open' | 'acknowledged' | 'resolved' }>;
  /** The patient's words behind each reason, and what else they said. */
  reasons: Array<{ words: string[]; alsoSaid: string[] }>;
}

/** Who she calls and why: a case's patient, or someone on the call list. */
interface CallTarget {
  patientId: string;
  /** Her note's key for the problem: attempts are counted per case, or per patient and month for the call list. */
  problem: string;
  caseId: string | null;
}

/** Logs staff time through the API; an overlap the service refuses is counted, not retried. */
async function logTime(desk: Desk, patientId: string, activity: 'call' | 'data_review' | 'care_coordination', start: Date, minutes: number, note: string): Promise<void> {
  try {
    await desk.api.post(`/patients/${patientId}/time-entries`, { staffId: desk.me, activity, start: start.toISOString(), minutes, note });
    desk.log.entries.push({ patientId, start, seconds: Math.round(minutes * 60), activity });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    desk.log.refusedEntries += 1;
  }
}

/** Logging an entry takes her a minute; then she goes on with `next`, chosen when she gets there. */
const logged = (desk: Desk, patientId: string, entry: Parameters<typeof logTime>, next: (now: Date) => Step | undefined): Step => async (now) => {
  await logTime(...entry);
  return { minutes: WORK_MODEL.minutes.timeEntry, kind: 'documentation', patientId, after: next(now) };
};

const resolve = (desk: Desk, caseId: string, patientId: string, note: string): Step => async (): Promise<Busy> => {
  await desk.api.post(`/cases/${caseId}/resolve`, { coordinatorId: desk.me, note });
  return { minutes: WORK_MODEL.minutes.resolveNote, kind: 'documentation', patientId };
};

/**
 * Opens the case (acknowledging it if nobody has: its escalation stops) and reads it; then
 * calls or resolves. A first reading, or news on the case, is a review of what the patient
 * reported, logged as staff time; opening it again only to call once more is a glance.
 */
export const workCase = (desk: Desk, summary: CaseSummary, seen: Map<string, string>, again: boolean): Step => async (opened) => {
  const detail = await desk.api.get<CaseDetail>(`/cases/${summary.id}`);
  desk.log.opened.push({ caseId: detail.id, at: opened });
  const taken = detail.status === 'open' ? await desk.api.post<CaseDetail>(`/cases/${detail.id}/acknowledge`, { coordinatorId: desk.me }) : detail;
  seen.set(detail.id, taken.updatedAt);
  const patientId = detail.patient.id;
  const reasons = detail.alerts.filter((a) => a.status !== 'resolved').map((a) => a.reason);
  const target: CallTarget = { patientId, problem: `case:${detail.id}`, caseId: detail.id };
  const next = (now: Date): Step | undefined => {
    const day = desk.hours.dayOf(now);
    if (!needsCall(detail.level, reasons)) return resolve(desk, detail.id, patientId, 'Reviewed: within the care plan, no call needed; the check-ins continue.');
    if (desk.notes.awaitsCallback(patientId)) return undefined;
    if (desk.notes.attemptedOn(target.problem, day)) {
      return desk.notes.hasReached(patientId, day) ? resolve(desk, detail.id, patientId, 'Spoke with the patient about this earlier today.') : undefined;
    }
    const words = detail.reasons.flatMap((r) => [...r.words, ...r.alsoSaid]);
    return answerableByText(detail.level, reasons, words.map(desk.reads)) ? answerByText(desk, target) : call(desk, target);
  };
  if (again) return { minutes: minutesIn(desk.random, WORK_MODEL.minutes.chartCheck), kind: 'review', patientId, after: next(opened) };
  const review = minutesIn(desk.random, WORK_MODEL.minutes.caseReview);
  const entry: Parameters<typeof logTime> = [desk, patientId, 'data_review', opened, review, 'Reviewed the alerts and what the patient reported'];
  return { minutes: review, kind: 'review', patientId, after: logged(desk, patientId, entry, next) };
};

/** Dials from her desk phone: the article's outcomes. Only a call that reached the patient is logged as CCM time (calls with the patient count; an attempt is not one). */
const call = (desk: Desk, target: CallTarget): Step => async (placed) => {
  const { outcome, minutes } = dial(desk.random);
  const { patientId, caseId } = target;
  desk.log.calls.push({ at: placed, patientId, outcome, about: caseId ? 'case' : 'call_list' });
  const attempts = desk.notes.attempt(target.problem, desk.hours.dayOf(placed));
  const busy: Busy = { minutes, kind: 'call', patientId };
  if (outcome === 'answered') {
    desk.notes.reach(patientId, desk.hours.dayOf(placed), desk.hours.monthOf(placed));
    const note = caseId ? 'Called the patient about the alerts: discussed, advised; follow-up as the care plan says' : 'Monthly check-in call with the patient';
    busy.after = logged(desk, patientId, [desk, patientId, 'call', placed, minutes, note], () => (caseId ? resolve(desk, caseId, patientId, 'Spoke with the patient; handled.') : undefined));
  } else if (outcome === 'callback') {
    const later = new Date(placed.getTime() + minutes * MINUTE + exponential(desk.random, WORK_MODEL.callbackMeanHours * 60) * MINUTE);
    desk.notes.callbacks.push({ due: desk.hours.nextWorking(later), patientId, caseId });
  } else if (caseId && attempts >= WORK_MODEL.attemptsPerProblem) {
    busy.after = resolve(desk, caseId, patientId, `Not reached after ${attempts} calls on ${attempts} working days; messages left; the practitioner is told.`);
  }
  return busy;
};

/**
 * Answers the patient by text from the case (POST /cases/:id/text), logs the minutes and resolves it.
 * The service refuses a patient who cannot take texts (stopped them, a landline): she calls instead.
 */
const answerByText = (desk: Desk, target: CallTarget): Step => async (at) => {
  const { patientId, caseId } = target;
  try {
    await desk.api.post(`/cases/${caseId}/text`, { coordinatorId: desk.me, words: 'Thank you for your message. I have looked into it, and it is taken care of.' });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    return call(desk, target)(at);
  }
  desk.log.texts.push({ at, patientId });
  const minutes = minutesIn(desk.random, WORK_MODEL.minutes.textAnswer);
  const entry: Parameters<typeof logTime> = [desk, patientId, 'care_coordination', at, minutes, "Answered the patient's message by text"];
  return { minutes, kind: 'text', patientId, after: logged(desk, patientId, entry, () => resolve(desk, caseId!, patientId, 'Answered by text.')) };
};

/** Someone on the call list (unreachable by text, or not heard from this month): a look at the chart, then a call. */
export const callFromList = (desk: Desk, patientId: string, month: string): Step => async () => ({
  minutes: minutesIn(desk.random, WORK_MODEL.minutes.chartCheck),
  kind: 'review',
  patientId,
  after: call(desk, { patientId, problem: `list:${patientId}:${month}`, caseId: null }),
});

/** The patient calls her back: a call with the patient, logged; the case it was about is resolved. */
export const takeCallback = (desk: Desk, patientId: string, caseId: string | null): Step => async (answered) => {
  const minutes = minutesIn(desk.random, WORK_MODEL.callbackMinutes);
  desk.log.calls.push({ at: answered, patientId, outcome: 'called_back', about: caseId ? 'case' : 'call_list' });
  desk.notes.reach(patientId, desk.hours.dayOf(answered), desk.hours.monthOf(answered));
  const entry: Parameters<typeof logTime> = [desk, patientId, 'call', answered, minutes, 'The patient called back: discussed'];
  return { minutes, kind: 'call', patientId, after: logged(desk, patientId, entry, () => (caseId ? resolve(desk, caseId, patientId, 'The patient called back; handled.') : undefined)) };
};

/** A closed month ready to bill: she reads the drafted record and approves it (it is then locked). */
export const approveMonth = (desk: Desk, patientId: string, month: string): Step => async (at): Promise<Busy> => {
  await desk.api.get(`/patients/${patientId}/months/${month}`);
  await desk.api.post(`/patients/${patientId}/months/${month}/approve`, { staffId: desk.me });
  desk.log.approvals.push({ patientId, month, at });
  return { minutes: WORK_MODEL.minutes.monthApproval, kind: 'approval', patientId };
};
