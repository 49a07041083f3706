/**
 * What the server does before its first answer: dist/server.js runs the server bundle through V8's
 * code cache, kept in the cache directory (XDG_CACHE_HOME here). A cache that is missing, stale,
 * corrupt or cannot be written only makes the start slower.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverEnvironment } from '../../server/src/launch';
import { TestClient } from '../support/lsp-client';
import { ROOT } from '../support/paths';

const SOURCE = `export function onResult(code: string): string {
  if (code === '-40101') {
    return 'cmcc';
  }
  return 'fail';
}
`;

/** Starts a server with `cacheHome` as XDG_CACHE_HOME, gets one document's diagnostics, and stops it. */
async function session(cacheHome: string): Promise<void> {
  const client = await TestClient.start({ env: { XDG_CACHE_HOME: cacheHome } });
  try {
    await client.open('file:///start-up/a.ts', 'typescript', SOURCE);
    const diagnostics = await client.publishedDiagnostics('file:///start-up/a.ts', 1);
    assert.ok(diagnostics.some((d) => d.code === 'cascade-carriers'), JSON.stringify(diagnostics));
  } finally {
    assert.equal(await client.stop(), 0, 'the server exits cleanly');
  }
}

function cacheFiles(directory: string): string[] {
  try {
    return readdirSync(directory).filter((name) => name.endsWith('.v8cache'));
  } catch {
    return [];
  }
}

describe('lsp: start-up through the code cache', function () {
  const home = mkdtempSync(path.join(tmpdir(), 'onelogin-code-cache-'));
  const directory = path.join(home, 'onelogin-codes');
  after(() => rmSync(home, { recursive: true, force: true }));

  it('writes the cache when the first server exits, and the next one starts from it unchanged', async () => {
    await session(home);
    const [name, ...more] = cacheFiles(directory);
    assert.ok(name, 'a cache was written');
    assert.deepEqual(more, []);
    assert.match(name, /^server-main-[\d.]+-(?:node\.\d+-)?[a-z0-9]+-\d+-\d+\.v8cache$/u);
    const before = statSync(path.join(directory, name));
    await session(home);
    const after = statSync(path.join(directory, name));
    assert.equal(after.mtimeMs, before.mtimeMs, 'a cache V8 took is not written again');
    assert.deepEqual(cacheFiles(directory), [name]);
  });

  it('starts with a corrupt cache, writes a good one, and drops the caches of earlier builds', async () => {
    const [name] = cacheFiles(directory);
    assert.ok(name);
    const file = path.join(directory, name);
    writeFileSync(file, 'not a cache');
    const earlierBuild = name.replace(/-\d+-\d+\.v8cache$/u, '-1-1.v8cache');
    writeFileSync(path.join(directory, earlierBuild), 'an earlier build');
    await session(home);
    assert.deepEqual(cacheFiles(directory), [name]);
    assert.ok(readFileSync(file).length > 10_000, 'V8 refused the corrupt cache and the server wrote a new one');
  });

  it('takes the cache of a server that exited at once, before its start-up compile was done', () => {
    const quickHome = path.join(home, 'quick');
    const quickDirectory = path.join(quickHome, 'onelogin-codes');
    // No input: the server sees the end of its stdin and exits within some tens of milliseconds.
    const start = () => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { input: '', env: serverEnvironment({ ...process.env, XDG_CACHE_HOME: quickHome }) });
    start();
    const [name] = cacheFiles(quickDirectory);
    assert.ok(name, 'a cache was written');
    const before = statSync(path.join(quickDirectory, name)).mtimeMs;
    start();
    assert.equal(statSync(path.join(quickDirectory, name)).mtimeMs, before, 'V8 took the cache: it was made under the flags it is read with');
  });

  describe('a broken installation is reported, and the server stays up', () => {
    // A copy of the package with the built server, the catalog and the grammars, but no runtime WASM
    // (neither beside the bundle nor in node_modules), and a TypeScript grammar that is not WASM.
    const install = path.join(home, 'broken-install');
    before(() => {
      for (const file of ['package.json', 'dist/server.js', 'dist/server-main.js', 'data/error-codes.json']) {
        mkdirSync(path.dirname(path.join(install, file)), { recursive: true });
        copyFileSync(path.join(ROOT, file), path.join(install, file));
      }
      mkdirSync(path.join(install, 'server', 'grammars'), { recursive: true });
      writeFileSync(path.join(install, 'server', 'grammars', 'tree-sitter-typescript.wasm'), 'not wasm');
    });

    /** Starts the installed server, runs `steps`, and checks that it is still up to shut down. */
    async function withInstalledServer(steps: (connection: MessageConnection, logs: string[]) => Promise<void>): Promise<string[]> {
      const child = spawn(process.execPath, [path.join(install, 'dist', 'server.js'), '--stdio'], { env: serverEnvironment({ ...process.env, XDG_CACHE_HOME: home }) });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      const logs: string[] = [];
      connection.onNotification('window/logMessage', (p: { message: string }) => {
        logs.push(p.message);
      });
      connection.listen();
      try {
        await steps(connection, logs);
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        assert.equal(await exited, 0, 'the server was up until told to exit');
        return logs;
      } finally {
        connection.dispose();
        child.kill();
      }
    }

    const uri = 'file:///broken/a.ts';
    const open = (connection: MessageConnection) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: SOURCE } });

    it('without the tree-sitter runtime: initialize fails naming the file, requests get nothing', async () => {
      const logs = await withInstalledServer(async (connection) => {
        await assert.rejects(connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }), /web-tree-sitter\.wasm/u);
        await connection.sendNotification('initialized', {});
        await open(connection);
        assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 16 } }), null);
      });
      assert.ok(logs.some((l) => /web-tree-sitter\.wasm/u.test(l)), logs.join('\n'));
    });

    it('with a grammar that is not WASM: its documents get no diagnostics, and the log says why', async () => {
      copyFileSync(path.join(ROOT, 'dist', 'web-tree-sitter.wasm'), path.join(install, 'dist', 'web-tree-sitter.wasm'));
      const published: unknown[] = [];
      const logs = await withInstalledServer(async (connection, logs) => {
        connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: unknown[] }) => {
          published.push(p.diagnostics);
        });
        await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
        await connection.sendNotification('initialized', {});
        await open(connection);
        while (published.length === 0 || !logs.some((l) => /analysis of file:\/\/\/broken\/a\.ts failed/u.test(l))) await new Promise((resolve) => setTimeout(resolve, 20));
      });
      assert.deepEqual(published, [[]]);
      assert.ok(logs.some((l) => /analysis of file:\/\/\/broken\/a\.ts failed: CompileError/u.test(l)), logs.join('\n'));
    });
  });

  it('runs when the cache directory cannot be made', async () => {
    const notADirectory = path.join(home, 'a-file');
    writeFileSync(notADirectory, '');
    await session(notADirectory);
  });
});
