// One build for the bundles: the VS Code client, the language server (a launcher and the server) and the CLI.
// `node esbuild.js` builds once; `node esbuild.js --watch` rebuilds on change.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const shebang = { js: '#!/usr/bin/env node' };

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  { entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] },
  // dist/server.js is what clients launch; it runs dist/server-main.js through V8's code cache.
  { entryPoints: { server: 'server/src/boot.ts' }, banner: shebang },
  { entryPoints: { 'server-main': 'server/src/main.ts' } },
  { entryPoints: { cli: 'server/src/cli/main.ts' }, banner: shebang },
];

/** Built only for `npm run bench`, into out/ (not shipped). */
const benchBundle = { entryPoints: { bench: 'bench/run.ts' }, outdir: 'out' };

/** The tree-sitter runtime loads its wasm from beside the bundle; grammars stay in server/grammars/. */
function copyRuntimeFiles() {
  fs.mkdirSync('dist', { recursive: true });
  fs.copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), path.join('dist', 'web-tree-sitter.wasm'));
}

async function main() {
  const watch = process.argv.includes('--watch');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: 'dist',
    sourcemap: true,
    logLevel: 'warning',
    // web-tree-sitter's ESM build finds its wasm through import.meta.url, which a CommonJS bundle lacks.
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  };
  copyRuntimeFiles();
  const selected = process.argv.includes('--bench') ? [benchBundle] : bundles;
  const contexts = await Promise.all(selected.map((b) => esbuild.context({ ...common, ...b })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching for changes');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
