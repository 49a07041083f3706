import { tableLabel } from '../../catalog/labels';
import { toPublicRow } from '../../catalog/public-row';
import { COMMON_OPTIONS, CONTEXT_OPTIONS, parseCommandArgs, parsePlatform, parseProduct, UsageError } from '../args';
import { langFor, styleFor } from '../io';
import type { Command } from './command';

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'List every code of the catalog (--json: the public row format other tools read).',
  usage: `Usage:
  onelogin-codes catalog [--product P] [--platform Q] [--lang zh|en] [--json]

Lists the 272 rows (277 codes) of the 17 tables, or the tables that match --product/--platform.
With --json prints a JSON array of rows:
  { "id", "product", "platform", "code", "aliases", "name", "description": {"zh","en"}, "cause",
    "steps": {"zh": [], "en": []}, "category", "cascadesTo", "sameHandlingAs", "notes", "sourceLine" }

Options:
  --product P    onelogin, onepass, onelogin-h5, onepass-h5 or carrier
  --platform Q   server, android, ios, harmonyos, web, miniprogram, cmcc, cucc or ctcc
  --lang L       zh, en or auto (default: auto, from LANG)
  --json         machine-readable output
  --catalog F    use another catalog file (default: the bundled data/error-codes.json)
  -h, --help     this help`,
  async run(argv, io, loadCatalog) {
    const { values, positionals } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...CONTEXT_OPTIONS });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const product = parseProduct(values.product);
    const platform = parsePlatform(values.platform);
    const catalog = loadCatalog(values.catalog);
    const entries = catalog.entries.filter(
      (e) => (product === undefined || e.product === product) && (platform === undefined || e.platform === platform),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify(entries.map(toPublicRow), null, 2)}\n`);
      return 0;
    }
    const lang = langFor(values.lang, io);
    const style = styleFor(io);
    const lines: string[] = [];
    for (const table of catalog.tables) {
      const rows = entries.filter((e) => e.table === table);
      if (rows.length === 0) continue;
      const heading = tableLabel(table.product, table.platform, lang);
      lines.push(`${style.bold(heading)}  ${style.dim(`${table.title[lang]} (${rows.length})`)}`);
      for (const { row } of rows) {
        const code = [row.code, ...row.aliases].join('/');
        lines.push(`  ${style.accent(code.padEnd(12))}${row.description[lang]}`);
      }
      lines.push('');
    }
    io.stdout(lines.join('\n'));
    return entries.length > 0 ? 0 : 1;
  },
};
