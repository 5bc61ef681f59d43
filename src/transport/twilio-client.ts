/**
 * Twilio's REST client, made on first use. The whole twilio package takes a
 * few hundred milliseconds to load, which `npm start` need not wait for: the
 * webhooks use only its signature check and TwiML builders, imported on
 * their own, and the first text or call sent pays the load once.
 */
import type twilio from 'twilio';

export type TwilioClient = ReturnType<typeof twilio>;

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /** Off in tests: nock cannot settle requests on kept-alive sockets. */
  keepAlive: boolean;
}

/** The client, loaded and made once, on the first call. Retries are ours (jobs), so the client's own are off; a request gives up after 10 s. */
export function lazyTwilioClient({ accountSid, authToken, keepAlive }: TwilioClientOptions): () => Promise<TwilioClient> {
  let client: Promise<TwilioClient> | undefined;
  return () =>
    (client ??= import('twilio').then(({ default: make }) => make(accountSid, authToken, { keepAlive, timeout: 10_000, autoRetry: false })));
}
