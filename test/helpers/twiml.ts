import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** TwiML verbs and nouns ccm-bot may use, with their documented attributes. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  Response: [],
  Say: ['voice', 'language', 'loop'],
  'say-as': ['interpret-as'],
  Gather: ['input', 'action', 'method', 'actionOnEmptyResult', 'timeout', 'numDigits', 'finishOnKey', 'hints', 'language', 'speechModel', 'speechTimeout', 'profanityFilter'],
  Dial: ['callerId', 'action', 'method', 'timeout', 'timeLimit', 'record', 'answerOnBridge'],
  Number: ['sendDigits', 'url', 'method'],
  Hangup: [],
  Pause: ['length'],
  Redirect: ['method'],
  Record: ['action', 'method', 'timeout', 'maxLength', 'playBeep', 'finishOnKey', 'transcribe', 'transcribeCallback', 'recordingStatusCallback'],
  Message: ['action', 'method', 'to', 'from', 'statusCallback'],
};

export interface TwimlNode {
  verb: string;
  attributes: Record<string, string>;
  text: string;
  children: TwimlNode[];
}

function toNode(entry: Record<string, unknown>): TwimlNode | null {
  const verb = Object.keys(entry).find((key) => key !== ':@');
  if (!verb || verb === '#text' || verb === '?xml') return null;
  const attributes = (entry[':@'] ?? {}) as Record<string, string>;
  const content = (entry[verb] ?? []) as Array<Record<string, unknown>>;
  const allowed = ALLOWED[verb];
  if (!allowed) throw new Error(`<${verb}> is not a TwiML verb ccm-bot may use`);
  for (const name of Object.keys(attributes)) {
    if (!allowed.includes(name)) throw new Error(`<${verb}> does not take the attribute ${name}`);
  }
  // A <Say>'s words in order, those read as digits (<say-as>) included.
  const text = content
    .flatMap((c) => ('#text' in c ? [String(c['#text'])] : 'say-as' in c ? (c['say-as'] as Array<Record<string, unknown>>).map((t) => String(t['#text'] ?? '')) : []))
    .join('');
  return { verb, attributes, text, children: content.map(toNode).filter((n): n is TwimlNode => n !== null) };
}

/** Parses TwiML, failing on XML that is not well formed and on verbs or attributes Twilio does not document. */
export function parseTwiml(xml: string): TwimlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg}\n${xml}`);
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false })
    .parse(xml) as Array<Record<string, unknown>>;
  const root = parsed.map(toNode).find((n): n is TwimlNode => n?.verb === 'Response');
  if (!root) throw new Error(`no <Response> root:\n${xml}`);
  return root;
}

/** Every node of a TwiML tree, depth first. */
export const allNodes = (node: TwimlNode): TwimlNode[] => [node, ...node.children.flatMap(allNodes)];

/** The sentences spoken, in order. */
export const spoken = (node: TwimlNode) => allNodes(node).filter((n) => n.verb === 'Say').map((n) => n.text);
