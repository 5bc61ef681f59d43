/**
 * The SMTP transport on its own, against real servers on loopback: a server
 * that does not offer STARTTLS gets nothing, a refused connection is retried,
 * and each kind of refusal is sorted by what to do next.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { classifySmtpError, createSmtpTransport, type OutboundEmail } from '../../src/transport/index.js';

const EMAIL: OutboundEmail = {
  to: 'maria@example.org',
  from: { name: 'Riverside Family Medicine', address: 'care@riverside.example' },
  subject: 'Your monthly summary from Riverside Family Medicine',
  text: 'Hello',
  html: '<p>Hello</p>',
  headers: {},
};

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe('the SMTP transport', () => {
  it('sends nothing to a server that does not offer STARTTLS', async () => {
    let messages = 0;
    const server = new SMTPServer({ secure: false, authOptional: true, logger: false, disabledCommands: ['STARTTLS'], onData: (stream, _s, done) => (messages++, stream.resume(), stream.on('end', () => done())) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.server.address() as AddressInfo;
    // The certificate would be accepted: what stops the send is that TLS is not offered at all.
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}?tls.rejectUnauthorized=false` });
    const result = await transport.send(EMAIL);
    transport.close();
    // Its refusal of STARTTLS is permanent and no fault of the address: the email fails, the patient is not flagged.
    expect(result).toMatchObject({ outcome: 'rejected', reason: 'ETLS' });
    expect(messages).toBe(0);
  });

  it('retries when the connection is refused', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}` });
    expect(await transport.send(EMAIL)).toMatchObject({ outcome: 'retry', code: null });
    transport.close();
  });
});

describe('SMTP refusals, sorted', () => {
  const smtp = (responseCode: number, command: string) => Object.assign(new Error('refused'), { code: 'EENVELOPE', responseCode, command, response: `${responseCode} refused` });
  it.each([
    [smtp(550, 'RCPT TO'), 'bounced'],
    [smtp(554, 'DATA'), 'bounced'],
    [smtp(550, 'MAIL FROM'), 'rejected'],
    [Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', response: '535 bad' }), 'rejected'],
    [smtp(451, 'RCPT TO'), 'retry'],
    [smtp(421, 'EHLO'), 'retry'],
    [smtp(503, 'RCPT TO'), 'retry'],
    [Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }), 'retry'],
    [Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' }), 'retry'],
    [Object.assign(new Error('Invalid recipient'), { code: 'EENVELOPE', command: 'API' }), 'bounced'],
  ])('%s -> %s', (error, outcome) => {
    expect(classifySmtpError(error).outcome).toBe(outcome);
  });
});
