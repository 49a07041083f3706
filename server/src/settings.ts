/**
 * The server's settings (`oneloginCodes.*`), their defaults and their validation. package.json declares
 * the same settings for VS Code; test/unit/manifest.test.ts keeps the two in step. Invalid
 * values never stop the server: each one is replaced by its default and reported once in the log.
 */
import { RULE_IDS } from './analysis/rules';
import type { RuleId } from './analysis/types';
import { PLATFORMS, PRODUCTS, type Platform, type Product } from './catalog/types';

export const SEVERITY_SETTINGS = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export interface Settings {
  readonly enable: boolean;
  readonly language: 'auto' | 'zh' | 'en';
  readonly product: 'auto' | Product;
  readonly platform: 'auto' | Platform;
  /** Severity per rule; rules not named keep their default. */
  readonly rules: Readonly<Partial<Record<RuleId, SeveritySetting>>>;
  readonly inlayHints: { readonly enable: boolean };
  readonly codeLens: { readonly enable: boolean };
  /** Files larger than this many bytes are not analysed. */
  readonly maxFileSize: number;
  /** A catalog file to use instead of the bundled one (same schema); empty for the bundled one. */
  readonly catalogFile: string;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  language: 'auto',
  product: 'auto',
  platform: 'auto',
  rules: {},
  inlayHints: { enable: false },
  codeLens: { enable: true },
  maxFileSize: 1_000_000,
  catalogFile: '',
};

/** The settings keys the server reads, as they appear under `oneloginCodes.` in the manifest. */
export const SETTING_KEYS = [
  'enable',
  'language',
  'product',
  'platform',
  'rules',
  'inlayHints.enable',
  'codeLens.enable',
  'maxFileSize',
  'catalogFile',
] as const;

export interface ParsedSettings {
  readonly settings: Settings;
  /** One line per invalid value, naming the setting, the value and what is used instead. */
  readonly problems: readonly string[];
}

export function parseSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  const input = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) problems.push(`oneloginCodes: expected an object, got ${describe(raw)}; using the defaults`);

  const pick = <T>(key: string, value: unknown, valid: (v: unknown) => v is T, fallback: T): T => {
    if (value === undefined || value === null) return fallback;
    if (valid(value)) return value;
    problems.push(`oneloginCodes.${key}: ${describe(value)} is not valid; using ${JSON.stringify(fallback)}`);
    return fallback;
  };
  const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

  const rules: Partial<Record<RuleId, SeveritySetting>> = {};
  const rawRules = input.rules;
  if (rawRules !== undefined && rawRules !== null) {
    if (!isObject(rawRules)) {
      problems.push(`oneloginCodes.rules: expected an object such as {"cascade-subcodes": "off"}, got ${describe(rawRules)}`);
    } else {
      for (const [id, severity] of Object.entries(rawRules)) {
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          problems.push(`oneloginCodes.rules: unknown rule "${id}" (rules: ${RULE_IDS.join(', ')})`);
        } else if (!oneOf(SEVERITY_SETTINGS)(severity)) {
          problems.push(`oneloginCodes.rules.${id}: ${describe(severity)} is not one of ${SEVERITY_SETTINGS.join(', ')}`);
        } else {
          rules[id as RuleId] = severity;
        }
      }
    }
  }
  const inlay = isObject(input.inlayHints) ? input.inlayHints : {};
  const lens = isObject(input.codeLens) ? input.codeLens : {};
  const settings: Settings = {
    enable: pick('enable', input.enable, isBoolean, DEFAULT_SETTINGS.enable),
    language: pick('language', input.language, oneOf(['auto', 'zh', 'en'] as const), DEFAULT_SETTINGS.language),
    product: pick('product', input.product, oneOf(['auto', ...PRODUCTS] as const), DEFAULT_SETTINGS.product),
    platform: pick('platform', input.platform, oneOf(['auto', ...PLATFORMS] as const), DEFAULT_SETTINGS.platform),
    rules,
    inlayHints: { enable: pick('inlayHints.enable', inlay.enable, isBoolean, DEFAULT_SETTINGS.inlayHints.enable) },
    codeLens: { enable: pick('codeLens.enable', lens.enable, isBoolean, DEFAULT_SETTINGS.codeLens.enable) },
    maxFileSize: pick(
      'maxFileSize',
      input.maxFileSize,
      (v): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0,
      DEFAULT_SETTINGS.maxFileSize,
    ),
    catalogFile: pick('catalogFile', input.catalogFile, (v): v is string => typeof v === 'string', DEFAULT_SETTINGS.catalogFile),
  };
  return { settings, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
