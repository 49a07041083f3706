/**
 * The `onelogin-codes` command line: explain a code or a log line, list the catalog, check sources.
 * Exit codes: 0 ok, 1 not found (or findings), 2 usage error.
 */
import * as path from 'node:path';
import { loadBundledCatalog, loadCatalogFile, type Catalog } from '../catalog/catalog';
import { UsageError } from './args';
import { catalogCommand } from './commands/catalog';
import type { Command } from './commands/command';
import { checkCommand } from './commands/check';
import { explainCommand } from './commands/explain';
import { VERSION } from '../version';
import { processIO, type CliIO } from './io';

const COMMANDS: readonly Command[] = [checkCommand, explainCommand, catalogCommand];


function topLevelUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `onelogin-codes ${VERSION}: GeeTest OneLogin / OnePass and carrier error codes (一键登录 / 本机校验错误码)

Usage: onelogin-codes <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Run 'onelogin-codes <command> --help' for a command's options.`;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${topLevelUsage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`onelogin-codes: unknown command "${name}"\n\n${topLevelUsage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io, loadCatalog);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`onelogin-codes ${command.name}: ${error.message}\nRun 'onelogin-codes ${command.name} --help' for usage.\n`);
      return 2;
    }
    io.stderr(`onelogin-codes ${command.name}: ${(error as Error).message}\n`);
    return 2;
  }
}

function loadCatalog(file?: string): Catalog {
  return file ? loadCatalogFile(path.resolve(file)) : loadBundledCatalog();
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`onelogin-codes: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
