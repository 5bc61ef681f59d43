/**
 * Finds which of several categories of phrases a text mentions, in English
 * and Spanish, the way red flags are found: per clause, each phrase
 * forgiving typos, and a plain denial ("no swelling", "sin mareos": a negator
 * up to 3 words before) cancelling it. Red flags, concerns and requests all
 * read texts this way.
 */
import { splitClauses } from './clauses.js';
import { NEGATION_CARRIERS, findNegator } from './negation.js';
import { governs } from './figures-of-speech.js';
import { findEach, indexList } from './phrase-match.js';
import { compilePattern, type PhrasePattern } from './phrase-pattern.js';

export type PhraseLocale = 'en' | 'es';
export type CategoryPhrases<C extends string> = Readonly<Record<C, readonly string[]>>;

export interface Mention<C extends string> {
  category: C;
  /** The languages whose phrases matched (a loanword can match both). */
  locales: PhraseLocale[];
}

interface Hit<C extends string> {
  category: C;
  locale: PhraseLocale;
}

interface Compiled<C extends string> {
  mention: Hit<C>;
  pattern: PhrasePattern;
}

interface Found<C extends string> {
  mention: Hit<C>;
  start: number;
  end: number;
  negated: boolean;
}

export interface DetectorOptions<C extends string = string> {
  /**
   * Figures of speech whose words mean nothing here ("fell asleep", "me caí
   * de la risa", "dying to see"): their words are skipped before matching.
   */
  idioms?: readonly string[];
  /**
   * Words saying a symptom has passed ("the cough is gone now", "ya se me
   * quitó la tos"): a clause with one (not itself denied) mentions nothing.
   */
  resolved?: readonly string[];
  /** Words saying a symptom is better ("mucho mejor la tos"): as `resolved`, unless a `lingering` word is in the clause. */
  improved?: readonly string[];
  /** Words saying a symptom is still there ("still", "todavía"). */
  lingering?: ReadonlySet<string>;
  /** Categories that are events, not states ("a fall"): "it's gone now" after them settles nothing. */
  lasting?: readonly C[];
  /**
   * Which clauses mention nothing here: about someone other than the patient ("my dog is sick"), for
   * concerns; told of long ago ("I had a stroke in 2015"), for red flags.
   */
  quietClauses?: (clauses: readonly (readonly string[])[]) => boolean[];
}

export interface PhraseDetector<C extends string> {
  /** Every category mentioned and not denied, each once, in order of first mention. */
  mentions(text: string): Mention<C>[];
  /**
   * Where the mentions are: for each clause of splitClauses(text), the
   * [start, end) token ranges its phrases matched, denied or not (a denial
   * accounts for its words too).
   */
  spans(text: string): Array<Array<[number, number]>>;
}

/**
 * Detectors made but not yet compiled. Compiling every phrase list is most of what loading the
 * readers costs (about a tenth of a second, thousands of patterns), and the modules that read
 * texts make their detectors as they load: each compiles on first use instead, and
 * compilePhraseDetectorsInBackground() compiles the rest once the service is up.
 */
const uncompiled = new Set<() => unknown>();

/**
 * Compiles the detectors not used yet, one per turn of the event loop, so requests go through
 * meanwhile. A text that needs one before its turn compiles it there and then. Rejects with the
 * first pattern that does not compile (test/flows/text/phrase-detectors.test.ts asks for them all).
 */
export function compilePhraseDetectorsInBackground(): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = () => {
      const next = uncompiled.values().next();
      if (next.done) return resolve();
      try {
        next.value();
      } catch (error) {
        return reject(error);
      }
      setImmediate(step);
    };
    setImmediate(step);
  });
}

