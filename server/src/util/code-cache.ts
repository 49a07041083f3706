/**
 * Runs a CommonJS bundle through V8's code cache, as Node 22's `module.enableCompileCache()` does
 * (Node 20 has none). Without it, every start compiles the server's megabyte of JavaScript again,
 * and compiles each function again the first time it runs. With it, V8 reads the bytecode it made
 * last time: ~15 ms less from launch to first diagnostics.
 *
 * The cache is written when the process exits, so it holds every function the session ran. V8 checks
 * a cache against the source and its own version and flags, and refuses one that does not match; the
 * file name also carries the V8 version and the bundle's size and time, so editors running different
 * Node versions keep one cache each. A cache that cannot be read or written is only a slower start.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Runs `file` as the main module's code would be, from the cache in `directory` when V8 takes it. */
export function runWithCodeCache(file: string, directory: string | null = defaultCacheDirectory()): void {
  const source = readFileSync(file, 'utf8');
  const prefix = cachePrefix(file);
  const cacheFile = directory ? path.join(directory, `${prefix}${bundleStamp(file)}.v8cache`) : null;
  const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(source.startsWith('#!') ? `//${source}` : source), {
    filename: file,
    cachedData,
    // `import()` inside the bundle goes through Node's loader, as it would without the cache. Node
    // 20.12 added the constant; VS Code's Electron runs an older Node 20, whose bundles then make no
    // dynamic import (ours makes none).
    importModuleDynamically: (vm.constants as typeof vm.constants | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {}, filename: file, id: file };
  (script.runInThisContext() as BundleFunction).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  // V8 stamps the cache with the flags of the moment it is made: every flag switched at run time is
  // switched back at once (analysis/parsing/v8-flags.ts).
  if (cacheFile && !used) process.once('exit', () => writeCache(cacheFile, prefix, script));
}

type BundleFunction = (exports: object, require: NodeRequire, module: object, filename: string, dirname: string) => void;

/** The platform's cache directory for this package (XDG_CACHE_HOME first, as on Linux). */
function defaultCacheDirectory(): string | null {
  const env = process.env;
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? env.LOCALAPPDATA : process.platform === 'darwin' ? path.join(homedir(), 'Library', 'Caches') : path.join(homedir(), '.cache'));
  return base ? path.join(base, 'onelogin-codes') : null;
}

/**
 * A cache is `<bundle>-<V8 version>-<arch>-<size>-<mtime>.v8cache`: the prefix names the bundle as this
 * Node runs it, the stamp its build.
 */
function cachePrefix(file: string): string {
  return `${path.basename(file, '.js')}-${process.versions.v8}-${process.arch}-`;
}

function bundleStamp(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${size}-${Math.trunc(mtimeMs)}`;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all (servers of several editors may start at once), and drops the caches of earlier builds. */
function writeCache(cacheFile: string, prefix: string, script: vm.Script): void {
  const directory = path.dirname(cacheFile);
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    mkdirSync(directory, { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
    for (const name of readdirSync(directory)) {
      if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== path.basename(cacheFile)) rmSync(path.join(directory, name), { force: true });
    }
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing more to do: the next start compiles without a cache
    }
  }
}
