import { describe, expect, it } from 'vitest';
import { coordinatorPrompts, coordinatorSms, coordinatorVoice, type CoordinatorSmsKey, type CoordinatorVoiceKey } from '../../prompts/coordinator.js';
import { smsSegments } from '../../prompts/index.js';

/** Long but real values: the worst case for the segment budget. */
const VARS = {
  practiceName: 'Riverside Family Medicine Associates',
  patientName: 'Maximiliana Villanueva-Rodriguez',
  patientShortName: 'Maximiliana V.',
  patientPhone: '(555) 123-4567',
  reason: 'a very high blood pressure reading',
  alertId: 'c0a80121',
  waiting: '48 hours',
  urgent: 12,
  elevated: 148,
  overdue: 17,
  toCall: 23,
  invitations: 5,
  unmatched: 4,
  senderPhone: '(555) 987-6543',
  link: 'https://ccm.riverside-family-medicine.example/app/unknown-senders/c0a80121-6b1e-4c6e-9a55-2f0c8f0b6d11',
  handledBy: 'Nora Nurse',
};

const keys = Object.keys(coordinatorPrompts) as Array<keyof typeof coordinatorPrompts>;
const smsKeys = keys.filter((k) => 'sms' in coordinatorPrompts[k]) as CoordinatorSmsKey[];
const voiceKeys = keys.filter((k) => 'voice' in coordinatorPrompts[k]) as CoordinatorVoiceKey[];

describe('what coordinators are told', () => {
  it.each(smsKeys)('%s fits in 2 GSM-7 segments with long values', (key) => {
    const text = coordinatorSms(key, VARS);
    expect(text).not.toMatch(/[{}]/);
    expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7' });
    expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
  });

  it.each(voiceKeys)('%s is short enough to hold in mind (at most 35 words)', (key) => {
    expect(coordinatorVoice(key, VARS).split(/\s+/).length).toBeLessThanOrEqual(35);
  });

  it('the digest names nobody and says nothing of health', () => {
    const template = coordinatorPrompts['coordinator.digest'].sms;
    expect(template).not.toMatch(/\{patient/);
    expect(coordinatorSms('coordinator.digest', VARS)).toBe(
      'Good morning from ccm-bot for Riverside Family Medicine Associates: 12 urgent alerts open, 148 reviews waiting (17 overdue), 23 patients to call today, 4 texts from unknown numbers to read.',
    );
    expect(coordinatorPrompts['coordinator.digest_with_invitations'].sms).not.toMatch(/\{patient/);
    expect(coordinatorSms('coordinator.digest_with_invitations', VARS)).toBe(
      'Good morning from ccm-bot for Riverside Family Medicine Associates: 12 urgent alerts open, 148 reviews waiting (17 overdue), 23 to call today (5 about an invitation), 4 texts from unknown numbers to read.',
    );
  });

  it('the call gives the options last, each key with what it does', () => {
    expect(coordinatorVoice('coordinator.call_options')).toMatch(/press 1\..*press 2\..*press 3\..*press 9\.$/);
  });

  it('fails loudly, naming the placeholder, when a value is missing', () => {
    expect(() => coordinatorSms('coordinator.urgent_alert', { practiceName: 'x' })).toThrow('needs a value for {patientName}');
  });
});
