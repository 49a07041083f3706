/**
 * A minimal LSP client for tests: spawns the built server (`node dist/server.js --stdio`) and talks
 * JSON-RPC over its stdio, as an editor would. Waits end on the notification they wait for, or at a deadline.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsClientCapabilities,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { serverEnvironment } from '../../server/src/launch';
import { ROOT } from './paths';

export interface ClientOptions {
  /** Settings answered to workspace/configuration (under oneloginCodes). */
  readonly settings?: unknown;
  readonly capabilities?: ClientCapabilities;
  readonly locale?: string;
  /** Laid over the server's environment (XDG_CACHE_HOME: where its code cache goes; a directory of the test run's own by default). */
  readonly env?: NodeJS.ProcessEnv;
}

/** What Neovim 0.7 declares for diagnostics (eglot 1.9 declares less): no codeDescription, no data. */
export const NEOVIM_0_7_DIAGNOSTICS: PublishDiagnosticsClientCapabilities = { relatedInformation: true, tagSupport: { valueSet: [1, 2] } };

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
    inlayHint: {},
    codeLens: {},
  },
};

let cacheHome: string | undefined;

/** The servers' cache directory for this test run (their code cache), not the user's. */
function testCacheHome(): string {
  if (!cacheHome) {
    const directory = mkdtempSync(path.join(tmpdir(), 'onelogin-test-cache-'));
    process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
    cacheHome = directory;
  }
  return cacheHome;
}

export class TestClient {
  readonly logs: string[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams>();
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private configurationRequests = 0;
  /** Callbacks of waits in progress, run on every notification or request from the server. */
  private readonly wakers = new Set<() => void>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    /** What the client answers to workspace/configuration for `oneloginCodes`. */
    public settings: unknown,
    readonly capabilities: ClientCapabilities,
  ) {
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.wake();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      this.configurationRequests++;
      this.wake();
      return p.items.map(() => this.settings);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [...(process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(' ') : []), path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
      cwd: ROOT,
      env: serverEnvironment({ ...process.env, XDG_CACHE_HOME: testCacheHome(), ...options.env }),
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options.settings ?? {}, options.capabilities ?? DEFAULT_CAPABILITIES);
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      locale: options.locale ?? 'en',
      workspaceFolders: null,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  uri(name: string): string {
    return pathToFileURL(path.join(ROOT, 'test', 'fixtures', name)).href;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Pull diagnostics (the default capabilities ask for them through textDocument/diagnostic when declared). */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  /** Waits for published diagnostics of `uri` at `version` (or any version), up to a deadline. */
  async publishedDiagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.published.get(uri);
      return p && (version === undefined || p.version === version) ? p.diagnostics : undefined;
    }, timeoutMs, `diagnostics for ${uri}`);
  }

  /**
   * The probe's value as soon as a notification from the server makes it defined (no polling delay,
   * so latencies measured through it are the server's), or an error at the deadline.
   */
  private async until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let value = probe(); ; value = probe()) {
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wakers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.wakers.add(done);
      });
    }
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }

  /**
   * Changes the settings, as an editor does: notifies the server, and when the server reads settings
   * through workspace/configuration, returns once it has read them (so what the test sends next is
   * handled under the new settings, as it would be after a user's change).
   */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    const asked = this.configurationRequests;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { oneloginCodes: settings } });
    if (this.capabilities.workspace?.configuration) {
      await this.until(() => (this.configurationRequests > asked ? true : undefined), 20_000, 'the server to read the settings');
    }
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.request('shutdown', null);
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => { this.process.kill('SIGKILL'); resolve(null); }, 5000))]);
    this.connection.dispose();
    return code;
  }
}

