import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../analysis/analyze';
import { Parsers } from '../../analysis/parsing/parsers';
import { LineIndex } from '../../util/line-index';
import { COMMON_OPTIONS, CONTEXT_OPTIONS, parseCommandArgs, parsePlatform, parseProduct, UsageError } from '../args';
import { formatJson } from '../format/json';
import { countFindings, type CheckReport, type FileReport } from '../format/report';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { langFor, styleFor } from '../io';
import { VERSION } from '../../version';
import { DEFAULT_MAX_FILE_BYTES, walk, type SkippedFile } from '../walk';
import type { Command } from './command';

const FORMATS = ['text', 'json', 'sarif'] as const;
/** Show progress on a terminal once a tree is this large. */
const PROGRESS_THRESHOLD = 200;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Find error-code handling in source files and report what it misses (text, JSON or SARIF).',
  usage: `Usage:
  onelogin-codes check [paths…] [--format text|json|sarif] [--product P] [--platform Q] [--lang zh|en]

Reads TypeScript/JavaScript, ArkTS (.ets), Java, Kotlin, Swift and Objective-C files under the paths
(default: the current folder), skipping node_modules, .git, build folders, what .gitignore lists and
files over the size limit. Exits 0 when there is nothing to report, 1 when there are findings.

Rules:
  cascade-carriers   a handler deals with some of -40101/-40201/-40301 (-40102/-40202/-40302) but not all
  cascade-subcodes   a cascading code's branch never reads the carrier's own code from the metadata
  unknown-code       a code the handler's product/platform never returns, or a typo of a real one

Options:
  --format F           text (default), json (every reference and diagnostic, 1-based positions) or sarif
  --product P          treat the code as this product's: onelogin, onepass, onelogin-h5, onepass-h5, carrier
  --platform Q         treat the code as this platform's: server, android, ios, harmonyos, web, miniprogram
  --lang L             zh, en or auto (default: auto, from LANG)
  --max-file-size N    skip files larger than N bytes (default ${DEFAULT_MAX_FILE_BYTES})
  --no-gitignore       read files that .gitignore lists
  -h, --help           this help`,
  async run(argv, io, loadCatalog) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      ...CONTEXT_OPTIONS,
      format: { type: 'string', default: 'text' },
      'max-file-size': { type: 'string' },
      'no-gitignore': { type: 'boolean' },
    });
    const format = values.format as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
    if (values.json) throw new UsageError('use --format json');
    const maxFileBytes = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_BYTES : Number(values['max-file-size']);
    if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError('--max-file-size must be a positive whole number of bytes');
    const settings = { product: parseProduct(values.product), platform: parsePlatform(values.platform) };
    const lang = langFor(values.lang, io);
    const catalog = loadCatalog(values.catalog);

    const cwd = process.cwd();
    const walked = walk(positionals.length > 0 ? positionals : ['.'], { maxFileBytes, useGitignore: !values['no-gitignore'] });
    if (walked.missing.length > 0) throw new UsageError(`no such file or folder: ${walked.missing.join(', ')}`);

    const parsers = await Parsers.create();
    const files: FileReport[] = [];
    const skipped: SkippedFile[] = [...walked.skipped];
    const progress = io.stderrIsTTY && walked.files.length >= PROGRESS_THRESHOLD;
    for (const [i, file] of walked.files.entries()) {
      if (progress && i % 50 === 0) io.stderr(`\rchecking ${i}/${walked.files.length} files…`);
      const shown = path.relative(cwd, file.path).split(path.sep).join('/') || path.basename(file.path);
      try {
        const text = readFileSync(file.path, 'utf8').replace(/^\uFEFF/u, '');
        const { analysis, tree } = await analyze({ text, language: file.language, fileName: file.path, settings }, catalog, parsers);
        tree?.delete();
        if (analysis.skipped) skipped.push({ path: shown, reason: analysis.skipped });
        files.push({ path: shown, analysis, lines: new LineIndex(text) });
      } catch (error) {
        skipped.push({ path: shown, reason: `analysis failed: ${(error as Error).message}` });
      }
    }
    if (progress) io.stderr('\r\u001b[K');

    const report: CheckReport = { files, skipped, root: cwd };
    if (format === 'json') io.stdout(formatJson(report, lang));
    else if (format === 'sarif') io.stdout(formatSarif(report, lang, VERSION));
    else io.stdout(formatText(report, lang, styleFor(io)));
    return countFindings(report) > 0 ? 1 : 0;
  },
};
