/** What an alert's reason means, in the few words a coordinator's text or call uses (the table is src/triage/reason-words.ts). */
import { concernWords, reasonWords, redFlagWords } from '../triage/index.js';

export function describeReason(reason: string): string {
  const known = reasonWords(reason);
  if (known) return known;
  // A category added to the detectors before its words, or a practice's own rule id: still readable.
  if (reason.startsWith('red_flag:')) return redFlagWords(reason.slice('red_flag:'.length));
  if (reason.startsWith('concern:')) return concernWords(reason.slice('concern:'.length));
  return reason.replace(/_/g, ' ');
}
