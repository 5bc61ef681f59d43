/**
 * Loaded with `--import` into a service process that a test starts (see
 * test/faults/crash.test.ts): fakes Twilio's Messages and Calls APIs with
 * nock, as the in-process tests do, but keeps what Twilio "has" (texts and
 * calls) in a file, so it outlives the process being killed and the next
 * process sees it.
 * - FAKE_TWILIO_LOG: the file, one JSON message per line, appended the moment
 *   Twilio accepts a message (before it answers).
 * - FAKE_TWILIO_DELAY_MS: how long Twilio takes to answer a create (a text or
 *   a call), so a test can kill the process while sends and calls are under way.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import nock from 'nock';

interface Kept {
  kind: 'message' | 'call';
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string;
  dateCreated: string;
}

const file = process.env.FAKE_TWILIO_LOG;
if (!file) throw new Error('FAKE_TWILIO_LOG must name the file the fake Twilio keeps its messages in');
const delayMs = Number(process.env.FAKE_TWILIO_DELAY_MS ?? 0);

const kept = (): Kept[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Kept)
    : [];
const resource = (m: Kept) => ({
  sid: m.sid,
  to: m.to,
  from: m.from,
  body: m.body,
  status: 'queued',
  date_created: new Date(m.dateCreated).toUTCString().replace('GMT', '+0000'),
});

const scope = nock('https://api.twilio.com').persist();
scope.post(/\/2010-04-01\/Accounts\/\w+\/Messages\.json$/).reply((_uri, requestBody, callback) => {
  const params = new URLSearchParams(String(requestBody));
  const message: Kept = {
    kind: 'message',
    sid: `SM${randomBytes(16).toString('hex')}`,
    to: params.get('To') ?? '',
    from: params.get('From') ?? '',
    body: params.get('Body') ?? '',
    statusCallback: params.get('StatusCallback') ?? '',
    dateCreated: new Date().toISOString(),
  };
  appendFileSync(file, `${JSON.stringify(message)}\n`);
  setTimeout(() => callback(null, [201, resource(message)]), delayMs);
});
scope.post(/\/2010-04-01\/Accounts\/\w+\/Calls\.json$/).reply((_uri, requestBody, callback) => {
  const params = new URLSearchParams(String(requestBody));
  const call: Kept = {
    kind: 'call',
    sid: `CA${randomBytes(16).toString('hex')}`,
    to: params.get('To') ?? '',
    from: params.get('From') ?? '',
    body: '',
    statusCallback: params.get('StatusCallback') ?? '',
    dateCreated: new Date().toISOString(),
  };
  appendFileSync(file, `${JSON.stringify(call)}\n`);
  setTimeout(() => callback(null, [201, { sid: call.sid, status: 'queued', to: call.to, from: call.from }]), delayMs);
});
scope
  .get(/\/2010-04-01\/Accounts\/\w+\/Calls\.json/)
  .query(true)
  .reply((uri) => {
    const query = new URL(uri, 'https://api.twilio.com').searchParams;
    const matches = kept().filter((m) => m.kind === 'call' && m.to === query.get('To') && m.from === query.get('From'));
    const calls = matches.reverse().map((c) => ({ ...resource(c), status: 'completed', direction: 'outbound-api', parent_call_sid: null }));
    return [200, { calls, next_page_uri: null, page: 0, page_size: 50 }];
  });
scope
  .get(/\/2010-04-01\/Accounts\/\w+\/Messages\.json/)
  .query(true)
  .reply((uri) => {
    const query = new URL(uri, 'https://api.twilio.com').searchParams;
    const matches = kept().filter((m) => m.kind === 'message' && m.to === query.get('To') && m.from === query.get('From'));
    return [200, { messages: matches.reverse().map(resource), next_page_uri: null, page: 0, page_size: 50 }];
  });
