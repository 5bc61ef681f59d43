/**
 * The week-2 questionnaire from the patients' side. A patient handed a text
 * with the form's link (the invite, or its reminder two days on) opens it
 * with the profile's chance (the article's 34%, scaled by their engagement as
 * their text answers are), hours later and in their waking hours, on their
 * phone: the service's real routes through `app.inject` (form-visitor.ts),
 * the cookie the link gives, one screen after another, each answered from
 * their state (form-answers.ts) after the seconds it takes to read it. Some
 * leave part-way, and some of those come back later by the same link. A
 * self-harm answer leads to the crisis page; they read it and go on with the
 * form, as its button offers. Every visit is an event at its instant: the
 * simulation loop (panel.ts) moves the clock to the next one as it does to
 * the next job. Each patient's draws come from a form stream of their own,
 * so the form moves nothing else they do.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../src/clock.js';
import type { Service } from '../src/service.js';
import { SELF_HARM_LINK_ID } from '../src/flows/questionnaire/index.js';
import { EventQueue } from './events.js';
import { FormAnswers } from './form-answers.js';
import { FormVisitor, formOf, REMINDER, tokenIn, type FormRequest, type Page } from './form-visitor.js';
import { chanceAt, type SimPatient } from './patients.js';
import { exponential, streamFor, type Random } from './random.js';

/** Past the other streams (patients.ts, panel.ts): one a patient, for everything they do on the form. */
const FORM_STREAM = 7_000_000;
const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

/**
 * Assumptions: awake 07:00-22:00 local (a link whose moment falls at night is opened the next
 * morning, 07:00-10:00); 10-45 s to read and answer a screen, 1-3 min when writing words; 30-90 s
 * on the crisis page; coming back 2-24 h after leaving.
 */
const AWAKE_FROM = 7;
const AWAKE_UNTIL = 22;
const SCREEN_SECONDS: readonly [number, number] = [10, 45];
const WRITING_SECONDS: readonly [number, number] = [60, 180];
const CRISIS_SECONDS: readonly [number, number] = [30, 90];
const COME_BACK_HOURS: readonly [number, number] = [2, 24];
/** Assumption: those who leave part-way do so after 1 to this many screens (every form has at least 6). */
const LEAVE_AFTER_AT_MOST = 4;

export interface SimForm {
  patient: SimPatient;
  /** The texts with the link the patient was handed: the invite, and the reminder if one came. */
  texts: Array<{ token: string; kind: 'invite' | 'reminder'; at: Date }>;
  /** They chose to open it (on the invite or the reminder). */
  willOpen: boolean;
  /** When each visit began (the link exchanged for a cookie). */
  visits: Date[];
  answers: FormAnswers;
  /** What the service took (the screen's post answered 303), by field name: the answers as they stand. */
  taken: Record<string, string>;
  /** Left part-way (the first visit ended before the last screen). */
  leftAt: Date | null;
  cameBackAt: Date | null;
  /** The last screen was taken, and the page said thank you. */
  completedAt: Date | null;
  /** PHQ item 9 answered above "not at all": when, where the post led, and whether the crisis page showed 988. */
  selfHarm: { at: Date; location: string | null; crisisPage: boolean } | null;
  /** Screens posted and not taken (422), or another answer the model did not expect: each a finding. */
  refused: string[];
  /** A visit that found the link closed (expired, already received): what the page said. */
  closed: string[];
}

const between = (random: Random, [low, high]: readonly [number, number]) => low + random() * (high - low);

