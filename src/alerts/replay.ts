import { evaluateTriage, type RuleSet, type TriageLevel } from '../triage/index.js';
import { listMedicationsOf } from '../store/medications.js';
import { listAllPatients } from '../store/patients.js';
import type { Practice } from '../store/practices.js';
import { listObservationFacts } from '../store/triage.js';
import type { RuntimeDeps } from '../runtime.js';
import { lookback, practiceRules, triageFacts } from './assess.js';

const LEVELS: readonly TriageLevel[] = ['urgent', 'elevated', 'routine', 'stable'];

export interface ReplayResult {
  patients: number;
  /** How many patients each rule set puts at each level. */
  current: Record<TriageLevel, number>;
  proposed: Record<TriageLevel, number>;
  /** Patients who would change level, by from and to; the unchanged are left out. */
  moves: Array<{ from: TriageLevel; to: TriageLevel; patients: number }>;
}

const countLevels = () => Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<TriageLevel, number>;

/**
 * What a proposed rule set would do to a practice's panel: every patient's
 * recent data evaluated now under the current rules and under the proposed
 * ones. Reads only; nothing is stored or raised.
 */
export async function replayRules(deps: RuntimeDeps, practice: Practice, proposed: RuleSet): Promise<ReplayResult> {
  const at = deps.clock.now();
  const current = await practiceRules(deps.pool, practice.id);
  const candidate = { ...proposed, version: 'proposed' };
  const patients = await listAllPatients(deps.pool, practice.id);
  const ids = patients.map((p) => p.id);
  const since = new Date(at.getTime() - Math.max(lookback(current), lookback(candidate)));
  const [observations, medications] = await Promise.all([listObservationFacts(deps.pool, ids, since), listMedicationsOf(deps.pool, ids)]);

  const result: ReplayResult = { patients: patients.length, current: countLevels(), proposed: countLevels(), moves: [] };
  const moves = new Map<string, number>();
  for (const patient of patients) {
    const facts = triageFacts(practice, patient, observations.get(patient.id) ?? [], medications.get(patient.id) ?? [], at);
    const from = evaluateTriage(facts, current).level;
    const to = evaluateTriage(facts, candidate).level;
    result.current[from] += 1;
    result.proposed[to] += 1;
    if (from !== to) moves.set(`${from}>${to}`, (moves.get(`${from}>${to}`) ?? 0) + 1);
  }
  result.moves = [...moves].map(([key, count]) => {
    const [from, to] = key.split('>') as [TriageLevel, TriageLevel];
    return { from, to, patients: count };
  });
  return result;
}
