import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningService {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `src/server.ts` as its own process, as `npm start` would (through
 * tsx, so no build is needed). `preload` modules are imported first (a fake
 * Twilio for a child process, say).
 */
export function startServiceProcess(env: Record<string, string>, preload: string[] = []): RunningService {
  const imports = ['tsx', ...preload].flatMap((module) => ['--import', module]);
  return run([...imports, 'src/server.ts'], env);
}

/** Starts a bundle of the service (scripts/bundle.mjs) as its own process, as `npm start` runs dist/bundle. */
export function startBundledServiceProcess(entry: string, env: Record<string, string>): RunningService {
  return run([entry], env);
}

function run(args: string[], env: Record<string, string>): RunningService {
  let output = '';
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The address the process listens on, once it says it is running. */
export async function listeningAddress(service: RunningService, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(service.output());
    if (match && service.output().includes('ccm-bot is running')) return match[1]!;
    if (service.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the service did not start:\n${service.output()}`);
}
