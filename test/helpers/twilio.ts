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

/**
 * Fakes Twilio's Messages API (the only thing the tests fake). Each call to
 * `reply` answers the next create request; `sent` collects what was sent.
 */
export function fakeTwilioMessages() {
  const sent: SentSms[] = [];
  const scope = nock('https://api.twilio.com').persist();
  const planned: Array<{ status: number; body: Record<string, unknown> }> = [];
  scope.post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`).reply(function (_uri, requestBody) {
    const params = Object.fromEntries(new URLSearchParams(String(requestBody))) as unknown as SentSms;
    const next = planned.shift() ?? { status: 201, body: {} };
    if (next.status < 300) sent.push(params);
    const sid = newMessageSid();
    return [next.status, { sid, status: 'queued', to: params.To, from: params.From, body: params.Body, ...next.body }];
  });
  return {
    sent,
    /** The next create answers with this HTTP status and body (e.g. 503, or 400 with code 21610). */
    failNext(status: number, body: Record<string, unknown> = {}) {
      planned.push({ status, body: { code: body.code, message: body.message ?? 'error', status, ...body } });
    },
    done() {
      nock.cleanAll();
    },
  };
}
