import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Creating a PGlite database runs initdb (seconds); loading a dump of a fresh
 * one takes a fraction of that. Each test file starts from this template.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'ccm-bot-test-'));
  const template = join(dir, 'pglite-template.tar');
  const db = await PGlite.create('memory://');
  const dump = await db.dumpDataDir('none');
  await writeFile(template, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', template);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
