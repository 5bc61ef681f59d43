import type { BotDeps } from './deps.js';
import { handleInboundSms, type InboundResult, type InboundSms } from './inbound.js';
import { handleStatusCallback, type StatusCallback, type StatusOutcome } from './status-callback.js';
import { startCheckIn, type CheckInRequest, type CheckInStarted } from './check-in.js';
import { deliverMessage, type DeliveryPolicy } from './delivery.js';
import { expireConversation } from './timeout.js';
import { escalateAlert } from './alerts.js';

/** The conversation runtime, as the webhooks, the API and the jobs see it. */
export interface Bot {
  handleInboundSms(sms: InboundSms): Promise<InboundResult>;
  handleStatusCallback(callback: StatusCallback): Promise<StatusOutcome>;
  startCheckIn(request: CheckInRequest): Promise<CheckInStarted>;
  deliverMessage(messageId: string, policy: DeliveryPolicy): Promise<void>;
  expireConversation(job: { conversationId: string; version: number }): Promise<boolean>;
  escalateAlert(alertId: string): Promise<void>;
}

export function createBot(deps: BotDeps): Bot {
  return {
    handleInboundSms: (sms) => handleInboundSms(deps, sms),
    handleStatusCallback: (callback) => handleStatusCallback(deps, callback),
    startCheckIn: (request) => startCheckIn(deps, request),
    deliverMessage: (messageId, policy) => deliverMessage(deps, messageId, policy),
    expireConversation: (job) => expireConversation(deps, job),
    escalateAlert: (alertId) => escalateAlert(deps, alertId),
  };
}

export type { BotDeps } from './deps.js';
export type { InboundSms, InboundResult } from './inbound.js';
export type { StatusCallback, StatusOutcome } from './status-callback.js';
export type { CheckInRequest, CheckInStarted } from './check-in.js';
export type { DeliveryPolicy, DeliveryTarget } from './delivery.js';
export { createTwilioTransport, simulatedTransport, type SmsTransport } from './transport.js';
