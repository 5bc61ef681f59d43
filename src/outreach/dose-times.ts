import { DomainError } from '../errors.js';
import { inQuietHours } from '../planning/index.js';
import type { Practice } from '../store/practices.js';

/** A dose reminder is a text, so no dose time may fall in the practice's quiet hours. */
export function checkDoseTimes(practice: Pick<Practice, 'quietHours'>, times: readonly string[] | undefined): void {
  const quiet = times?.filter((time) => inQuietHours(time, practice.quietHours)) ?? [];
  if (quiet.length > 0) {
    throw new DomainError(
      'validation_failed',
      `${quiet.join(', ')} falls in the practice's quiet hours (${practice.quietHours.start}-${practice.quietHours.end}), when no reminder can be texted; choose a time outside them`,
      'times',
    );
  }
}
