/**
 * The files `check` reads: source files under the given paths, skipping dependency and build folders,
 * what .gitignore files say, files over the size limit and binary files (reported as skipped).
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageForFile } from '../analysis/languages';
import type { SourceLanguage } from '../analysis/types';

/** Folders that hold dependencies or build output in the ecosystems we read. */
const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', '.next', '.nuxt', 'coverage',
  'Pods', 'DerivedData', 'Carthage', '.build', '.gradle', '.idea', 'target', 'oh_modules', '.hvigor', '.vscode-test',
]);

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export interface SourceFile {
  readonly path: string;
  readonly language: SourceLanguage;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface WalkResult {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
  readonly missing: string[];
}

interface IgnoreScope {
  readonly base: string;
  readonly rules: Ignore;
}

export function walk(roots: readonly string[], options: { maxFileBytes: number; useGitignore: boolean }): WalkResult {
  const result: WalkResult = { files: [], skipped: [], missing: [] };
  for (const root of roots) {
    let stats;
    try {
      stats = statSync(root);
    } catch {
      result.missing.push(root);
      continue;
    }
    if (stats.isDirectory()) visitFolder(root, [], options, result);
    else considerFile(root, stats.size, options, result, true);
  }
  return result;
}

function visitFolder(folder: string, scopes: readonly IgnoreScope[], options: { maxFileBytes: number; useGitignore: boolean }, result: WalkResult): void {
  const here = options.useGitignore ? [...scopes, ...readGitignore(folder)] : scopes;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    result.skipped.push({ path: folder, reason: `cannot read folder: ${(error as Error).message}` });
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(full, true, here)) continue;
      visitFolder(full, here, options, result);
    } else if (entry.isFile() && languageForFile(entry.name) && !isIgnored(full, false, here)) {
      considerFile(full, statSync(full).size, options, result, false);
    }
  }
}

function considerFile(file: string, size: number, options: { maxFileBytes: number }, result: WalkResult, named: boolean): void {
  const language = languageForFile(file);
  if (!language) {
    if (named) result.skipped.push({ path: file, reason: 'not a language onelogin-codes reads' });
    return;
  }
  if (size > options.maxFileBytes) {
    result.skipped.push({ path: file, reason: `larger than ${options.maxFileBytes} bytes (${size})` });
    return;
  }
  if (looksBinary(file)) {
    result.skipped.push({ path: file, reason: 'binary file' });
    return;
  }
  result.files.push({ path: file, language });
}

function readGitignore(folder: string): IgnoreScope[] {
  try {
    return [{ base: folder, rules: ignore().add(readFileSync(path.join(folder, '.gitignore'), 'utf8')) }];
  } catch {
    return [];
  }
}

function isIgnored(full: string, isFolder: boolean, scopes: readonly IgnoreScope[]): boolean {
  return scopes.some(({ base, rules }) => {
    const relative = path.relative(base, full).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && rules.ignores(isFolder ? `${relative}/` : relative);
  });
}

/** A NUL byte in the first 8 KiB: the same test git uses. */
function looksBinary(file: string): boolean {
  const buffer = Buffer.alloc(8192);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).includes(0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
