import type { Bot, DeliveryPolicy } from '../bot/index.js';
import type { JobRunner } from './runner.js';
import { quietHoursEnd } from './quiet-hours.js';

/**
 * Texts the service starts itself wait for the patient's quiet hours to end.
 * Alerts to coordinators never wait.
 */
export const quietHoursPolicy: DeliveryPolicy = ({ message, patient, practice }, now) =>
  message.audience === 'patient' && patient && !message.inReplyTo
    ? quietHoursEnd(now, patient.timezone ?? practice.timezone, practice.quietHours)
    : null;

/**
 * Binds every job the service runs to the runtime. Lock lifetimes are short,
 * so work a killed process held resumes within seconds: a send takes at most
 * 10 s (Twilio's timeout), the others a few database round trips.
 */
export function defineJobs(runner: JobRunner, bot: Bot): void {
  runner.define('message.send', ({ messageId }) => bot.deliverMessage(messageId, quietHoursPolicy), {
    concurrency: 10,
    lockLifetimeMs: 15_000,
  });
  runner.define('conversation.timeout', async (data) => {
    await bot.expireConversation(data);
  });
  runner.define('escalation.step', (step) => bot.runEscalationStep(step), { concurrency: 10, lockLifetimeMs: 15_000 });
  runner.define('alert.review_due', ({ alertId }) => bot.checkReviewDeadline(alertId));
  runner.define('digest.send', (job) => bot.sendDigest(job));
  // Planning a large panel takes a while: a long lock, so another instance does not plan it twice at once.
  runner.define('outreach.plan', (job) => bot.planOutreach(job), { lockLifetimeMs: 10 * 60_000 });
  runner.define('voice.call', (job) => bot.placeCheckInCall(job), { concurrency: 5, lockLifetimeMs: 15_000 });
  runner.define('outreach.dispatch', async (job) => {
    await bot.dispatchOutreach(job);
  }, { concurrency: 2, lockLifetimeMs: 60_000 });
}
