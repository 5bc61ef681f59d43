import { expireConversation } from '../conversation/index.js';
import { placeCheckInCall } from '../conversation/index.js';
import { dispatchDue, lapseQuestionnaire, remindQuestionnaire } from '../conversation/index.js';
import { runEscalationStep } from '../escalation/index.js';
import { checkReviewDeadline } from '../escalation/index.js';
import { scheduleAllDigests, sendDigest } from '../escalation/index.js';
import { deliverEmail, deliverMessage, type DeliveryPolicy } from '../messaging/index.js';
import { runPlanJob, scheduleAllPlans } from '../outreach/index.js';
import type { RuntimeDeps } from '../runtime.js';
import type { JobRunner } from './runner.js';
import { quietHoursEnd } from './quiet-hours.js';
import { emailSummary } from '../channels/email/send-summary.js';
import { createSmartAuth, deliverWriteBack } from '../ehr/index.js';
import { lapseConsent, remindConsent } from '../enrolment/consent.js';
import { placeInvitationCall, runInvitation } from '../enrolment/index.js';

/**
 * Texts the service starts itself wait for the patient's (or the invited
 * candidate's) quiet hours to end. Alerts to coordinators never wait.
 */
export const quietHoursPolicy: DeliveryPolicy = ({ message, patient, candidate, practice }, now) => {
  const person = patient ?? candidate;
  return message.audience === 'patient' && person && !message.inReplyTo
    ? quietHoursEnd(now, person.timezone ?? practice.timezone, practice.quietHours)
    : null;
};

/**
 * Binds every job the service runs to the runtime. Lock lifetimes are short,
 * so work a killed process held resumes within seconds: a send takes at most
 * 10 s (Twilio's timeout), the others a few database round trips.
 */
export function defineJobs(runner: JobRunner, runtime: RuntimeDeps): void {
  runner.define('message.send', ({ messageId }) => deliverMessage(runtime, messageId, quietHoursPolicy), {
    concurrency: 10,
    lockLifetimeMs: 15_000,
  });
  // An email's send is bounded by SMTP_SEND_DEADLINE_MS (60 s): the lock outlives it.
  runner.define('email.send', ({ emailId }) => deliverEmail(runtime, emailId), { concurrency: 5, lockLifetimeMs: 90_000 });
  runner.define('conversation.timeout', async (data) => {
    await expireConversation(runtime, data);
  });
  runner.define('escalation.step', (step) => runEscalationStep(runtime, step), { concurrency: 10, lockLifetimeMs: 15_000 });
  runner.define('alert.review_due', ({ alertId }) => checkReviewDeadline(runtime, alertId));
  runner.define('digest.send', (job) => sendDigest(runtime, job));
  // Planning a large panel takes a while: a long lock, so another instance does not plan it twice at once.
  runner.define('outreach.plan', (job) => runPlanJob(runtime.pool, runtime.clock.now(), job), { lockLifetimeMs: 10 * 60_000 });
  runner.define('voice.call', (job) => placeCheckInCall(runtime, job.callId), { concurrency: 5, lockLifetimeMs: 15_000 });
  runner.define('questionnaire.remind', ({ linkId }) => remindQuestionnaire(runtime, linkId));
  runner.define('questionnaire.lapse', ({ linkId }) => lapseQuestionnaire(runtime, linkId));
  runner.define('consent.remind', ({ linkId }) => remindConsent(runtime, linkId));
  runner.define('consent.lapse', ({ linkId }) => lapseConsent(runtime, linkId));
  runner.define('enrolment.invite', (job) => runInvitation(runtime, job), { concurrency: 5, lockLifetimeMs: 15_000 });
  // A call's placing waits at most 10 s for Twilio (transport/calls.ts), after the pacer's turn.
  runner.define('enrolment.call', ({ messageId }) => placeInvitationCall(runtime, messageId), { concurrency: 5, lockLifetimeMs: 30_000 });
  runner.define('summary.email', ({ summaryId }) => emailSummary(runtime, summaryId));
  // One token cache per process: a practice's access token serves every write-back until shortly before it expires.
  const ehr = { ...runtime, auth: createSmartAuth({ clock: runtime.clock }) };
  // A send waits at most 60 s for each of two tokens and two posts (ehr/http.ts): the lock outlives them.
  runner.define('ehr.writeback', ({ writeBackId }) => deliverWriteBack(ehr, writeBackId), { concurrency: 2, lockLifetimeMs: 5 * 60_000 });
  runner.define('outreach.dispatch', async (job) => {
    await dispatchDue(runtime, job.practiceId);
  }, { concurrency: 2, lockLifetimeMs: 60_000 });
}

/** At start: the digests and the nightly outreach planning of every practice. */
export async function scheduleRecurring(runtime: RuntimeDeps): Promise<void> {
  await scheduleAllDigests(runtime);
  await scheduleAllPlans(runtime.pool, runtime.clock.now());
}
