
export interface OutboundEmail {
  to: string;
  /** The From mailbox; nodemailer writes (and encodes) the name. */
  from: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe and its one-click partner). */
  headers: Record<string, string>;
}

/**
 * What became of a send, as far as what to do next is concerned:
 * - `accepted`: the server took it; `messageId` is the id the delivered copy
 *   carries (the server's own when it replaced ours), `response` its reply.
 * - `bounced`: a permanent refusal (5xx) of the recipient or of the message
 *   (RCPT TO, DATA), or an address that cannot be used at all: do not retry,
 *   the address needs checking.
 * - `retry`: a transient refusal (4xx), a refused or lost connection, a timeout.
 * - `rejected`: a permanent refusal that is not about the recipient (the
 *   sender refused, the login refused): do not retry, the patient's address
 *   is not to blame.
 * `response` is the server's reply: it may name the recipient, so it is
 * stored with the email and never logged. `reason` is nodemailer's error
 * code (ETLS, ECONNECTION, EENVELOPE...): safe to log, and what an operator
 * needs to tell a refused address from a server without STARTTLS.
 */
export type EmailSendResult =
  | { outcome: 'accepted'; messageId: string | null; response: string }
  | { outcome: 'bounced' | 'retry' | 'rejected'; code: number | null; reason: string | null; response: string };

/** The one way emails leave the service. */
export interface MailTransport {
  /** True when nothing really leaves the machine. */
  readonly simulated: boolean;
  send(email: OutboundEmail): Promise<EmailSendResult>;
  close(): void;
}

/** Records emails as `simulated`; used when SMTP_URL is not set. Nothing is ever really sent. */
export const simulatedMail: MailTransport = {
  simulated: true,
  async send() {
    return { outcome: 'accepted', messageId: null, response: 'simulated' };
  },
  close() {},
};

/**
 * How long one send may take, start to end (connecting, TLS, login, the
 * message): the email.send job's lock outlives it (jobs/definitions.ts), and a
 * send still marked as under way after EMAIL_SEND_TIMEOUT_MS (messaging) was cut short.
 */
export const SMTP_SEND_DEADLINE_MS = 60_000;

/** Steps of the SMTP conversation where a permanent refusal is about this recipient or this message. */
const RECIPIENT_COMMANDS = new Set(['RCPT TO', 'DATA']);

interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

/** Sorts an error from nodemailer by what to do next (see EmailSendResult). */
export function classifySmtpError(error: unknown): EmailSendResult {
  const e = (error ?? {}) as SmtpError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const response = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  const reason = typeof e.code === 'string' ? e.code : null;
  // 503 (bad sequence of commands) is the session's state, not a refusal: a new connection may pass.
  if (code !== null && code >= 500 && code !== 503) {
    return { outcome: typeof e.command === 'string' && RECIPIENT_COMMANDS.has(e.command) ? 'bounced' : 'rejected', code, reason, response };
  }
  if (code !== null) return { outcome: 'retry', code, reason, response };
  // Refused before any server said a word: an address nodemailer cannot put on the envelope.
  if (reason === 'EENVELOPE') return { outcome: 'bounced', code: null, reason, response };
  if (reason === 'ECONFIG' || reason === 'ENOAUTH') return { outcome: 'rejected', code: null, reason, response };
  // Connections refused or lost, timeouts, TLS failures (no STARTTLS offered), the deadline: try again later.
  return { outcome: 'retry', code: null, reason, response };
}

export interface SmtpTransportOptions {
  /** SMTP_URL: smtp:// (STARTTLS required) or smtps://, with nodemailer's URL options. */
  url: string;
}

/**
 * Sends through an SMTP server (nodemailer). On smtp:// STARTTLS is
 * required: a server that does not offer it gets nothing. Retries are ours
 * (jobs); nodemailer's own logging stays off, since it would write addresses.
 */
export function createSmtpTransport({ url }: SmtpTransportOptions): MailTransport {
  // Loaded on the first email, not at start (as transport/twilio-client.ts does for Twilio).
  const open = async () =>
    (await import('nodemailer')).default.createTransport({
      url,
      requireTLS: true,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
      dnsTimeout: 10_000,
      logger: false,
      debug: false,
    });
  let transporter: ReturnType<typeof open> | undefined;
  const smtp = () => (transporter ??= open());
  return {
    simulated: false,
    async send(email) {
      try {
        const info = await (await smtp()).sendMail({
          to: email.to,
          from: email.from,
          subject: email.subject,
          text: email.text,
          html: email.html,
          headers: email.headers,
          // Nothing is fetched or read from disk on a message's behalf.
          disableFileAccess: true,
          disableUrlAccess: true,
          signal: AbortSignal.timeout(SMTP_SEND_DEADLINE_MS),
        });
        return { outcome: 'accepted', messageId: info.serverMessageId ?? info.messageId ?? null, response: info.response };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close() {
      void transporter?.then((t) => t.close());
    },
  };
}
