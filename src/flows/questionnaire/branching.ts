/**
 * Which questions are asked, given the answers so far: the PHQ-9's last seven
 * after a PHQ-2 total of 3 or more, "why" after a medicine not taken, "were
 * you hurt" after a fall. An answer changed later can take a question away
 * again; its old answer then no longer counts (enabledAnswers).
 */
import { scores } from './phq.js';
import type { Answers, Condition, QuestionItem, QuestionnaireDefinition, Screen } from './types.js';

function findItem(definition: QuestionnaireDefinition, linkId: string): QuestionItem | undefined {
  for (const screen of definition.screens) {
    const item = screen.items.find((i) => i.linkId === linkId);
    if (item) return item;
  }
  return undefined;
}

/** The deepest chain of follow-ups we follow; a definition that loops back on itself asks nothing further. */
const MAX_DEPTH = 10;

function holds(definition: QuestionnaireDefinition, condition: Condition, answers: Answers, depth: number): boolean {
  if ('score' in condition) {
    const total = scores(answers)[condition.score];
    return total !== null && total >= condition.atLeast;
  }
  const answer = answers[condition.linkId];
  if (answer === undefined || !condition.anyOf.includes(answer)) return false;
  // An answer to a question no longer asked (the fall taken back) enables nothing.
  const asked = findItem(definition, condition.linkId);
  return asked !== undefined && enabledAt(definition, asked, answers, depth + 1);
}

function enabledAt(definition: QuestionnaireDefinition, item: QuestionItem, answers: Answers, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return (item.enableWhen ?? []).every((condition) => holds(definition, condition, answers, depth));
}

/** Whether the item is asked, given the answers: every one of its conditions holds. */
export function itemEnabled(definition: QuestionnaireDefinition, item: QuestionItem, answers: Answers): boolean {
  return enabledAt(definition, item, answers, 0);
}

/** The screens to ask, each with only its asked items; a screen with none is left out. */
export function screensToAsk(definition: QuestionnaireDefinition, answers: Answers): Screen[] {
  return definition.screens
    .map((screen) => ({ ...screen, items: screen.items.filter((item) => itemEnabled(definition, item, answers)) }))
    .filter((screen) => screen.items.length > 0);
}

/** The first screen to ask that the patient has not been through; null when the form is done. */
export function firstScreenToShow(definition: QuestionnaireDefinition, answers: Answers, seen: readonly string[]): Screen | null {
  return screensToAsk(definition, answers).find((screen) => !seen.includes(screen.id)) ?? null;
}

/** The answers that count: those to questions still asked (a "why" after the medicine was changed to "yes" does not). */
export function enabledAnswers(definition: QuestionnaireDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const screen of definition.screens) {
    for (const item of screen.items) {
      const answer = answers[item.linkId];
      if (answer !== undefined && itemEnabled(definition, item, answers)) kept[item.linkId] = answer;
    }
  }
  return kept;
}
