import { expect } from 'vitest';
import { startTestService, type TestService, type TestServiceOptions } from './service.js';
import { apiClient, createPatient, createPractice, type ApiClient } from './api.js';
import { fakeTwilioMessages, text } from './twilio.js';

/**
 * A running service on a manual clock, Twilio's API faked, one practice
 * with an on-call coordinator: the setting of most conversation tests.
 */
export async function startScenario(env: Record<string, string> = {}, options: TestServiceOptions = {}) {
  const t: TestService = await startTestService(env, options);
  const twilio = fakeTwilioMessages({ now: () => t.clock.now() });
  const admin: ApiClient = apiClient(t.service.app);
  const practice = await createPractice(admin, { name: 'Riverside Family Medicine', contactPhone: '(555) 123-4567' });
  const coordinator = (
    await admin.post(`/api/v1/practices/${practice.id}/coordinators`, { name: 'Nora Nurse', phone: '(555) 300-0001', role: 'nurse', onCallOrder: 1 })
  ).body as { id: string; phone: string };

  const scenario = {
    t,
    admin,
    practice,
    coordinator,
    twilio,
    clock: t.clock,
    runDue: () => t.runDue(),
    advance: (ms: number) => t.advance(ms),
    advanceTo: (instant: Date | string) => t.advanceTo(instant),
    newPatient: (overrides: Record<string, unknown> = {}) => createPatient(admin, practice.id, overrides),
    /** The patient texts the practice; resolves to the reply texts, which (fake) Twilio then sends. */
    async say(patient: { phone: string }, body: string) {
      const { replies } = await text(t.service.app, patient.phone, practice.phoneNumber, body);
      twilio.acceptTwiml(patient.phone, practice.phoneNumber, replies);
      return replies;
    },
    /** Starts a check-in and runs its send job; returns the first text as (fake) Twilio received it. */
    async checkIn(patient: { id: string; phone: string }, flow: string, extra: Record<string, unknown> = {}) {
      const response = await admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow, ...extra });
      expect(response.status).toBe(202);
      await t.runDue();
      const sent = twilio.sent.find((s) => s.To === patient.phone && s.StatusCallback.includes(response.body.messageId));
      if (!sent) throw new Error(`the check-in's first text did not go out at ${t.clock.now().toISOString()}`);
      return { conversationId: response.body.conversationId as string, messageId: response.body.messageId as string, text: sent.Body };
    },
    /** What (fake) Twilio was asked to send to `phone`, oldest first. */
    sentTo: (phone: string) => twilio.sent.filter((m) => m.To === phone),
    conversation: async (id: string) => (await admin.get(`/api/v1/conversations/${id}`)).body,
    observations: async (patientId: string) => (await admin.get(`/api/v1/patients/${patientId}/observations`)).body.data as Array<{ kind: string; value: any; observedAt: string }>,
    alerts: async (patientId: string) =>
      (await t.db.pool.query('SELECT level, reason, status FROM alerts WHERE patient_id = $1 ORDER BY created_at, seq', [patientId])).rows,
    async close() {
      twilio.done();
      await t.close();
    },
  };
  return scenario;
}
export type Scenario = Awaited<ReturnType<typeof startScenario>>;
