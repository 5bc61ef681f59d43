import { expect } from 'vitest';
import { startTestService, type TestService } from './service.js';
import { apiClient, createPatient, createPractice, type ApiClient } from './api.js';
import { fakeTwilioMessages, text, waitFor } from './twilio.js';

/**
 * A running service with its jobs started, Twilio's API faked, one practice
 * with an on-call coordinator: the setting of most conversation tests.
 */
export async function startScenario(env: Record<string, string> = {}) {
  const twilio = fakeTwilioMessages();
  const t: TestService = await startTestService(env);
  await t.service.jobs.start();
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
    newPatient: (overrides: Record<string, unknown> = {}) => createPatient(admin, practice.id, overrides),
    /** The patient texts the practice; resolves to the reply texts. */
    say: async (patient: { phone: string }, body: string) => (await text(t.service.app, patient.phone, practice.phoneNumber, body)).replies,
    /** Starts a check-in and waits until its first text has gone out through (fake) Twilio; returns that text. */
    async checkIn(patient: { id: string; phone: string }, flow: string, extra: Record<string, unknown> = {}) {
      const response = await admin.post(`/api/v1/patients/${patient.id}/check-ins`, { flow, ...extra });
      expect(response.status).toBe(202);
      const sent = await waitFor(() => twilio.sent.find((s) => s.To === patient.phone && s.StatusCallback.includes(response.body.messageId)));
      // ...and until the service has recorded Twilio's answer.
      await waitFor(async () => {
        const row = await t.db.pool.query('SELECT status FROM messages WHERE id = $1', [response.body.messageId]);
        return !['pending', 'submitting'].includes(row.rows[0].status);
      });
      return { conversationId: response.body.conversationId as string, messageId: response.body.messageId as string, text: sent.Body };
    },
    conversation: async (id: string) => (await admin.get(`/api/v1/conversations/${id}`)).body,
    observations: async (patientId: string) => (await admin.get(`/api/v1/patients/${patientId}/observations`)).body.data as Array<{ kind: string; value: any }>,
    alerts: async (patientId: string) =>
      (await t.db.pool.query('SELECT level, reason, status FROM alerts WHERE patient_id = $1 ORDER BY created_at', [patientId])).rows,
    async close() {
      twilio.done();
      await t.close();
    },
  };
  return scenario;
}
export type Scenario = Awaited<ReturnType<typeof startScenario>>;
