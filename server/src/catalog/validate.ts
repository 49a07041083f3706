/**
 * Start-up validation of the catalog: the JSON schema first (shape), then the rules a schema cannot
 * state (unique codes, aliases and references that resolve). Errors name the table, row and field.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../data/error-codes.schema.json';
import type { CatalogFile } from './types';

export class CatalogError extends Error {
  constructor(source: string, readonly problems: readonly string[]) {
    super(`${source} is not a valid error-code catalog:\n  ${problems.join('\n  ')}`);
    this.name = 'CatalogError';
  }
}

/**
 * Loaded and compiled on first use: ajv takes ~5 ms to load and the schema ~40 ms to compile, which
 * the bundled catalog (validated when it is built) never needs.
 */
let shapeValidator: ValidateFunction<CatalogFile> | undefined;

function compileShapeValidator(): ValidateFunction<CatalogFile> {
  const { default: Ajv } = require('ajv') as typeof import('ajv'); // deferred: see above
  return new Ajv({ allErrors: true, strict: true }).compile<CatalogFile>(schema);
}

/** Returns the catalog typed, or throws a CatalogError listing every problem found. */
export function validateCatalog(data: unknown, source: string): CatalogFile {
  const validateShape = (shapeValidator ??= compileShapeValidator());
  if (!validateShape(data)) {
    throw new CatalogError(source, (validateShape.errors ?? []).slice(0, 20).map((e) => describeSchemaError(data, e)));
  }
  const problems = checkReferences(data);
  if (problems.length > 0) throw new CatalogError(source, problems);
  return data;
}

/** "/tables/1/rows/3/steps/en" → "table onelogin/android, row -20105, field steps.en". */
function describeSchemaError(data: unknown, error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1);
  const where: string[] = [];
  const root = data as { tables?: { product?: string; platform?: string; rows?: { code?: unknown }[] }[] };
  if (parts[0] === 'tables' && parts[1] !== undefined) {
    const table = root.tables?.[Number(parts[1])];
    where.push(`table ${table?.product ?? '?'}/${table?.platform ?? '?'}`);
    if (parts[2] === 'rows' && parts[3] !== undefined) {
      where.push(`row ${String(table?.rows?.[Number(parts[3])]?.code ?? `#${Number(parts[3]) + 1}`)}`);
      if (parts.length > 4) where.push(`field ${parts.slice(4).join('.')}`);
    } else if (parts.length > 2) {
      where.push(`field ${parts.slice(2).join('.')}`);
    }
  } else if (parts.length > 0) {
    where.push(`field ${parts.join('.')}`);
  }
  const extra = error.keyword === 'additionalProperties' ? ` ("${String(error.params.additionalProperty)}")` : '';
  const allowed = error.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
  return `${where.length > 0 ? where.join(', ') : 'top level'}: ${error.message ?? 'invalid'}${extra}${allowed}`;
}

function checkReferences(catalog: CatalogFile): string[] {
  const problems: string[] = [];
  const tableIds = new Set<string>();
  for (const table of catalog.tables) {
    const tableId = `${table.product}/${table.platform}`;
    if (tableIds.has(tableId)) problems.push(`table ${tableId}: appears twice`);
    tableIds.add(tableId);
    const numbers = new Map<number, number>();
    for (const row of table.rows) {
      const where = `table ${tableId}, row ${row.code}`;
      for (const n of [row.code, ...row.aliases]) {
        if (numbers.has(n)) problems.push(`${where}: code ${n} also belongs to row ${numbers.get(n)}`);
        else numbers.set(n, row.code);
      }
      if (row.id !== `${tableId}/${row.code}`) problems.push(`${where}, field id: expected "${tableId}/${row.code}"`);
      if (row.steps.zh.length !== row.steps.en.length) {
        problems.push(`${where}, field steps: ${row.steps.zh.length} Chinese but ${row.steps.en.length} English steps`);
      }
      if ((row.cascadesTo !== null) !== (row.category === 'carrier-cascade')) {
        problems.push(`${where}, field cascadesTo: must be set exactly when category is carrier-cascade`);
      }
    }
    for (const row of table.rows) {
      if (row.sameHandlingAs !== null && !numbers.has(row.sameHandlingAs)) {
        problems.push(`table ${tableId}, row ${row.code}, field sameHandlingAs: ${row.sameHandlingAs} is not in this table`);
      }
    }
  }
  for (const table of catalog.tables) {
    for (const row of table.rows) {
      if (row.cascadesTo !== null && !tableIds.has(`carrier/${row.cascadesTo}`)) {
        problems.push(`table ${table.product}/${table.platform}, row ${row.code}, field cascadesTo: no table carrier/${row.cascadesTo}`);
      }
    }
  }
  return problems;
}
