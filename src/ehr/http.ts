/** HTTP to an EHR with Node's fetch (undici): a time limit on every request, and network errors as transient failures. */
import type { OperationOutcome } from '@medplum/fhirtypes';
import { EhrFailure } from './failure.js';

/** An EHR that has not answered in this long is treated as away; the send is retried later. */
export const EHR_REQUEST_TIMEOUT_MS = 60_000;
/** How much of an EHR's error is kept for the admin to read. */
const MAX_ERROR_LENGTH = 500;

/** fetch, with a timeout; a lost connection or a timeout becomes a transient EhrFailure. */
export async function ehrFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(EHR_REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new EhrFailure('transient', `no answer from ${new URL(url).origin} (${cause})`);
  }
}

/** What an error response said, briefly: an OperationOutcome's issues, an OAuth error, or the status. */
export async function describeHttpError(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let said = '';
  try {
    const json = JSON.parse(text) as Partial<OperationOutcome> & { error?: string; error_description?: string };
    if (json.resourceType === 'OperationOutcome') {
      said = (json.issue ?? []).map((i) => [i.severity, i.code, i.details?.text ?? i.diagnostics, i.expression?.join(',')].filter(Boolean).join(' ')).join('; ');
    } else if (json.error) {
      said = [json.error, json.error_description].filter(Boolean).join(': ');
    }
  } catch {
    said = '';
  }
  const summary = `HTTP ${response.status}${said ? ` ${said}` : ''}`;
  return summary.length > MAX_ERROR_LENGTH ? `${summary.slice(0, MAX_ERROR_LENGTH - 1)}…` : summary;
}
