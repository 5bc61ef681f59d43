import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import twilio from 'twilio';
import type { App } from '../../src/app.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL } from './service.js';

/** A recorded Twilio webhook body from test/fixtures/twilio, as parameters. */
export function fixture(name: string): Record<string, string> {
  const text = readFileSync(new URL(`../fixtures/twilio/${name}.form`, import.meta.url), 'utf8').trim();
  return Object.fromEntries(new URLSearchParams(text));
}

export const newMessageSid = () => `SM${randomBytes(16).toString('hex')}`;

/** The Messaging webhook body for a text from `from` to `to`, shaped like the recorded one. */
export function inboundSmsParams(from: string, to: string, body: string, messageSid = newMessageSid()) {
  return { ...fixture('inbound-sms'), From: from, To: to, Body: body, MessageSid: messageSid, SmsSid: messageSid, SmsMessageSid: messageSid };
}

export interface PostOptions {
  /** false: no X-Twilio-Signature header; a string: that header. */
  signature?: boolean | string;
}

/** POSTs a form to a Twilio webhook path, signed as Twilio signs it (PUBLIC_URL + path). */
export function postTwilio(app: App, path: string, params: Record<string, string>, options: PostOptions = {}) {
  const signature =
    typeof options.signature === 'string'
      ? options.signature
      : options.signature === false
        ? undefined
        : twilio.getExpectedTwilioSignature(AUTH_TOKEN, PUBLIC_URL + path, params);
  return app.inject({
    method: 'POST',
    url: path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === undefined ? {} : { 'x-twilio-signature': signature }),
    },
    payload: new URLSearchParams(params).toString(),
  });
}

