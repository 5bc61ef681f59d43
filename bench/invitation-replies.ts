/**
 * How the enrolment invitation's answers are read (src/flows/enrolment/reply.ts), on the
 * fresh set of 200 answers written without the code (test/flows/enrolment/invitation-replies-2026-12.ts).
 * Prints what is acted on and what goes to a person. Pure: no database.
 *
 * First pass, scored once before any tuning (2026-12-05): 165/200 read as labelled; 27/30
 * opt-outs stopped the campaign (one as a no); 3 did not ("yes stop", "Don't text this number
 * again", "who is this? stop texting me"); no yes was read as a no nor a no as a yes; the other
 * 32 went to a person. The rules added after it are general (a STOP among keywords or in a
 * statement beside a question, the object of "don't text ...", an opening yes or no acted on
 * with the rest read by a person); this set is a regression set since.
 *
 * Run alone: `node --import tsx bench/invitation-replies.ts` (BENCH_READING_LIST=1 lists the misses).
 */
import { readInvitationAnswer, type InvitationReply } from '../src/flows/enrolment/reply.js';
import { INVITATION_REPLIES_2026_12 } from '../test/flows/enrolment/invitation-replies-2026-12.js';

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}% (${n}/${of})`;
const set = INVITATION_REPLIES_2026_12;
const read = set.map((r) => ({ ...r, ...readInvitationAnswer(r.text) }));
const labelled = (label: InvitationReply) => read.filter((r) => r.expected === label);
const acted = (r: { reply: InvitationReply }) => r.reply === 'yes' || r.reply === 'no' || r.reply === 'opt_out';

const optOuts = labelled('opt_out');
const stopped = optOuts.filter((r) => r.reply === 'opt_out' || r.reply === 'no');
const crossed = read.filter((r) => (r.expected === 'yes' && r.reply === 'no') || (r.expected === 'no' && r.reply === 'yes'));
const answers = read.filter((r) => r.expected === 'yes' || r.expected === 'no');
const wronglyActed = read.filter((r) => acted(r) && r.reply !== r.expected && !(r.expected === 'opt_out' && r.reply === 'no'));

console.log(`invitation replies: fresh-2026-12, ${set.length} texts`);
console.log(`  read as labelled                          ${pct(read.filter((r) => r.reply === r.expected).length, set.length)}`);
console.log(`  opt-outs that stopped the campaign        ${pct(stopped.length, optOuts.length)}`);
console.log(`  yes and no acted on at once               ${pct(answers.filter((r) => r.reply === r.expected).length, answers.length)}`);
console.log(`  yes read as no, or no as yes              ${pct(crossed.length, answers.length)}`);
console.log(`  acted on against the label                ${pct(wronglyActed.length, set.length)}`);
console.log(`  to a person (all, or the rest of it)      ${pct(read.filter((r) => r.reply === 'other' || r.leftover).length, set.length)}`);
if (process.env.BENCH_READING_LIST) for (const r of read.filter((x) => x.reply !== x.expected)) console.log(`    ${r.expected} -> ${r.reply}: ${r.text}`);
