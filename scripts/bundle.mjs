// The service as `npm start` runs it: the compiled modules (dist/src) bundled into a few files.
// Why: Node 20 has no compile cache, and resolving, reading and compiling some 500 of our modules
// and the libraries they import was the largest part of a start (bench/start.ts). One parse of a
// bundle costs less than a thousand module loads.
//
// - Split at server.js's dynamic import of service.js, so the embedded database starts opening in
//   its thread while the rest of the service loads, as it does unbundled.
// - A module's `import.meta.url` keeps pointing at its own file in dist/src, so the migrations and
//   the web assets it reads beside itself are found there.
// - Left out, loaded from node_modules as before: PGlite (it finds its WebAssembly beside itself),
//   twilio and nodemailer (loaded only when credentials are set), swagger and its UI (they read their own files).
import { readFile, rm } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const EXTERNAL = ['@electric-sql/*', 'twilio', 'nodemailer', '@fastify/swagger', '@fastify/swagger-ui'];

/** Bundles `root/src/server.js` into `outdir` (or, for a test, `src/server.ts` from the sources); returns the bundle's entry. */
export async function bundleService({ root = 'dist', entry = 'src/server.js', outdir = 'dist/bundle' } = {}) {
  const sourceRoot = resolve(root, 'src');
  const out = resolve(outdir);
  const ownFile = new RegExp(`^${escapeForRegExp(sourceRoot + sep)}.*\\.(js|ts)$`);
  // Chunks are named by their content: last build's must not linger beside this one's.
  await rm(out, { recursive: true, force: true });
  await build({
    entryPoints: [resolve(root, entry)],
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS libraries call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(on) {
          on.onLoad({ filter: ownFile }, async ({ path }) => {
            const code = await readFile(path, 'utf8');
            const fromBundle = relative(out, path).split(sep).join('/');
            const here = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
            return { contents: code.replaceAll('import.meta.url', here), loader: path.endsWith('.ts') ? 'ts' : 'js' };
          });
        },
      },
    ],
  });
  // esbuild names the entry's chunk after its file: server.js for the service.
  return resolve(out, `${basename(entry).replace(/\.[jt]s$/, '')}.js`);
}

function escapeForRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Run as a script (npm run build), not imported (test/bundle.test.ts). A file URL, so a folder with a space in its name compares equal.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundleService();