/** Texts from the patient to the practice; returns the bodies of the <Message> replies. */
export async function text(app: App, from: string, to: string, body: string, messageSid?: string) {
  const response = await postTwilio(app, '/webhooks/twilio/sms', inboundSmsParams(from, to, body, messageSid));
  if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}: ${response.body}`);
  return { twiml: response.body, replies: messageBodies(response.body) };
}

/** The texts inside a TwiML response. */
export function messageBodies(twiml: string): string[] {
  return [...twiml.matchAll(/<Message[^>]*>([\s\S]*?)<\/Message>/g)].map((m) => decodeXml(m[1]!));
}

const decodeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export interface SentSms {
  To: string;
  From: string;
  Body: string;
  StatusCallback: string;
}

/** A call the service asked Twilio to place (Calls API parameters). */
export interface PlacedCall {
  sid: string;
  /** When Twilio got the request (the test's clock). */
  at: Date;
  To: string;
  From: string;
  Url: string;
  StatusCallback: string;
  MachineDetection?: string;
  Timeout?: string;
  /** The call's status in Twilio's call list (default completed): a test sets it to say the call goes on. */
  status?: string;
}

/** A message as Twilio keeps it: sent through the API, or created from a webhook's TwiML reply. */
export interface TwilioMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  dateCreated: Date;
}

const rfc2822 = (date: Date) => date.toUTCString().replace('GMT', '+0000');
const asResource = (m: TwilioMessage) => ({
  sid: m.sid,
  account_sid: ACCOUNT_SID,
  to: m.to,
  from: m.from,
  body: m.body,
  status: m.status,
  date_created: rfc2822(m.dateCreated),
  date_sent: null,
});

export interface FakeTwilioOptions {
  /** Twilio's clock: the test's, so the messages it keeps carry the times the service expects. */
  now?: () => Date;
}

/**
 * Fakes Twilio's Messages API (the only thing the tests fake): creating a
 * message, and listing them. `sent` collects what the service sent through
 * the API; `messages` everything Twilio has, TwiML replies included (a test
 * records those with `acceptTwiml`), newest last.
 */
export function fakeTwilioMessages(options: FakeTwilioOptions = {}) {
  const now = options.now ?? (() => new Date());
  const sent: SentSms[] = [];
  const messages: TwilioMessage[] = [];
  const scope = nock('https://api.twilio.com').persist();
  // What the next creates answer: a status and body, or `lost`: Twilio takes the text and the connection breaks before the answer.
  const planned: Array<{ status: number; body: Record<string, unknown> } | { lost: string }> = [];
  let messagePosts = 0;
  let messageLookups = 0;
  const path = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
  // Async: an error it throws reaches the client as a broken connection (nock destroys the request with it).
  scope.post(path).reply(async function (_uri, requestBody) {
    messagePosts += 1;
    const params = Object.fromEntries(new URLSearchParams(String(requestBody))) as unknown as SentSms;
    const next = planned.shift() ?? { status: 201, body: {} };
    if ('status' in next && next.status >= 300) return [next.status, next.body];
    sent.push(params);
    const message = { sid: newMessageSid(), to: params.To, from: params.From, body: params.Body, status: 'queued', dateCreated: now() };
    messages.push(message);
    if ('lost' in next) throw Object.assign(new Error('socket hang up'), { code: next.lost });
    return [next.status, { ...asResource(message), ...next.body }];
  });
  const calls: PlacedCall[] = [];
  // What the next call creates answer, as for texts: a status and body, or `lost` (Twilio places the call, the answer never arrives).
  const plannedCalls: Array<{ status: number; body: Record<string, unknown>; placedAnyway?: boolean } | { lost: string }> = [];
  let callPosts = 0;
  scope.post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`).reply(async function (_uri, requestBody) {
    callPosts += 1;
    const params = Object.fromEntries(new URLSearchParams(String(requestBody))) as unknown as Omit<PlacedCall, 'sid' | 'at'>;
    const next = plannedCalls.shift() ?? { status: 201, body: {} };
    if ('status' in next && next.status >= 300 && !next.placedAnyway) return [next.status, next.body];
    const sid = `CA${randomBytes(16).toString('hex')}`;
    calls.push({ ...params, sid, at: now() });
    if ('status' in next && next.status >= 300) return [next.status, next.body];
    if ('lost' in next) throw Object.assign(new Error('socket hang up'), { code: next.lost });
    return [201, { sid, status: 'queued', to: params.To, from: params.From, ...next.body }];
  });
  // A call in progress sent to new TwiML (a machine answered a check-in call).
  const redirected: Array<{ sid: string; url: string }> = [];
  scope.post(/\/2010-04-01\/Accounts\/AC[a]+\/Calls\/CA[0-9a-f]+\.json/).reply(function (uri, requestBody) {
    const sid = /Calls\/(CA[0-9a-f]+)\.json/.exec(uri)![1]!;
    redirected.push({ sid, url: new URLSearchParams(String(requestBody)).get('Url') ?? '' });
    return [200, { sid, status: 'in-progress' }];
  });
  // Listing calls: `callLookups` counts the requests; a planned failure answers instead.
  let callLookups = 0;
  const plannedLookups: Array<{ status: number; body: Record<string, unknown> }> = [];
  scope.get(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`).query(true).reply(function (uri) {
    callLookups += 1;
    const failure = plannedLookups.shift();
    if (failure) return [failure.status, failure.body];
    const query = new URL(uri, 'https://api.twilio.com').searchParams;
    const matches = calls.filter((c) => c.To === query.get('To') && c.From === query.get('From')).reverse();
    const resources = matches.map((c) => ({
      sid: c.sid,
      to: c.To,
      from: c.From,
      status: c.status ?? 'completed',
      direction: 'outbound-api',
      parent_call_sid: null,
      date_created: rfc2822(c.at),
    }));
    return [200, { calls: resources, next_page_uri: null, page: 0, page_size: 50 }];
  });
  scope.get(path).query(true).reply(function (uri) {
    messageLookups += 1;
    const query = new URL(uri, 'https://api.twilio.com').searchParams;
    const matches = messages.filter((m) => (!query.get('To') || m.to === query.get('To')) && (!query.get('From') || m.from === query.get('From')));
    const pageSize = Number(query.get('PageSize') ?? 50);
    const page = [...matches].reverse().slice(0, pageSize).map(asResource);
    return [200, { messages: page, next_page_uri: null, page: 0, page_size: pageSize, uri: uri }];
  });
  return {
    sent,
    messages,
    /** Calls the service asked Twilio to place, oldest first. */
    calls,
    /** Calls in progress the service sent to new TwiML. */
    redirected,
    /** Twilio received a webhook answer: each <Message> in it becomes a message Twilio sends. */
    acceptTwiml(to: string, from: string, bodies: string[]) {
      for (const body of bodies) messages.push({ sid: newMessageSid(), to, from, body, status: 'sent', dateCreated: now() });
    },
    /** How many times the service asked Twilio to create a message (answered or not). */
    get messagePosts() {
      return messagePosts;
    },
    /** How many times the service listed messages (to settle an uncertain send). */
    get messageLookups() {
      return messageLookups;
    },
    /** How many times the service asked Twilio to create a call (answered or not). */
    get callPosts() {
      return callPosts;
    },
    /**
     * The next call create answers with this HTTP status (e.g. 500, or 400 with code 21211); it places
     * nothing, unless `placedAnyway` (a 5xx after Twilio had created the call).
     */
    failNextCall(status: number, body: Record<string, unknown> = {}, placedAnyway = false) {
      plannedCalls.push({ status, body: { code: body.code, message: body.message ?? 'error', status, ...body }, placedAnyway });
    },
    /** Twilio places the next call, then the connection breaks (`code`, e.g. ECONNRESET) before its answer reaches the service. */
    loseNextCallAnswer(code = 'ECONNRESET') {
      plannedCalls.push({ lost: code });
    },
    /** How many times the service listed calls. */
    get callLookups() {
      return callLookups;
    },
    /** The next `times` call lists answer with this HTTP status (e.g. 500). */
    failCallLookups(times: number, status = 500) {
      for (let i = 0; i < times; i += 1) plannedLookups.push({ status, body: { code: null, message: 'error', status } });
    },
    /** The next create answers with this HTTP status and body (e.g. 503, or 400 with code 21610). */
    failNext(status: number, body: Record<string, unknown> = {}) {
      planned.push({ status, body: { code: body.code, message: body.message ?? 'error', status, ...body } });
    },
    /** Twilio takes the next text, then the connection breaks (`code`, e.g. ECONNRESET) before its answer reaches the service. */
    loseNextAnswer(code = 'ECONNRESET') {
      planned.push({ lost: code });
    },
    done() {
      nock.cleanAll();
    },
  };
}
