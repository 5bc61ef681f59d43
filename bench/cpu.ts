/** CPU time used by processes (Linux /proc), to tell where a request's cost goes. */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User and system CPU milliseconds of a process (0 when it is gone). */
function cpuMs(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    return { user: (Number(fields[11]) * 1000) / TICKS_PER_SECOND, system: (Number(fields[12]) * 1000) / TICKS_PER_SECOND };
  } catch {
    return { user: 0, system: 0 };
  }
}
const total = (cpu: { user: number; system: number }) => cpu.user + cpu.system;

function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}

export interface CpuSnapshot {
  server: { user: number; system: number };
  /** Per PostgreSQL process: backends come and go, so only their own deltas add up. */
  postgres: Map<number, number>;
  client: number;
}

/** CPU milliseconds so far of the server process, each PostgreSQL process, and this (load generating) process. */
export function cpuSnapshot(serverPid: number): CpuSnapshot {
  return {
    server: cpuMs(serverPid),
    postgres: new Map(postgresPids().map((pid) => [pid, total(cpuMs(pid))])),
    client: total(cpuMs(process.pid)),
  };
}

export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): string {
  let postgres = 0;
  // A pid whose count went down is a new backend that reused the number.
  for (const [pid, ms] of after.postgres) postgres += ms - Math.min(ms, before.postgres.get(pid) ?? 0);
  const per = (ms: number) => (ms / requests).toFixed(2);
  return (
    `CPU per request: server ${per(after.server.user - before.server.user)} user + ` +
    `${per(after.server.system - before.server.system)} system ms, PostgreSQL ${per(postgres)} ms, ` +
    `load generator ${per(after.client - before.client)} ms`
  );
}