export class SimForms {
  readonly forms: SimForm[] = [];
  /** Every request the phones made to the form, with its status. */
  readonly requests: FormRequest[] = [];
  private readonly events: EventQueue;
  private readonly current = new Map<number, SimForm>();
  private readonly streams = new Map<number, Random>();
  private app: Service['app'] | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly seed: number,
    private readonly zone: string,
    private readonly progressAt: (at: Date) => number,
  ) {
    this.events = new EventQueue(clock);
  }

  attach(app: Service['app']): void {
    this.app = app;
  }

  nextAt(): Date | undefined {
    return this.events.nextAt();
  }

  /** Runs every visit step due now. */
  runDue(): Promise<void> {
    return this.events.runDue();
  }

  /** A text delivered to `p` at `at`: true when it carries the form's link (it is theirs to open or not), false otherwise. */
  handed(p: SimPatient, text: { at: Date; body: string }): boolean {
    const token = tokenIn(text.body);
    if (!token) return false;
    const kind = REMINDER.test(text.body) ? 'reminder' : 'invite';
    let form = this.current.get(p.index);
    if (!form || kind === 'invite') {
      form = { patient: p, texts: [], willOpen: false, visits: [], answers: new FormAnswers(p, this.random(p)), taken: {}, leftAt: null, cameBackAt: null, completedAt: null, selfHarm: null, refused: [], closed: [] };
      this.forms.push(form);
      this.current.set(p.index, form);
    }
    form.texts.push({ token, kind, at: text.at });
    if (form.willOpen || p.optedOutAt) return true;
    const random = this.random(p);
    const q = p.profile.questionnaire;
    // Engagement as for a text at the hour the link came (routine.ts: a day worker seldom opens one at work, some never read texts).
    const chance = Math.min(1, (q.respond * chanceAt(p, this.progressAt(text.at), text.at, 'text')) / p.profile.answerRate.mean);
    if (random() >= chance) return true;
    form.willOpen = true;
    const at = this.awake(text.at.getTime() + exponential(random, q.openMeanHours * HOUR), random);
    this.events.at(at, () => this.visit(form, token, false));
    return true;
  }

  private random(p: SimPatient): Random {
    let r = this.streams.get(p.index);
    if (!r) this.streams.set(p.index, (r = streamFor(this.seed, FORM_STREAM + p.index)));
    return r;
  }

  /** `at`, or the next morning when it falls while they sleep. */
  private awake(at: number, random: Random): number {
    const local = DateTime.fromMillis(at, { zone: this.zone });
    if (local.hour >= AWAKE_FROM && local.hour < AWAKE_UNTIL) return Math.round(at);
    const morning = (local.hour < AWAKE_FROM ? local : local.plus({ days: 1 })).set({ hour: AWAKE_FROM, minute: 0, second: 0, millisecond: 0 });
    return morning.toMillis() + Math.round(random() * 3 * HOUR);
  }

  private later(ms: number, run: () => Promise<void>): void {
    this.events.at(this.clock.now().getTime() + Math.round(ms), run);
  }

  /** The link opened on their phone: a visit, screen after screen; on the first, they may leave part-way. */
  private async visit(form: SimForm, token: string, returning: boolean): Promise<void> {
    const p = form.patient;
    if (p.optedOutAt) return;
    const random = this.random(p);
    const phone = new FormVisitor(this.app!, this.clock, `198.18.${(p.index >> 8) & 255}.${p.index & 255}`, this.requests);
    const opened = await phone.open(token);
    if (opened.status !== 303 || opened.location !== '/q') return void form.closed.push(closedBy(opened));
    form.visits.push(this.clock.now());
    if (returning) form.cameBackAt = this.clock.now();
    const leaveAfter = !returning && random() < p.profile.questionnaire.leaves ? 1 + Math.floor(random() * LEAVE_AFTER_AT_MOST) : Infinity;
    await this.show(form, phone, token, { posted: 0, leaveAfter });
  }

  /** The next screen, read and answered after the seconds it takes. */
  private async show(form: SimForm, phone: FormVisitor, token: string, v: { posted: number; leaveAfter: number }): Promise<void> {
    const page = await phone.request('GET', '/q');
    const fields = formOf(page.html);
    const screen = fields.hidden.screen;
    if (page.status !== 200 || !screen) return void form.closed.push(closedBy(page));
    const progress = this.progressAt(this.clock.now());
    const answers = Object.fromEntries(fields.names.map((name) => [name, form.answers.answer(name, fields.options[name], progress)]));
    const writing = fields.names.some((name) => !(name in fields.options) && !/^reading\./.test(name) && answers[name] !== '');
    const random = this.random(form.patient);
    this.later(between(random, writing ? WRITING_SECONDS : SCREEN_SECONDS) * SECOND, () => this.answer(form, phone, token, v, page, answers, screen));
  }

  private async answer(form: SimForm, phone: FormVisitor, token: string, v: { posted: number; leaveAfter: number }, page: Page, answers: Record<string, string>, screen: string): Promise<void> {
    const sent = await phone.post(page, answers);
    const random = this.random(form.patient);
    if (sent.status !== 303) {
      // A screen not taken (422), or the link closed under them (a page, 200).
      if (sent.status === 422) form.refused.push(`${screen}: 422`);
      else if (sent.status === 200) form.closed.push(closedBy(sent));
      else form.refused.push(`${screen}: ${sent.status}`);
      return;
    }
    for (const [name, value] of Object.entries(answers)) {
      if (value === '') delete form.taken[name];
      else form.taken[name] = value;
    }
    const selfHarm = (answers[SELF_HARM_LINK_ID] ?? 'not_at_all') !== 'not_at_all' && form.selfHarm === null;
    if (selfHarm) form.selfHarm = { at: this.clock.now(), location: sent.location ?? null, crisisPage: false };
    if (sent.location === '/q/crisis') {
      const crisis = await phone.request('GET', '/q/crisis');
      if (form.selfHarm) form.selfHarm.crisisPage = crisis.status === 200 && /href="tel:988"/.test(crisis.html);
      // They read it, and go on with the form ("Continue the questionnaire": a post to its action, then /q).
      this.later(between(random, CRISIS_SECONDS) * SECOND, async () => {
        const back = await phone.post(crisis, {});
        if (back.status === 303 && back.location === '/q') await this.show(form, phone, token, { ...v, posted: v.posted + 1 });
        else form.refused.push(`after the crisis page: ${back.status} ${back.location ?? ''}`.trim());
      });
      return;
    }
    if (sent.location === '/q/thanks') {
      const thanks = await phone.request('GET', '/q/thanks');
      if (thanks.status === 200) form.completedAt = this.clock.now();
      else form.refused.push(`the thank-you page: ${thanks.status}`);
      return;
    }
    if (sent.location !== '/q') return void form.refused.push(`${screen}: 303 to ${sent.location ?? 'nowhere'}`);
    const posted = v.posted + 1;
    if (posted < v.leaveAfter) return this.show(form, phone, token, { ...v, posted });
    // The phone is put away part-way; some come back later by the same link.
    form.leftAt = this.clock.now();
    if (random() < form.patient.profile.questionnaire.comesBack) {
      const at = this.awake(this.clock.now().getTime() + between(random, COME_BACK_HOURS) * HOUR, random);
      this.events.at(at, () => this.visit(form, token, true));
    }
  }
}

/** What a page that is not the form said (the link closed): its heading, or its status. */
function closedBy(page: Page): string {
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page.html)?.[1]?.replace(/<[^>]+>/g, '').trim();
  return heading ? `${page.status} ${heading}` : `${page.status}`;
}
