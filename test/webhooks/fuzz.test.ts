import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { apiClient, createPatient, createPractice } from '../helpers/api.js';
import { inboundSmsParams, newMessageSid } from '../helpers/twilio.js';
import { seededRandom } from '../helpers/random.js';

const SAMPLES = [
  '', ' ', '1', '2', '3', '0', '-1', '99999999999999999999', '1e9', 'NaN', 'yes', 'no', 'sí', 'STOP', 'start', 'HELP',
  '145/92', '300/20', '0/0', '/', '//', '145 over', 'over 92', '7/10', 'chest', 'pain', 'chest pain', '🙂', '👍👍', '\u0000',
  '\uFFFF', '\uD800', '<Response/>', '</Message>', '&amp;', '"; DROP TABLE patients; --', '%', '%%', '+', '+1', '+15555550100',
  'null', 'undefined', '{}', '[]', 'ñandú', 'ÁÉÍÓÚ', 'a'.repeat(1700), '\n\n', '\t', 'SM', 'MM', 'x'.repeat(40),
  '2147483648', '-2147483649', '4294967296', '30003', '21610', '1e308', '0x10',
];
const STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'read', 'canceled', 'bogus', ''];
const KEYS = ['MessageSid', 'SmsSid', 'From', 'To', 'Body', 'MessageStatus', 'ErrorCode', 'AccountSid', 'NumMedia', 'Foo', ''];

let t: TestService;
let patientPhone: string;
let practicePhone: string;
let messageId: string;

beforeAll(async () => {
  // Simulated mode: unsigned requests reach validation and the runtime, which is what is being fuzzed.
  t = await startTestService({ TWILIO_ACCOUNT_SID: undefined, TWILIO_AUTH_TOKEN: undefined, LOG_LEVEL: 'error' });
  const admin = apiClient(t.service.app);
  const practice = await createPractice(admin);
  practicePhone = practice.phoneNumber;
  const patient = await createPatient(admin, practice.id);
  patientPhone = patient.phone;
  messageId = (await admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow: 'symptoms' })).body.messageId;
});
afterAll(() => t.close());

function randomBody(random: () => number): string {
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const kind = random();
  if (kind < 0.35) {
    // A well-formed text from the enrolled patient with an arbitrary body: exercises every parser and flow path.
    return new URLSearchParams(inboundSmsParams(patientPhone, practicePhone, pick(SAMPLES) + pick(SAMPLES))).toString();
  }
  if (kind < 0.4) {
    // A status callback about a message the service did send, with arbitrary values: reaches the store.
    const params = new URLSearchParams({ MessageSid: newMessageSid(), MessageStatus: pick(STATUSES) });
    if (random() < 0.8) params.set('ErrorCode', pick(SAMPLES));
    return params.toString();
  }
  if (kind < 0.45) {
    // Raw bytes.
    return Array.from({ length: Math.floor(random() * 200) }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
  }
  const params = new URLSearchParams();
  const count = Math.floor(random() * 8);
  for (let i = 0; i < count; i += 1) {
    const key = pick(KEYS);
    const value = key === 'MessageSid' && random() < 0.5 ? newMessageSid() : pick(SAMPLES);
    params.append(key, value);
  }
  return params.toString();
}

describe('fuzzing the Twilio webhooks', () => {
  it('answers thousands of random form bodies without a 5xx, and stays up', async () => {
    const random = seededRandom(20261126);
    const statuses = new Map<number, number>();
    const total = 2000;
    for (let batch = 0; batch < total / 20; batch += 1) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          t.service.app.inject({
            method: 'POST',
            url: random() < 0.7 ? '/webhooks/twilio/sms' : `/webhooks/twilio/status?messageId=${messageId}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: randomBody(random),
          }),
        ),
      );
      for (const response of responses) {
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode >= 500) throw new Error(`5xx: ${response.body}\n${t.logs.text.slice(-2000)}`);
      }
    }
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    // Both accepted texts and rejected bodies were produced, so both paths were exercised.
    expect(statuses.get(200)).toBeGreaterThan(200);
    expect(statuses.get(400)).toBeGreaterThan(200);
    expect((await t.service.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  }, 600_000);
});
