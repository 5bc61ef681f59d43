/**
 * The "ask a question, re-prompt, give up" pattern every flow state uses.
 *
 * A question state says its prompt on entry and waits. A usable REPLY takes the
 * first matching route (record the answer, emit outputs, go on). An unusable
 * one is re-prompted with an example, at most MAX_REPROMPTS times; the next one
 * ends the flow politely. TIMEOUT ends it silently. When a flow ends early,
 * `onAbandon` records what the patient had already told us, so a half-answered
 * check-in still reaches the care team.
 */
import type { PromptKey } from '../../../prompts/en.js';
import type { Expectation, FlowEvent, FlowOutcome, FlowOutput } from '../types.js';
import type { FlowAnswers } from './answers.js';
import { readMessage, saysSomething } from '../understand/index.js';
import { flowSetup, withFlowParams } from './flow-setup.js';
import type { FlowContext } from './flow-setup.js';

/** Re-prompts allowed per question; the reply after the last one ends the flow. */
export const MAX_REPROMPTS = 2;

/** A parsed reply: a value, or unusable with an optional specific re-prompt. */
export type Parsed<A> = { ok: true; value: A } | { ok: false; reprompt?: PromptKey };

export interface Question<A> {
  /** Said when the question is asked; also names the question in observations. */
  prompt: PromptKey;
  /** The answer it waits for (how a call gathers it). */
  expects: Expectation;
  /** Said after an unusable reply, unless `parse` names a more specific one. */
  reprompt: PromptKey;
  /** Reads a reply; `context` for a question whose answer depends on what the flow knows (the medicines a reminder is for). */
  parse(text: string, context: FlowContext): Parsed<A>;
  /** Outputs recording what is already known, when the flow ends on this question. */
  onAbandon?(answers: FlowAnswers, context: FlowContext): FlowOutput[];
  /** What silence means, when it means more than "no answer" (a dose reminder: a missed dose). */
  onTimeout?(answers: FlowAnswers, context: FlowContext): FlowOutput[];
}

export interface Route<A> {
  /** Taken when absent or true; routes are tried in order. */
  when?(value: A, context: FlowContext): boolean;
  /** A sibling state: the next question or an end state. */
  target: string;
  /** The target may be the question answered: it is asked anew (a reminder's "and the rest?" after a reply that named one). */
  reenter?: boolean;
  /** What to add to `answers`. */
  answer(value: A): FlowAnswers;
  /** Outputs to emit, given the answers including this one. */
  outputs?(answers: FlowAnswers, context: FlowContext, value: A): FlowOutput[];
}

/**
 * Reuses a later question's route from an earlier one, when the earlier reply
 * already answered the later question ("No, I ran out" to "Did you take it?").
 */
export function routeVia<A, B>(route: Route<B>, pick: (value: A) => B | undefined, answered: FlowAnswers): Route<A> {
  const { outputs } = route;
  return {
    when: (value, context) => {
      const picked = pick(value);
      return picked !== undefined && (route.when?.(picked, context) ?? true);
    },
    target: route.target,
    answer: (value) => {
      const picked = pick(value);
      return picked === undefined ? answered : { ...answered, ...route.answer(picked) };
    },
    ...(outputs
      ? {
          outputs: (answers: FlowAnswers, context: FlowContext, value: A) => {
            const picked = pick(value);
            return picked === undefined ? [] : outputs(answers, context, picked);
          },
        }
      : {}),
  };
}

/** The final states every flow ends in; their output is the flow's outcome. */
export const endStates = {
  done: flowSetup.createStateConfig({ type: 'final', output: 'completed' }),
  noUsableAnswer: flowSetup.createStateConfig({ type: 'final', output: 'no_usable_answer' }),
  timedOut: flowSetup.createStateConfig({ type: 'final', output: 'timed_out' }),
};

