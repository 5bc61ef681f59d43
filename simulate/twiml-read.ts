/**
 * Reads the TwiML the service answers a call with, as Twilio would act on it:
 * what is said, then what comes next (a <Gather> waiting for keys or speech,
 * a <Dial>, a <Record>, or the end of the call). Only the verbs and
 * attributes the service writes (src/webhooks/voice/twiml.ts).
 */

export type Next =
  | { kind: 'gather'; action: string; numDigits: number | null; finishOnKey: string | null; speech: boolean; timeoutSeconds: number }
  | { kind: 'dial'; number: string; action: string | null; timeoutSeconds: number; whisper: string | null }
  | { kind: 'record'; action: string; transcribeCallback: string | null }
  /** The TwiML ran out: with <Hangup/> the call ends; without, a whisper's leg is connected to the caller (or the call ends). */
  | { kind: 'end'; hangup: boolean };

export interface Twiml {
  /** Every sentence, in order, inside a <Gather> or not. */
  say: string;
  next: Next;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

export function readTwiml(xml: string): Twiml {
  const say = [...xml.matchAll(/<Say[^>]*>([\s\S]*?)<\/Say>/g)].map((m) => decode(m[1]!.replace(/<[^>]+>/g, ''))).join(' ');
  const gather = /<Gather([^>]*)>/.exec(xml);
  if (gather) {
    const a = attributes(gather[1]!);
    return {
      say,
      next: {
        kind: 'gather',
        action: a.action!,
        numDigits: a.numDigits ? Number(a.numDigits) : null,
        finishOnKey: a.finishOnKey ?? null,
        speech: (a.input ?? 'dtmf').includes('speech'),
        timeoutSeconds: Number(a.timeout ?? 5),
      },
    };
  }
  const dial = /<Dial([^>]*)>([\s\S]*?)<\/Dial>/.exec(xml);
  if (dial) {
    const a = attributes(dial[1]!);
    const number = /<Number([^>]*)>([^<]*)<\/Number>/.exec(dial[2]!);
    const n = number ? attributes(number[1]!) : {};
    return { say, next: { kind: 'dial', number: decode(number?.[2] ?? dial[2]!).trim(), action: a.action ?? null, timeoutSeconds: Number(a.timeout ?? 30), whisper: n.url ?? null } };
  }
  const record = /<Record([^>]*)\/?>/.exec(xml);
  if (record) {
    const a = attributes(record[1]!);
    return { say, next: { kind: 'record', action: a.action!, transcribeCallback: a.transcribeCallback ?? null } };
  }
  return { say, next: { kind: 'end', hangup: /<Hangup\s*\/>/.test(xml) } };
}
