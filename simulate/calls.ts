/**
 * Twilio's side of the service's calls: each call the service places rings
 * the simulated person it is for, who picks up (or a machine does, or
 * nobody, or the line is busy); Twilio then fetches the call's TwiML from the
 * service's real voice webhooks, acts on it (says it, gathers keys or speech,
 * dials, records), posts what the callee pressed or said, follows redirects,
 * and reports how the call ended to its status callback. Every request is an
 * `app.inject` at the service clock's time, unsigned (the simulation has no
 * Twilio credentials, so the service accepts unsigned webhooks). Nothing
 * sleeps: each next request is an event at its instant, and the simulation
 * loop moves the clock to it (simulate/panel.ts).
 */
import type { Service } from '../src/service.js';
import { DateTime } from 'luxon';
import type { Clock } from '../src/clock.js';
import type { OutboundCall, PlacedCall } from '../src/transport/index.js';
import { between, CALL_MODEL, sayingSeconds, type PickUp } from './call-model.js';
import type { Callee, OnTheLine, Response } from './callee.js';
import { readTwiml, type Twiml } from './twiml-read.js';
import { postForm, voiceParams } from './twilio-form.js';
import type { EventQueue } from './events.js';

export type CallKind = 'check_in' | 'escalation' | 'callback' | 'dial';

/** One call as it went, for the report: no ids. */
export interface CallRecord {
  at: Date;
  to: string;
  kind: CallKind;
  outcome: PickUp;
  sid: string;
  /** Keys and words the callee gave the service's <Gather>s. */
  responses: number;
}

interface Leg {
  record: CallRecord;
  callee: Callee | null;
  line: OnTheLine;
  statusCallback: string | null;
  /** The answer URL's parameters say whether a machine answered (synchronous detection). */
  syncDetection: boolean;
  asyncAmd: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  /** Bumped by a redirect: the TwiML being acted on is dropped. */
  generation: number;
  ended: boolean;
  from: string;
  direction: 'outbound-api' | 'inbound';
}

const SECOND = 1000;

