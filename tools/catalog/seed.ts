/**
 * Splits the vendor document (tools/catalog/seed.txt) into its 17 tables and their rows.
 *
 * The dump has no reliable column separators, so this step only finds where each row starts (its code)
 * and keeps the row's whole text, normalised. Splitting a row into description / cause / steps is done
 * by the curation files, and build.ts checks that the curated text is exactly the seed's.
 */
import { mapRadicals, repairCharacters } from './normalize';

export interface TableSpec {
  readonly product: string;
  readonly platform: string;
  /** The heading line that opens the table, after radical mapping. */
  readonly heading: string;
}

/** The tables in document order. Several headings repeat, so each is searched after the previous one. */
export const TABLES: readonly TableSpec[] = [
  { product: 'onelogin', platform: 'server', heading: '服务端返回码' },
  { product: 'onelogin', platform: 'android', heading: 'Android返回码' },
  { product: 'onelogin', platform: 'ios', heading: 'iOS返回码' },
  { product: 'onelogin', platform: 'harmonyos', heading: 'HarmonyOS返回码' },
  { product: 'onepass', platform: 'server', heading: '服务端返回码' },
  { product: 'onepass', platform: 'android', heading: 'Android返回码' },
  { product: 'onepass', platform: 'ios', heading: 'iOS返回码' },
  { product: 'onepass', platform: 'harmonyos', heading: 'HarmonyOS返回码' },
  { product: 'onelogin-h5', platform: 'server', heading: '服务端返回码' },
  { product: 'onelogin-h5', platform: 'web', heading: 'H5返回码' },
  { product: 'onelogin-h5', platform: 'miniprogram', heading: '一键登录小程序返回码' },
  { product: 'onepass-h5', platform: 'server', heading: '服务端返回码' },
  { product: 'onepass-h5', platform: 'web', heading: 'H5返回码' },
  { product: 'onepass-h5', platform: 'miniprogram', heading: '小程序返回码' },
  { product: 'carrier', platform: 'cmcc', heading: '移动' },
  { product: 'carrier', platform: 'cucc', heading: '联通' },
  { product: 'carrier', platform: 'ctcc', heading: '电信' },
];

export interface SeedRow {
  readonly product: string;
  readonly platform: string;
  /** The code cell as printed: "-20101", or "-8001/80001" for Telecom's alias pairs. */
  readonly codeCell: string;
  /**
   * The rest of the row with characters repaired but layout kept: line breaks and spaces are where the
   * PDF put them (column gaps and wrap artefacts alike), and so are the pipes of the markdown table.
   */
  readonly text: string;
  /** 1-based line of the seed where the row starts. */
  readonly line: number;
}

/** Section titles, page-break column headers and other lines that are layout, not row content. */
const LAYOUT_LINE =
  /^(?:\d、(?:APP|H5).*（.*）|4、运营商错误码|错误码|返回|码|回|返|描述 处理建议|(?:返回码|错误码) 描述 处理方式|返回码 说明|说明 常见原因 解决方法|返回码 \|说明.*|:—.*)$/u;

/** A row starts with its code, alone or followed by a space. "1、" and "3:" (step numbers) do not match. */
const ROW_START = /^(-?\d+(?:\/\d+)?)(?=\s|$)/u;

/** In the one table printed as broken markdown, a row starts at "| 10031 |" or at a line's start. */
const PIPE_ROW_START = /(?:^|\|)\s*(\d{5})\s*\|/gmu;

export function splitSeed(seedText: string): SeedRow[] {
  const lines = mapRadicals(seedText).split(/\r?\n/u);
  const bodies = findTableBodies(lines);
  return TABLES.flatMap((table, i) => {
    const body = bodies[i]!;
    return table.product === 'onelogin-h5' && table.platform === 'web'
      ? splitPipeTable(table, body)
      : splitLineTable(table, body);
  });
}

interface TableBody {
  readonly firstLine: number;
  readonly lines: readonly string[];
}

function findTableBodies(lines: readonly string[]): TableBody[] {
  const starts: number[] = [];
  let from = 0;
  for (const table of TABLES) {
    const at = lines.findIndex((line, i) => i >= from && line.trim() === table.heading);
    if (at < 0) throw new Error(`seed: heading "${table.heading}" for ${table.product}/${table.platform} not found`);
    starts.push(at);
    from = at + 1;
  }
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : lines.length;
    return { firstLine: start + 2, lines: lines.slice(start + 1, end) };
  });
}

function splitLineTable(table: TableSpec, body: TableBody): SeedRow[] {
  const rows: { codeCell: string; parts: string[]; line: number }[] = [];
  body.lines.forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '' || LAYOUT_LINE.test(line)) return;
    const start = ROW_START.exec(line);
    if (start) {
      rows.push({ codeCell: start[1]!, parts: [line.slice(start[0].length)], line: body.firstLine + i });
    } else if (rows.length > 0) {
      rows[rows.length - 1]!.parts.push(line);
    }
  });
  return rows.map((row) => ({
    product: table.product,
    platform: table.platform,
    codeCell: row.codeCell,
    text: repairCharacters(row.parts.join('\n')),
    line: row.line,
  }));
}

function splitPipeTable(table: TableSpec, body: TableBody): SeedRow[] {
  const text = body.lines
    .map((line) => (LAYOUT_LINE.test(line.trim()) ? '' : line))
    .join('\n');
  const starts = [...text.matchAll(PIPE_ROW_START)];
  return starts.map((match, i) => {
    const contentStart = match.index + match[0].length;
    const contentEnd = i + 1 < starts.length ? starts[i + 1]!.index : text.length;
    const lineInBody = text.slice(0, match.index + match[0].indexOf(match[1]!)).split('\n').length - 1;
    return {
      product: table.product,
      platform: table.platform,
      codeCell: match[1]!,
      text: repairCharacters(text.slice(contentStart, contentEnd).trim()).replace(/^\||\|$/gu, '').trim(),
      line: body.firstLine + lineInBody,
    };
  });
}
