import nock from 'nock';
import twilio from 'twilio';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyTwilioError } from '../../src/transport/index.js';

const ACCOUNT_SID = `AC${'b'.repeat(32)}`;
const MESSAGES = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const text = { to: '+15553000001', from: '+15553000002', body: 'hello' };

/** What a send through twilio-node throws when Twilio's API (faked) answers as `reply` sets up; `timeout` is the client's, in ms. */
async function sendError(reply: (scope: nock.Interceptor) => nock.Scope, timeout = 10_000): Promise<unknown> {
  reply(nock('https://api.twilio.com').post(MESSAGES));
  const client = twilio(ACCOUNT_SID, 'token', { keepAlive: false, timeout, autoRetry: false });
  return client.messages.create(text).then(
    () => expect.fail('the send should have failed'),
    (error: unknown) => error,
  );
}

afterAll(() => nock.cleanAll());

describe('sorting Twilio errors: may Twilio have taken the request?', () => {
  it.each([
    ['a 500', (i: nock.Interceptor) => i.reply(500, { code: 20500, message: 'Internal Server Error', status: 500 }), 20500, 'Twilio answered 500'],
    ['a 503', (i: nock.Interceptor) => i.reply(503, { message: 'Service Unavailable', status: 503 }), null, 'Twilio answered 503'],
    [
      'a connection reset before the answer',
      (i: nock.Interceptor) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      null,
      'network error ECONNRESET',
    ],
  ])('yes after %s: retried, and Twilio asked first', async (_case, reply, code, message) => {
    const error = classifyTwilioError(await sendError(reply));
    expect(error).toMatchObject({ failure: 'retry', code, message, mayHaveReachedTwilio: true });
  });

  it('yes when the answer does not come before the client gives up', async () => {
    const error = classifyTwilioError(await sendError((i) => i.delay(1_000).reply(201, { sid: 'SM1', status: 'queued' }), 50));
    expect(error).toMatchObject({ failure: 'retry', mayHaveReachedTwilio: true, message: 'network error ECONNABORTED' });
  });

  it.each([
    ['a 429', 429, 20429, 'retry'],
    ['21610 (opted out)', 400, 21610, 'opted_out'],
    ['21211 (invalid number)', 400, 21211, 'invalid_number'],
    ['another 400', 400, 21602, 'rejected'],
  ])('no after %s: Twilio says it did not take it', async (_case, status, code, failure) => {
    const error = classifyTwilioError(await sendError((i) => i.reply(status, { code, message: 'no', status })));
    expect(error).toMatchObject({ failure, code, mayHaveReachedTwilio: false });
  });

  it('no when nothing could be connected to', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
      expect(classifyTwilioError(Object.assign(new Error(code), { code }))).toMatchObject({ failure: 'retry', mayHaveReachedTwilio: false });
    }
  });
});
