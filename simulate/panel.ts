/**
 * Runs the service's own code over a simulated panel-month: the real service
 * on embedded PGlite in a temp directory, on a manual clock that jumps from
 * one due job (or one patient's text) to the next. Patients answer through
 * the real SMS webhook; only Twilio is simulated (simulate/twilio.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { advanceToNextJob } from '../src/jobs/drive.js';
import { scheduleRecurring } from '../src/jobs/definitions.js';
import { createLogger } from '../src/logger.js';
import { createService, type Service } from '../src/service.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { createPatients, reply, unprompted, type PlannedText, type SimPatient } from './patients.js';
import { createCoordinator, type SimCoordinator } from './coordinator.js';
import { coordinatorCallee, patientCallee } from './callee.js';
import { streamFor } from './random.js';
import { SimTwilio } from './twilio.js';
import { SimForms } from './forms.js';
import { DEFAULT_PROFILE, type Profile } from './profile.js';

export interface SimOptions {
  patients: number;
  days: number;
  seed: number;
  practiceTz: string;
  /** Local date the month starts (midnight, practice time). */
  startDate?: string;
  /** The patient model's figures (profile.ts); default: DEFAULT_PROFILE. */
  profile?: Profile;
  /**
   * The practice's `outreach.channelChoice` (issue 24): 'learned' (the service's default) plans each
   * patient's touchpoints at the hour and by the channel they answer most; 'fixed' as the cadence says.
   */
  sequence?: Sequence;
  /** An open, empty database (tests load a template); default: embedded PGlite in memory. Closed by close(). */
  db?: Database;
}

export type Sequence = 'fixed' | 'learned';
export const SEQUENCES: readonly Sequence[] = ['fixed', 'learned'];

