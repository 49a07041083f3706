import { toPublicRow } from '../../catalog/public-row';
import type { Candidate } from '../../catalog/catalog';
import { codeOfQuery, explainCode, explainLog, type CodeExplanation } from '../../explain/explain';
import { renderCodeExplanation, renderLogExplanation } from '../../explain/render-text';
import { COMMON_OPTIONS, CONTEXT_OPTIONS, parseCommandArgs, parsePlatform, parseProduct, UsageError } from '../args';
import { langFor, styleFor } from '../io';
import type { Command } from './command';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Show the card(s) for an error code, or for the codes in a log line.',
  usage: `Usage:
  onelogin-codes explain <code> [--product P] [--platform Q] [--lang zh|en] [--json]
  onelogin-codes explain --log '<log line or result JSON>' [--lang zh|en] [--json]
  onelogin-codes explain --log - < log.txt

Examples:
  onelogin-codes explain -20202
  onelogin-codes explain -20301 --product onepass --platform ios
  onelogin-codes explain GOPErrorSocketError
  onelogin-codes explain --log '{"status":500,"errorCode":"-40201","metadata":{"code":"1001"}}'

A code that means different things in different tables lists every meaning, best first for the
--product/--platform given. An unknown code exits with 1 and suggests near misses.

Options:
  --product P    onelogin, onepass, onelogin-h5, onepass-h5 or carrier
  --platform Q   server, android, ios, harmonyos, web, miniprogram, cmcc, cucc or ctcc
  --log TEXT     find the SDK code and the carrier code in TEXT ("-" reads standard input)
  --lang L       zh, en or auto (default: auto, from LANG)
  --json         machine-readable output
  --catalog F    use another catalog file (default: the bundled data/error-codes.json)
  -h, --help     this help`,
  async run(argv, io, loadCatalog) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      ...CONTEXT_OPTIONS,
      log: { type: 'string' },
    });
    const context = { product: parseProduct(values.product), platform: parsePlatform(values.platform) };
    const lang = langFor(values.lang, io);
    const style = styleFor(io);

    if (values.log !== undefined) {
      if (positionals.length > 0) throw new UsageError('give either a code or --log, not both');
      const text = values.log === '-' ? await io.readStdin() : values.log;
      const catalog = loadCatalog(values.catalog);
      const result = explainLog(catalog, text, context);
      if (values.json) {
        io.stdout(`${JSON.stringify({ found: result.found, sdk: codeJson(result.sdk), carrier: codeJson(result.carrier), carrierCodeMissing: result.carrierCodeMissing }, null, 2)}\n`);
      } else {
        io.stdout(`${renderLogExplanation(result, catalog, lang, style)}\n`);
      }
      return result.sdk || result.carrier ? 0 : 1;
    }

    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the code to explain' : 'explain takes one code');
    const query = positionals[0]!;
    const catalog = loadCatalog(values.catalog);
    const code = codeOfQuery(catalog, query);
    if (code === undefined) {
      if (/^[A-Za-z_]\w*$/u.test(query)) {
        io.stderr(`No SDK constant named ${query} in the catalog.\n`);
        return 1;
      }
      throw new UsageError(`"${query}" is not an error code (a number such as -20202, or an SDK constant such as GOPErrorSocketError)`);
    }
    const result = explainCode(catalog, code, context);
    if (values.json) io.stdout(`${JSON.stringify(codeJson(result), null, 2)}\n`);
    else io.stdout(`${renderCodeExplanation(result, catalog, lang, style)}\n`);
    return result.candidates.length > 0 ? 0 : 1;
  },
};

function codeJson(result: CodeExplanation | null) {
  if (!result) return null;
  return {
    code: result.code,
    context: result.context,
    outsideContext: result.outsideContext,
    candidates: result.candidates.map((c: Candidate) => ({ ...toPublicRow(c.entry), score: c.score, viaAlias: c.viaAlias })),
    nearMisses: result.nearMisses,
  };
}