/** Builds a detector from phrase lists per language (syntax: phrase-pattern.ts); its patterns are compiled on first use. */
export function createPhraseDetector<C extends string>(
  phrases: Readonly<Record<PhraseLocale, CategoryPhrases<C>>>,
  categories: readonly C[],
  options: DetectorOptions<C> = {},
): PhraseDetector<C> {
  let patterns: { compiled: Compiled<C>[]; list: PhrasePattern[]; idioms: PhrasePattern[]; resolved: PhrasePattern[]; improved: PhrasePattern[] } | undefined;
  const compile = () => {
    if (!patterns) {
      const compiled = (Object.keys(phrases) as PhraseLocale[]).flatMap((locale) =>
        categories.flatMap((category) =>
          phrases[locale][category].map((source) => ({ mention: { category, locale }, pattern: compilePattern(source) })),
        ),
      );
      patterns = {
        compiled,
        list: compiled.map(({ pattern }) => pattern),
        idioms: (options.idioms ?? []).map(compilePattern),
        resolved: (options.resolved ?? []).map(compilePattern),
        improved: (options.improved ?? []).map(compilePattern),
      };
      // Indexed here too, so a detector compiled in the background is ready whole.
      for (const list of [patterns.list, patterns.idioms, patterns.resolved, patterns.improved]) indexList(list);
      uncompiled.delete(compile);
    }
    return patterns;
  };
  uncompiled.add(compile);

  /** The clause with the words of any idiom blanked out. */
  function withoutIdioms(tokens: readonly string[]): readonly string[] {
    const { idioms } = compile();
    if (idioms.length === 0) return tokens;
    const kept = [...tokens];
    for (const { start, end } of findEach(idioms, tokens)) kept.fill('', start, end);
    return kept;
  }

  const lingers = (tokens: readonly string[]) => tokens.some((token) => options.lingering?.has(token));
  /**
   * Where the clause says something passed, in words not themselves denied ("it's not gone"); or that it
   * is better, unless it or the clause it speaks of (`of`) says it is still there ("still swollen, but better").
   */
  const resolvedMarkers = (tokens: readonly string[], of: readonly string[] = tokens) =>
    [...findEach(compile().resolved, tokens), ...(lingers(tokens) || lingers(of) ? [] : findEach(compile().improved, tokens))].filter(({ start }) => findNegator(tokens, start) < 0);

  function findInClause(clause: readonly string[], evenResolved = false, quiet = false): Found<C>[] {
    const tokens = withoutIdioms(clause);
    if (!evenResolved && quiet) return [];
    const found = findAll(tokens);
    if (evenResolved) return found;
    // What the clause says passed is no mention; what an "and" keeps apart from it still is.
    // (Words of a mention are its own: "nothing is gonna get better" says nothing got better. A marker that
    // takes the symptom's word with it is no mention's: "coughing less", "less pain".)
    const markers = resolvedMarkers(tokens).filter((marker) => !found.some((item) => item.start <= marker.start && marker.end <= item.end));
    return found.filter((item) => !markers.some((marker) => governs(tokens, marker, item)));
  }

  function findAll(tokens: readonly string[]): Found<C>[] {
    const { compiled, list } = compile();
    const found: Found<C>[] = findEach(list, tokens).map(({ at, start, end }) => {
      const { mention, pattern } = compiled[at]!;
      return { mention, start, end, negated: !pattern.selfNegated && findNegator(tokens, start) >= 0 };
    });
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    // "no chest pain": "pain" inside the denied "chest pain" is denied with it, as is a phrase that starts
    // inside a denied one ("no weight gain. My weight..." is no "gain ... weight").
    for (const item of found) {
      const outer = found.find((o) => o !== item && o.negated && o.start <= item.start && item.start < o.end);
      if (outer) item.negated = true;
    }
    // "no chest pain or shortness of breath": the denial covers the whole list.
    for (const item of found) {
      if (item.negated) continue;
      const carrier = tokens[item.start - 1];
      if (carrier === undefined || !NEGATION_CARRIERS.has(carrier)) continue;
      item.negated = found.some((previous) => previous.negated && previous.end === item.start - 1);
    }
    return found;
  }

  return {
    mentions(text) {
      const seen = new Map<C, Mention<C>>();
      const note = ({ category, locale }: Compiled<C>['mention']) => {
        const known = seen.get(category);
        if (!known) seen.set(category, { category, locales: [locale] });
        else if (!known.locales.includes(locale)) known.locales.push(locale);
      };
      const clauses = splitClauses(text);
      const quiet = options.quietClauses?.(clauses.map(withoutIdioms)) ?? [];
      clauses.forEach((tokens, index) => {
        // "I was dizzy last week but it's gone now": a clause that only says it passed settles the one before.
        const next = clauses[index + 1];
        const passed = next !== undefined && resolvedMarkers(withoutIdioms(next), tokens).length > 0 && findInClause(next, true).length === 0;
        for (const { mention, negated } of findInClause(tokens, false, quiet[index])) {
          if (!negated && !(passed && !options.lasting?.includes(mention.category))) note(mention);
        }
        // "Mom fell… hit her head": one event told across a pause. A phrase that starts in this clause
        // and ends in the next is read as one; its denial is looked for where it starts, as in a clause.
        if (next === undefined) return;
        for (const { mention, negated, start, end } of findInClause([...tokens, ...next], true)) {
          if (!negated && start < tokens.length && end > tokens.length) note(mention);
        }
      });
      return [...seen.values()];
    },
    spans(text) {
      return splitClauses(text).map((tokens) => findInClause(tokens, true).map(({ start, end }): [number, number] => [start, end]));
    },
  };
}
