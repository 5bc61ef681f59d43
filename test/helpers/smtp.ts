/**
 * A real SMTP server on loopback for tests (smtp-server), with STARTTLS on
 * its built-in self-signed certificate: the service's client must upgrade
 * before it sends (SMTP_URL's `tls.rejectUnauthorized=false` lets it accept
 * that certificate). Every message is parsed (mailparser) before the server
 * answers 250, so when a send resolves, the message is in `received`. An
 * address can be refused at RCPT TO with any reply, a given number of times.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The connection was upgraded with STARTTLS before the message. */
  secure: boolean;
  raw: string;
  mail: ParsedMail;
}

export interface SmtpTestServer {
  /** SMTP_URL for the service under test. */
  url: string;
  received: ReceivedMail[];
  /** Messages received for `address`. */
  to(address: string): ReceivedMail[];
  /** RCPT TO `address` is answered `code message` the next `times` times (Infinity: always). */
  refuse(address: string, code: number, message: string, times?: number): void;
  /** How many RCPT TO commands were refused so far. */
  readonly refusals: number;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const refusing = new Map<string, { code: number; message: string; times: number }>();
  let refusals = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // The built-in certificate is what the test wants; its warning is not.
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusing.get(address.address.toLowerCase());
      if (refusal && refusal.times > 0) {
        refusal.times -= 1;
        refusals += 1;
        return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            received.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, secure: session.secure, raw, mail });
            callback(null, `Message queued as TEST${received.length}`);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?tls.rejectUnauthorized=false`,
    received,
    to: (address) => received.filter((r) => r.envelope.to.includes(address)),
    refuse(address, code, message, times = Infinity) {
      refusing.set(address.toLowerCase(), { code, message, times });
    },
    get refusals() {
      return refusals;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
