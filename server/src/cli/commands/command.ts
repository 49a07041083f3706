import type { Catalog } from '../../catalog/catalog';
import type { CliIO } from '../io';

/** Loads the bundled catalog, or the file given with --catalog. */
export type CatalogLoader = (file?: string) => Catalog;

export interface Command {
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** The command's --help text. */
  readonly usage: string;
  /** Returns the exit code: 0 ok, 1 not found / findings, 2 usage (thrown as UsageError). */
  run(argv: readonly string[], io: CliIO, loadCatalog: CatalogLoader): Promise<number>;
}