export class SimCalls {
  readonly records: CallRecord[] = [];
  /** What patients said on calls in their own words, with the corpus label (for "reached a person"). */
  readonly spoken: Array<{ at: Date; phone: string; text: string; label: import('./corpus.js').LabelledText }> = [];
  private readonly callees = new Map<string, Callee>();
  private readonly legs = new Map<string, Leg>();
  /** Phones on a call until then: a second ring goes unanswered. */
  private readonly busyUntil = new Map<string, number>();
  private sids = 0;
  private app: Service['app'] | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly seed: number,
    private readonly zone: string,
    private readonly practiceNumber: () => string,
    private readonly events: EventQueue,
    /** Webhook requests the service did not answer with 2xx (shared with the texts' callbacks): each is a finding. */
    private readonly failures: string[],
  ) {}

  attach(app: Service['app']): void {
    this.app = app;
  }

  answers(phone: string, callee: Callee): void {
    this.callees.set(phone, callee);
  }

  /** The transport's placeCall: Twilio takes the call (a CallSid), and the phone starts ringing. */
  async place(call: OutboundCall): Promise<PlacedCall> {
    await call.onTurn?.();
    const kind: CallKind = call.statusCallback.includes('/voice/escalation') ? 'escalation' : 'check_in';
    const leg = this.newLeg(call.to, call.from, kind, 'outbound-api', call.statusCallback);
    leg.syncDetection = Boolean(call.machineDetection) && !call.asyncAmdStatusCallback;
    leg.asyncAmd = call.asyncAmdStatusCallback ?? null;
    this.ring(leg, call.url, call.ringSeconds);
    return { sid: leg.record.sid, status: 'queued' };
  }

  /** The transport's redirectCall: the call leaves the TwiML it is in and fetches `url`. */
  async redirect(callSid: string, url: string): Promise<void> {
    const leg = this.legs.get(callSid);
    if (!leg || leg.ended) return;
    const generation = ++leg.generation;
    this.after(SECOND, async () => {
      if (leg.generation === generation && !leg.ended) await this.follow(leg, await this.post(url, this.params(leg)));
    });
  }

  private newLeg(to: string, from: string, kind: CallKind, direction: Leg['direction'], statusCallback: string | null): Leg {
    const sid = `CA${(this.seed >>> 0).toString(16).padStart(8, '0')}${(this.sids++).toString(16).padStart(24, '0')}`;
    const record: CallRecord = { at: this.clock.now(), to, kind, outcome: 'no_answer', sid, responses: 0 };
    this.records.push(record);
    const leg: Leg = { record, callee: this.callees.get(to) ?? null, line: { opening: true, said: null }, statusCallback, syncDetection: false, asyncAmd: null, answeredAt: null, answeredBy: null, generation: 0, ended: false, from, direction };
    this.legs.set(sid, leg);
    return leg;
  }

  /** The phone rings: picked up (by a person or a machine), rung out, or busy. */
  private ring(leg: Leg, url: string, ringSeconds: number): void {
    const callee = leg.callee;
    const lineBusy = (this.busyUntil.get(leg.record.to) ?? 0) > this.clock.now().getTime();
    const pick = !callee ? 'no_answer' : lineBusy ? 'busy' : callee.pickUp(this.clock.now());
    if (pick === 'busy') return this.after(between(callee!.random, CALL_MODEL.busySeconds) * SECOND, () => this.end(leg, 'busy'));
    if (pick === 'no_answer' || pick === 'callback') {
      if (pick === 'callback') this.planCallback(leg.record.to, callee!);
      return this.after(ringSeconds * SECOND, () => this.end(leg, 'no-answer'));
    }
    this.after(between(callee!.random, callee!.pickUpSeconds) * SECOND, () => this.answer(leg, url, pick));
  }

  private async answer(leg: Leg, url: string, by: 'human' | 'machine'): Promise<void> {
    leg.answeredAt = this.clock.now();
    leg.record.outcome = by;
    this.busyUntil.set(leg.record.to, Infinity);
    const random = leg.callee!.random;
    if (leg.syncDetection) leg.answeredBy = by === 'human' ? 'human' : 'machine_start';
    else if (leg.asyncAmd) leg.answeredBy = by === 'human' ? 'human' : random() < CALL_MODEL.machineEndBeepShare ? 'machine_end_beep' : 'machine_end_silence';
    const params = { ...this.params(leg), ...(leg.syncDetection ? { AnsweredBy: leg.answeredBy! } : {}) };
    const twiml = await this.post(url, params);
    if (leg.statusCallback) await this.post(leg.statusCallback, { ...this.params(leg), CallStatus: 'in-progress', CallbackSource: 'call-progress-events' });
    if (leg.asyncAmd) {
      // A person's "hello?" is told apart in a few seconds; a machine's verdict comes at the beep.
      const verdictSeconds = by === 'human' ? between(random, [2, 4]) : between(random, CALL_MODEL.greetingSeconds);
      const amd = leg.asyncAmd;
      this.after(verdictSeconds * SECOND, async () => {
        if (!leg.ended) await this.post(amd, { ...this.params(leg), AnsweredBy: leg.answeredBy! });
      });
    }
    await this.follow(leg, twiml);
  }

  /** Acts on the TwiML: says it, then gathers, dials, records, or hangs up. */
  private async follow(leg: Leg, xml: string): Promise<void> {
    const twiml = readTwiml(xml);
    const speaking = sayingSeconds(twiml.say) * SECOND;
    const generation = leg.generation;
    const later = (ms: number, run: () => Promise<void>) => this.after(ms, async () => {
      if (leg.generation === generation && !leg.ended) await run();
    });
    const next = twiml.next;
    if (next.kind === 'end') return later(speaking, () => this.end(leg, 'completed'));
    if (next.kind === 'gather') {
      const response = leg.record.outcome === 'human' ? leg.callee!.respond(twiml, leg.line, this.clock.now()) : null;
      const wait = response ? between(leg.callee!.random, CALL_MODEL.thinkSeconds) : next.timeoutSeconds;
      return later(speaking + wait * SECOND, async () => this.follow(leg, await this.post(next.action, { ...this.params(leg), ...this.heard(leg, response) })));
    }
    if (next.kind === 'record') {
      // Nobody in the simulation leaves a message yet: the recording ends empty, as when a caller hangs up at the tone.
      return later(speaking + 5 * SECOND, async () => this.follow(leg, await this.post(next.action, { ...this.params(leg), RecordingDuration: '0' })));
    }
    return later(speaking, () => this.dial(leg, next));
  }

  /**
   * A <Dial>: the other party's phone rings; when it is picked up by a person, a whisper (if any)
   * is played to them first and their key decides whether the two are connected. The other leg
   * is answered in the same instant as the dial begins: only the bridged conversation takes time.
   */
  private async dial(leg: Leg, next: Extract<Twiml['next'], { kind: 'dial' }>): Promise<void> {
    const other = this.newLeg(next.number, leg.from, 'dial', 'outbound-api', null);
    const callee = other.callee;
    const lineBusy = (this.busyUntil.get(next.number) ?? 0) > this.clock.now().getTime();
    const pick = callee && !lineBusy ? callee.pickUp(this.clock.now()) : 'no_answer';
    let connected = pick === 'human';
    if (connected && next.whisper) connected = await this.whisper(other, next.whisper, leg.record.sid);
    other.record.outcome = pick === 'human' ? 'human' : 'no_answer';
    other.ended = true;
    const seconds = connected ? Math.round(between(callee!.random, CALL_MODEL.bridgeMinutes) * 60) : 0;
    if (connected) this.busyUntil.set(next.number, this.clock.now().getTime() + seconds * SECOND);
    this.after((connected ? seconds : next.timeoutSeconds) * SECOND, async () => {
      if (!next.action) return this.end(leg, 'completed');
      const result = { DialCallStatus: connected ? 'completed' : 'no-answer', DialCallSid: other.record.sid, ...(connected ? { DialCallDuration: String(seconds) } : {}) };
      await this.follow(leg, await this.post(next.action, { ...this.params(leg), ...result }));
    });
  }

  /** The whisper to the answering party, and their key: true when the service then connects them (its TwiML ends). */
  private async whisper(other: Leg, url: string, parentSid: string): Promise<boolean> {
    other.answeredAt = this.clock.now();
    const heard = readTwiml(await this.post(url, { ...this.params(other), ParentCallSid: parentSid }));
    if (heard.next.kind !== 'gather') return false;
    const key = other.callee!.respond(heard, other.line, this.clock.now());
    if (!key) return false;
    const after = readTwiml(await this.post(heard.next.action, { ...this.params(other), ParentCallSid: parentSid, ...this.heard(other, key) }));
    return after.next.kind === 'end' && !after.next.hangup;
  }

  /** The call is over: Twilio's status callback, with how long it lasted and who answered. */
  private async end(leg: Leg, status: 'completed' | 'busy' | 'no-answer'): Promise<void> {
    if (leg.ended) return;
    leg.ended = true;
    if (status !== 'completed') leg.record.outcome = status === 'busy' ? 'busy' : 'no_answer';
    if (leg.answeredAt) this.busyUntil.delete(leg.record.to);
    if (!leg.statusCallback) return;
    const duration = leg.answeredAt ? Math.round((this.clock.now().getTime() - leg.answeredAt.getTime()) / SECOND) : 0;
    await this.post(leg.statusCallback, { ...this.params(leg), CallStatus: status, CallDuration: String(duration), ...(leg.answeredBy ? { AnsweredBy: leg.answeredBy } : {}) });
  }

  /** A patient who let a check-in call ring out calls the practice back later (in waking hours). */
  private planCallback(phone: string, callee: Callee): void {
    const delay = -Math.log(1 - callee.random()) * CALL_MODEL.callbackMeanHours * 3_600_000;
    const at = this.clock.now().getTime() + Math.max(10 * 60_000, delay);
    this.at(at, async () => {
      const hour = DateTime.fromMillis(at, { zone: this.zone }).hour;
      if (hour < 8 || hour >= 20) return;
      const leg = this.newLeg(this.practiceNumber(), phone, 'callback', 'inbound', null);
      leg.callee = callee;
      leg.record.outcome = 'human';
      leg.answeredAt = this.clock.now();
      await this.follow(leg, await this.post('/webhooks/twilio/voice', this.params(leg)));
    });
  }

  private heard(leg: Leg, response: Response): Record<string, string> {
    if (!response) return {};
    leg.record.responses += 1;
    if ('digits' in response) return { Digits: response.digits, msg: 'Gather End' };
    if (response.label) this.spoken.push({ at: this.clock.now(), phone: leg.direction === 'inbound' ? leg.from : leg.record.to, text: response.speech, label: response.label });
    return { SpeechResult: response.speech, Confidence: response.confidence.toFixed(2) };
  }

  private params(leg: Leg): Record<string, string> {
    return voiceParams({ sid: leg.record.sid, from: leg.from, to: leg.record.to, direction: leg.direction, ended: leg.ended });
  }

  private post(url: string, params: Record<string, string>): Promise<string> {
    return postForm(this.app!, url, params, this.failures);
  }

  private after(ms: number, run: () => Promise<void> | void): void {
    this.events.after(ms, run);
  }

  private at(at: number, run: () => Promise<void>): void {
    this.events.at(at, run);
  }
}
