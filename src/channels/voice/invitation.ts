/**
 * The voice channel's side of an invitation call (src/enrolment decides what
 * it says and what a key does): each request answered once, the campaign's
 * words as <Say>, the keys 1, 2 and 9 as a one-digit <Gather>.
 */
import { invitationCallAnswered, invitationCallUrls, invitationKeyPressed, type InvitationCallTurn } from '../../enrolment/index.js';
import type { RuntimeDeps } from '../../runtime.js';
import { INVALID } from './call.js';
import { answerVoiceOnce, type VoiceRequest } from './once.js';
import type { VoiceTurn } from './turn.js';

/** Long enough for an older person to find the key after the options. */
const KEY_TIMEOUT_SECONDS = 8;

function asTurn(deps: RuntimeDeps, messageId: string, t: InvitationCallTurn | null): VoiceTurn {
  if (!t) return INVALID;
  const language = t.language === 'es' ? 'es-MX' : 'en-US';
  if (t.gatherTurn === null) return { language, say: t.say, next: { kind: 'hangup' } };
  return { language, say: t.say, next: { kind: 'gather', action: invitationCallUrls(deps, messageId).gather(t.gatherTurn), numDigits: 1, timeoutSeconds: KEY_TIMEOUT_SECONDS } };
}

export const invitationCallAnswer = (deps: RuntimeDeps, request: VoiceRequest, messageId: string, answeredBy: string | null) =>
  answerVoiceOnce(deps, request, async (tx) => asTurn(deps, messageId, await invitationCallAnswered(tx, deps, messageId, answeredBy)));

export const invitationCallKey = (deps: RuntimeDeps, request: VoiceRequest, messageId: string, digits: string, turn: number) =>
  answerVoiceOnce(deps, request, async (tx) => asTurn(deps, messageId, await invitationKeyPressed(tx, deps, messageId, digits, turn)));
