import { DomainError } from '../errors.js';
import { inQuietHours } from '../planning/index.js';
import type { Practice } from '../store/practices.js';

/**
 * A dose reminder is a text, so no dose time that gets one may fall in the
 * practice's quiet hours. A patient may well take a pill at 07:00: the time
 * can be kept without its reminder, and the refusal says how.
 */
export function checkDoseTimes(practice: Pick<Practice, 'quietHours'>, times: readonly string[] | undefined): void {
  const quiet = times?.filter((time) => inQuietHours(time, practice.quietHours)) ?? [];
  if (quiet.length > 0) {
    throw new DomainError(
      'validation_failed',
      `${quiet.join(', ')} ${quiet.length > 1 ? 'fall' : 'falls'} in the practice's quiet hours (${practice.quietHours.start}-${practice.quietHours.end}), when no reminder can be texted; ` +
        'choose a time outside them, or keep the time without reminder texts (reminders: false; in the app, untick "Reminder texts")',
      'times',
    );
  }
}
