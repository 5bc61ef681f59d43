/** SMTP_URL and MAIL_FROM: what the service accepts, and what stops it at start. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const PRODUCTION = { NODE_ENV: 'production', TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret' };
const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe('email configuration', () => {
  it('unset: simulated email', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
  });

  it('takes smtp:// and smtps:// with nodemailer URL options, and MAIL_FROM with or without a name', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://user:pw@mail.example.com:587?tls.rejectUnauthorized=false', MAIL_FROM: 'Maple Family Medicine <care@maple.example>' });
    expect(config.smtpUrl).toBe('smtp://user:pw@mail.example.com:587?tls.rejectUnauthorized=false');
    expect(config.mailFrom).toEqual({ name: 'Maple Family Medicine', address: 'care@maple.example' });
    expect(loadConfig({ SMTP_URL: 'smtps://mail.example.com', MAIL_FROM: 'care@maple.example' }).mailFrom).toEqual({ name: null, address: 'care@maple.example' });
  });

  it('refuses a URL that turns TLS off, another scheme, or a MAIL_FROM that is not one address; never echoing the password', () => {
    const noTls = problem({ SMTP_URL: 'smtp://user:hunter22@mail.example.com:587?ignoreTLS=true' });
    expect(noTls).toContain('SMTP_URL');
    expect(noTls).toContain('ignoreTLS');
    expect(noTls).not.toContain('hunter22');
    expect(problem({ SMTP_URL: 'smtp://mail.example.com?requireTLS=false' })).toContain('requireTLS');
    expect(problem({ SMTP_URL: 'http://mail.example.com' })).toContain('SMTP_URL');
    expect(problem({ MAIL_FROM: 'care at maple' })).toContain('MAIL_FROM');
    expect(problem({ MAIL_FROM: 'a@maple.example, b@maple.example' })).toContain('MAIL_FROM');
  });

  it('in production, SMTP_URL without MAIL_FROM stops the service; email may stay simulated', () => {
    expect(problem({ ...PRODUCTION, SMTP_URL: 'smtp://mail.example.com:587' })).toContain('MAIL_FROM');
    expect(problem({ ...PRODUCTION, SMTP_URL: 'smtp://mail.example.com:587', MAIL_FROM: 'care@maple.example' })).toBeNull();
    expect(problem(PRODUCTION)).toBeNull();
  });
});