/** The machine's output: the outcome carried by the end state it reached. */
export function flowOutcome({ event }: { event: { output?: unknown } }): FlowOutcome {
  const outcome = event.output;
  if (outcome === 'completed' || outcome === 'no_usable_answer' || outcome === 'timed_out') return outcome;
  throw new Error('A flow ended in a state that is not one of endStates');
}

/** Builds a question state that leaves for `routes`, or for an end state. */
export function ask<A>(question: Question<A>, routes: readonly Route<A>[]) {
  const routeFor = (text: string, context: FlowContext) => {
    const parsed = question.parse(text, context);
    if (!parsed.ok) return undefined;
    const route = routes.find((r) => r.when?.(parsed.value, context) ?? true);
    return route ? { route, value: parsed.value } : undefined;
  };
  const abandon = (context: FlowContext): FlowOutput[] => question.onAbandon?.(context.answers, context) ?? [];
  const unanswered = (kind: 'no_usable_answer' | 'non_response'): FlowOutput => ({
    type: 'observe',
    observation: { kind, value: { question: question.prompt } },
  });

  /** No usable answer after the re-prompts (or the caller cannot answer): what was told is kept, and a person follows up. */
  const giveUp = {
    target: 'noUsableAnswer',
    actions: flowSetup.enqueueActions(({ context, enqueue }) => {
      for (const output of abandon(context)) enqueue.emit(withFlowParams(context, output));
      enqueue.emit(unanswered('no_usable_answer'));
      enqueue.emit(withFlowParams(context, { type: 'say', prompt: 'common.no_usable_answer' }));
    }),
  } as const;

  const answerTransitions = routes.map((route) => ({
    guard: ({ context, event }: { context: FlowContext; event: FlowEvent }) =>
      event.type === 'REPLY' && routeFor(event.text, context)?.route === route,
    target: route.target,
    ...(route.reenter ? { reenter: true } : {}),
    actions: flowSetup.enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'REPLY') return;
      const match = routeFor(event.text, context);
      if (!match) return;
      const answers = { ...context.answers, ...route.answer(match.value) };
      enqueue.assign({ answers });
      const outputs = route.outputs?.(answers, context, match.value) ?? [];
      for (const output of outputs) enqueue.emit(withFlowParams(context, output));
    }),
  }));

  return flowSetup.createStateConfig({
    entry: ['resetReprompts', { type: 'say', params: { prompt: question.prompt, expects: question.expects } }],
    on: {
      REPLY: [
        ...answerTransitions,
        {
          // Not an answer, but not gibberish either ("my feet are swollen" to "did you take it?"):
          // the runtime records what it says; the question is asked again, and not counted against them.
          guard: ({ event }) => event.type === 'REPLY' && saysSomething(readMessage(event.text)),
          actions: { type: 'say', params: { prompt: question.prompt, expects: question.expects } },
        },
        {
          guard: ({ context }) => context.reprompts < MAX_REPROMPTS,
          actions: flowSetup.enqueueActions(({ context, event, enqueue }) => {
            const parsed = event.type === 'REPLY' ? question.parse(event.text, context) : undefined;
            const prompt = (parsed && !parsed.ok && parsed.reprompt) || question.reprompt;
            enqueue.assign({ reprompts: context.reprompts + 1 });
            enqueue.emit(withFlowParams(context, { type: 'say', prompt, expects: question.expects }));
          }),
        },
        giveUp,
      ],
      GIVE_UP: giveUp,
      REPEAT: { actions: { type: 'say', params: { prompt: question.prompt, expects: question.expects } } },
      TIMEOUT: {
        target: 'timedOut',
        actions: flowSetup.enqueueActions(({ context, enqueue }) => {
          for (const output of abandon(context)) enqueue.emit(withFlowParams(context, output));
          for (const output of question.onTimeout?.(context.answers, context) ?? []) enqueue.emit(output);
          enqueue.emit(unanswered('non_response'));
        }),
      },
    },
  });
}
