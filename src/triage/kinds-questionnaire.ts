/** Rules over what the week-2 form (src/flows/questionnaire) records beyond what a text can. */
import { phq9Severity } from '../flows/questionnaire/index.js';
import { evidenceOf, finding, within, type Evaluator } from './rule-helpers.js';
import { onDay } from './words.js';

/**
 * The PHQ-9 is the fuller answer to the question the PHQ-2 asks: one given
 * with the PHQ-2 or after it decides, so a PHQ-2 of 3 followed by a PHQ-9 of
 * 6 is not a finding. A PHQ-2 stands alone when the patient left before
 * finishing the PHQ-9.
 */
export const depressionScreen: Evaluator<'depression_screen'> = (rule, facts) => {
  const screens = within(facts, rule.withinDays, 'depression_screen');
  const phq2 = screens.filter((o) => o.value.instrument === 'phq2').at(-1);
  const phq9 = screens.filter((o) => o.value.instrument === 'phq9').at(-1);
  const latest = phq9 && (!phq2 || phq9.observedAt.getTime() >= phq2.observedAt.getTime()) ? phq9 : phq2;
  if (!latest) return [];
  const score = Number(latest.value.score);
  const day = onDay(latest.observedAt, facts.timezone);
  if (latest === phq9) {
    if (score < rule.phq9AtLeast) return [];
    const severity = phq9Severity(score);
    return [finding(rule, `PHQ-9 score ${score} (${severity}) on ${day}`, { instrument: 'phq9', score, severity, limit: rule.phq9AtLeast }, [evidenceOf(latest)])];
  }
  if (score < rule.phq2AtLeast) return [];
  const explanation = `PHQ-2 score ${score} on ${day} (at or above ${rule.phq2AtLeast}), with no PHQ-9 after it`;
  return [finding(rule, explanation, { instrument: 'phq2', score, limit: rule.phq2AtLeast }, [evidenceOf(latest)])];
};