/** What happened, as the simulator saw it; report.ts adds what the database says. */
export interface SimRun {
  options: Required<Omit<SimOptions, 'db'>>;
  service: Service;
  twilio: SimTwilio;
  patients: SimPatient[];
  practice: { id: string; phoneNumber: string };
  coordinatorPhone: string;
  /** The simulated care coordinator (simulate/coordinator.ts): what she did is in her log. */
  coordinator: SimCoordinator;
  /** The week-2 questionnaire as the patients' phones used it (simulate/forms.ts): each form, and every request. */
  forms: SimForms;
  /** Every text patients sent, with its MessageSid and corpus label (if any). */
  written: Array<PlannedText & { sid: string }>;
  /** Questions the service started (texts to patients), and how many the patients answered. */
  questions: number;
  answered: number;
  /** Each question the service started by text: whose, how far into the run (0..1), when, and whether they answered (engagement drift, routine). */
  asked: Array<{ patient: number; progress: number; at: Date; answered: boolean }>;
  /** Wall seconds per phase (not part of the report: it must not vary run to run). */
  timings: { startup: number; enrol: number; month: number; report: number; jobs: number; steps: number };
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;
const ADMIN_TOKEN = 'sim-admin-token-0123456789';
const PRACTICE_NUMBER = '+15550100000';
/** Phone streams (who picks up, what they press): past the patients' (0 .. n-1) and the coordinator's desk (1,000,000). */
const PATIENT_PHONE_STREAM = 2_000_000;
const COORDINATOR_PHONE_STREAM = 1_000_001;
const DAY = 24 * 60 * 60_000;
/**
 * The article's sequence: a wellness check-in by text in weeks 1 and 3, the questionnaire (a form by
 * link) in week 2, the summary by email in week 4; Tuesdays at 10:00, as the service's default
 * cadence has them. (The simulated patients have no email address, so the summary reaches nobody.)
 */
export const ARTICLE_CADENCE = {
  time: '10:00',
  slots: [
    { week: 1, weekday: 'tuesday', flow: 'wellness' },
    { week: 2, weekday: 'tuesday', flow: 'questionnaire' },
    { week: 3, weekday: 'tuesday', flow: 'wellness' },
    { week: 4, weekday: 'tuesday', flow: 'summary' },
  ],
};

export async function runPanel({ db: given, ...rest }: SimOptions): Promise<SimRun> {
  const options = { startDate: '2026-12-01', profile: DEFAULT_PROFILE, sequence: 'learned' as Sequence, ...rest };
  const start = DateTime.fromISO(options.startDate, { zone: options.practiceTz });
  if (!start.isValid) throw new Error(`--practice-tz ${options.practiceTz} / start ${options.startDate}: ${start.invalidExplanation}`);
  const end = new Date(start.toMillis() + options.days * DAY);

  const t0 = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'ccm-sim-'));
  const logger = createLogger('silent');
  // In memory: the month is thrown away after its report, and no file system sits under every query.
  const db = given ?? (await openDatabase({ dataDir: 'memory://', logger, inProcess: true }));
  const clock = new ManualClock(start.toJSDate());
  const twilio = new SimTwilio(clock, options.seed, options.practiceTz, () => PRACTICE_NUMBER);
  const config = loadConfig({ NODE_ENV: 'development', ADMIN_TOKEN, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', DATA_DIR: dataDir });
  const service = await createService(config, { db, logger, clock, transport: twilio.transport, calls: twilio.callTransport });
  await service.app.ready();
  twilio.attach(service.app);
  const close = async () => {
    await service.stop();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  };

  const timings = { startup: (performance.now() - t0) / 1000, enrol: 0, month: 0, report: 0, jobs: 0, steps: 0 };
  try {
    const t1 = performance.now();
    const api = async (url: string, body: unknown) => {
      const response = await service.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: body as object });
      if (response.statusCode >= 300) throw new Error(`POST ${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      return response.json();
    };
    const practice = await api('/api/v1/practices', {
      name: 'Simulated Family Medicine',
      timezone: options.practiceTz,
      phoneNumber: PRACTICE_NUMBER,
      contactPhone: '+15550100001',
      outreach: { cadence: ARTICLE_CADENCE, channelChoice: options.sequence },
    });
    const coordinatorPhone = '+15550100002';
    await api(`/api/v1/practices/${practice.id}/coordinators`, { name: 'Sim Nurse', phone: coordinatorPhone, role: 'nurse', onCallOrder: 1 });

    const patients = createPatients(options.seed, options.patients, options.days, options.profile, options.practiceTz);
    for (const p of patients) if (p.wrongNumber) twilio.cannotText(p.phone, p.wrongNumber);
    const progressAt = (at: Date) => Math.min(1, (at.getTime() - start.toMillis()) / (options.days * DAY));
    const forms = new SimForms(clock, options.seed, options.practiceTz, progressAt);
    forms.attach(service.app);
    for (const p of patients) twilio.phones.answers(p.phone, patientCallee(p, streamFor(options.seed, PATIENT_PHONE_STREAM + p.index), progressAt));
    for (const p of patients) {
      const created = await api(`/api/v1/practices/${practice.id}/patients`, {
        firstName: `Pat${p.index}`, lastName: 'Simulated', phone: p.phone, dateOfBirth: '1950-01-01', language: p.language, preferredChannel: p.channel,
        conditions: ['hypertension', 'type 2 diabetes', ...(p.heartFailure ? ['heart failure'] : [])],
        consent: { status: 'granted', method: 'verbal', recordedAt: start.toUTC().toISO(), recordedBy: 'Sim Nurse, RN' },
      });
      p.id = created.id;
      if (p.medicationTime) await api(`/api/v1/patients/${p.id}/medications`, { name: 'lisinopril', dose: '10 mg', times: [p.medicationTime] });
    }
    // What service.start() does besides listening: the nightly planning and the digests.
    await scheduleRecurring(service.runtime);
    // What each labelled text the patients wrote means, as its author judged it: the coordinator reads their words so.
    const judged = new Map<string, boolean>();
    const coordinator = await createCoordinator({ service, twilio, practiceId: practice.id, coordinatorPhone, seed: options.seed, practiceTz: options.practiceTz, patientIds: patients.map((p) => p.id!), reads: (words) => judged.get(words) ?? null });
    twilio.phones.answers(coordinatorPhone, coordinatorCallee(streamFor(options.seed, COORDINATOR_PHONE_STREAM), (at) => coordinator.canAnswer(at)));

    timings.enrol = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    const byPhone = new Map(patients.map((p) => [p.phone, p]));
    const queue: PlannedText[] = [];
    let seq = 0;
    // Sorted at the top of the loop only when a text was planned since: a sorted queue stays sorted as texts are
    // taken from its front, and sorting it again at every step was work in proportion to the panel at every step.
    let unsorted = false;
    const plan = (p: SimPatient, at: Date, body: string, label: PlannedText['label']) => {
      queue.push({ at, patient: p, body, label, seq: seq++ });
      unsorted = true;
    };

    // Texts patients write first, and opt-outs, planned up front (in index order: deterministic).
    for (const p of patients) {
      for (let day = 0; day < options.days; day += 1) {
        const local = start.plus({ days: day });
        if (p.optOutDay === day) plan(p, local.set({ hour: 12 }).toJSDate(), 'STOP', null);
        // Not from a number that cannot take texts: the service would not know it as theirs.
        const first = p.wrongNumber ? null : unprompted(p, day / options.days);
        if (first) plan(p, local.set({ hour: first.hour, minute: Math.floor(p.random() * 60) }).toJSDate(), first.body, first.label);
      }
    }

    const written: SimRun['written'] = [];
    let questions = 0;
    let answered = 0;
    const asked: SimRun['asked'] = [];
    let stuck = 0;
    // Every use of the database takes the pool's one connection: while there has been none since the last
    // step, no job can have been queued, and the step need not ask again what the last one found.
    let dbUses = 0;
    db.pool.on('acquire', () => (dbUses += 1));
    let lastStep: { nextDueAt: Date | null; dbUses: number } | undefined;
    // The job table's hourly upkeep, as the running service schedules it (jobs.prune).
    let maintainedAt = clock.now().getTime();
    const react = (p: SimPatient, body: string, started: boolean, now: Date) => {
      if (p.optedOutAt) return;
      const answer = reply(p, body, started, progressAt(now), now);
      if (started && answer !== null) answered += 1;
      if (started && /Reply|Responda|\?/.test(body)) asked.push({ patient: p.index, progress: progressAt(now), at: now, answered: answer !== null });
      if (answer) plan(p, new Date(now.getTime() + answer.delayMs), answer.body, answer.label);
    };

    for (;;) {
      if (unsorted) queue.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
      unsorted = false;
      const nextText = queue[0]?.at;
      const now = clock.now();
      const nextTwilioEvent = twilio.events.nextAt();
      const nextVisit = forms.nextAt();
      // The next instant something other than a job happens; advanceToNextJob stops sooner at a job due first.
      let target = Math.min(
        nextText?.getTime() ?? Infinity,
        nextTwilioEvent?.getTime() ?? Infinity,
        nextVisit?.getTime() ?? Infinity,
        coordinator.nextAt(now).getTime(),
        end.getTime(),
      );
      // Something due that does nothing should not exist here; move on rather than spin.
      if (target <= now.getTime() && ++stuck > 50) target = now.getTime() + 1000;
      const known = lastStep?.dbUses === dbUses ? lastStep : undefined;
      const { ran, nextDueAt } = await advanceToNextJob(service.jobs, clock, new Date(Math.max(target, now.getTime())), known);
      lastStep = { nextDueAt, dbUses };
      if (ran > 0) stuck = 0;
      timings.jobs += ran;
      timings.steps += 1;
      // Twilio's requests due now: a phone picked up, a key pressed, a call ended, a text's delivery reported.
      await twilio.events.runDue();
      // Patients on the questionnaire's form: a screen read, answered, the next one.
      await forms.runDue();

      for (const text of twilio.takeUnread()) {
        const p = byPhone.get(text.to);
        if (!p) continue; // the coordinator
        // The questionnaire's link (or its reminder): opened on the phone, or not; not a question to text back to.
        if (forms.handed(p, text)) continue;
        if (/Reply|Responda|\?/.test(text.body)) questions += 1;
        react(p, text.body, true, text.at);
      }
      while (queue.length > 0 && queue[0]!.at.getTime() <= clock.now().getTime()) {
        const text = queue.shift()!;
        stuck = 0;
        if (text.patient.optedOutAt) continue;
        const sid = `SM${(options.seed >>> 0).toString(16).padStart(8, '0')}${String(written.length).padStart(24, '0')}`;
        written.push({ ...text, sid });
        if (text.label) judged.set(text.body, text.label.concerning);
        const replies = await postText(service, text.patient.phone, practice.phoneNumber, text.body, sid);
        twilio.acceptReplies(text.patient.phone, practice.phoneNumber, replies);
        if (text.body === 'STOP') text.patient.optedOutAt = clock.now();
        for (const r of replies) react(text.patient, r.body, false, clock.now());
      }
      if (coordinator.nextAt(clock.now()) <= clock.now() && clock.now() < end) await coordinator.act(clock.now());
      if (clock.now().getTime() - maintainedAt >= HOUR_MS) {
        await service.jobs.maintain();
        maintainedAt = clock.now().getTime();
      }
      if (clock.now().getTime() >= end.getTime() && (queue.length === 0 || queue[0]!.at > end)) break;
    }
    timings.month = (performance.now() - t2) / 1000;
    return { options, service, twilio, patients, practice, coordinatorPhone, coordinator, forms, written, questions, answered, asked, timings, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The patient texts the practice through the real webhook (unsigned: the service runs without Twilio credentials);
 * returns the TwiML replies, each with the <Message action> URL Twilio reports its delivery to.
 */
async function postText(service: Service, from: string, to: string, body: string, sid: string): Promise<Array<{ body: string; action: string | null }>> {
  const response = await service.app.inject({
    method: 'POST',
    url: '/webhooks/twilio/sms',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, AccountSid: `AC${'0'.repeat(32)}`, From: from, To: to, Body: body, NumMedia: '0', NumSegments: '1', ApiVersion: '2010-04-01' }).toString(),
  });
  if (response.statusCode !== 200) throw new Error(`SMS webhook answered ${response.statusCode}`);
  return [...response.body.matchAll(/<Message([^>]*)>([\s\S]*?)<\/Message>/g)].map((m) => {
    const action = /\baction="([^"]*)"/.exec(m[1]!)?.[1];
    return { body: decodeXml(m[2]!), action: action ? decodeXml(action) : null };
  });
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
