/** Argument parsing shared by the commands, on top of node:util's parseArgs. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PLATFORMS, PRODUCTS, type Platform, type Product } from '../catalog/types';

/** A mistake in how the command was called: exit code 2 and the message, with a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  catalog: { type: 'string' },
} as const satisfies OptionSpec;

export const CONTEXT_OPTIONS = {
  product: { type: 'string' },
  platform: { type: 'string' },
} as const satisfies OptionSpec;

/**
 * parseArgs would read "-20202" as a cluster of short options, so arguments that are negative numbers
 * are taken out first and returned as positionals in their place.
 */
export function parseCommandArgs<O extends OptionSpec>(argv: readonly string[], options: O) {
  const negativeNumber = /^-\d+$/u;
  const placeholders = new Map<string, string>();
  const args = argv.map((arg, i) => {
    if (!negativeNumber.test(arg)) return arg;
    const key = `\u0000arg${i}`;
    placeholders.set(key, arg);
    return key;
  });
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return {
      values: parsed.values,
      positionals: parsed.positionals.map((p) => placeholders.get(p) ?? p),
    };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\u0000arg(\d+)/gu, (_, i: string) => argv[Number(i)]!));
  }
}

export function parseLang(value: string | undefined): 'zh' | 'en' | 'auto' | undefined {
  if (value === undefined || value === 'zh' || value === 'en' || value === 'auto') return value;
  throw new UsageError(`--lang must be zh, en or auto, not "${value}"`);
}

export function parseProduct(value: string | undefined): Product | undefined {
  if (value === undefined) return undefined;
  if ((PRODUCTS as readonly string[]).includes(value)) return value as Product;
  throw new UsageError(`--product must be one of ${PRODUCTS.join(', ')}; got "${value}"`);
}

export function parsePlatform(value: string | undefined): Platform | undefined {
  if (value === undefined) return undefined;
  if ((PLATFORMS as readonly string[]).includes(value)) return value as Platform;
  throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}; got "${value}"`);
}
