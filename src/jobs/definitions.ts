import type { Bot, DeliveryPolicy } from '../bot/index.js';
import type { JobRunner } from './runner.js';
import { quietHoursEnd } from './quiet-hours.js';

/**
 * Texts the service starts itself wait for the patient's quiet hours to end.
 * Alerts to coordinators never wait.
 */
export const quietHoursPolicy: DeliveryPolicy = ({ message, patient, practice }, now) =>
  message.audience === 'patient' ? quietHoursEnd(now, patient.timezone ?? practice.timezone, practice.quietHours) : null;

/** Binds every job the service runs to the runtime. */
export function defineJobs(runner: JobRunner, bot: Bot): void {
  runner.define('message.send', ({ messageId }) => bot.deliverMessage(messageId, quietHoursPolicy), { concurrency: 10 });
  runner.define('conversation.timeout', async (data) => {
    await bot.expireConversation(data);
  });
  runner.define('alert.escalate', ({ alertId }) => bot.escalateAlert(alertId), { concurrency: 10 });
}
