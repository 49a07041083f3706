/**
 * The VS Code manifest (package.json) against what the code does: the settings the server reads
 * (keys, defaults, allowed values), the languages the client serves and the activation events, the
 * commands, the localisation files (package.nls*.json, l10n/), the ArkTS grammar, and the packaging
 * rules. Each test fails when one side changes without the other.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLIENT_SETTING_KEYS, COMMAND_IDS, SERVED_FILE_PATTERN, SERVED_LANGUAGES, SERVER_COMMANDS } from '../../client/src/constants';
import { RULE_IDS } from '../../server/src/analysis/rules';
import { LSP_LANGUAGE_IDS, languageForFile } from '../../server/src/analysis/languages';
import { PLATFORMS, PRODUCTS } from '../../server/src/catalog/types';
import { COMMANDS } from '../../server/src/features/commands';
import { DEFAULT_SETTINGS, SETTING_KEYS, SEVERITY_SETTINGS, parseSettings } from '../../server/src/settings';
import { VERSION } from '../../server/src/version';
import { ROOT } from '../support/paths';

interface Property {
  type: string;
  default?: unknown;
  enum?: string[];
  enumDescriptions?: string[];
  markdownDescription?: string;
  description?: string;
  minimum?: number;
  properties?: Record<string, Property>;
  additionalProperties?: boolean;
}

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  icon: string;
  l10n: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: boolean };
  contributes: {
    languages: { id: string; extensions: string[]; configuration?: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string }[]>;
    configuration: { title: string; properties: Record<string, Property> };
  };
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as Manifest;
const properties = manifest.contributes.configuration.properties;
const PREFIX = 'oneloginCodes.';

/** DEFAULT_SETTINGS at a dotted key ('inlayHints.enable'). */
function defaultAt(key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], DEFAULT_SETTINGS);
}

/** A settings object with `value` at the dotted key. */
function settingsWith(key: string, value: unknown): Record<string, unknown> {
  const parts = key.split('.');
  return parts.reduceRight<unknown>((inner, part) => ({ [part]: inner }), value) as Record<string, unknown>;
}

function accepts(key: string, value: unknown): boolean {
  return parseSettings(settingsWith(key, value)).problems.length === 0;
}

describe('manifest: settings', () => {
  it('contributes exactly the settings the server reads, plus the client\'s own', () => {
    assert.deepEqual(
      Object.keys(properties).sort(),
      [...SETTING_KEYS, ...CLIENT_SETTING_KEYS].map((k) => PREFIX + k).sort(),
    );
  });

  it('gives every server setting the server\'s default', () => {
    for (const key of SETTING_KEYS) assert.deepEqual(properties[PREFIX + key]!.default, defaultAt(key), key);
  });

  it('allows exactly the values the server accepts', () => {
    const enums: Record<string, readonly string[]> = {
      language: ['auto', 'zh', 'en'],
      product: ['auto', ...PRODUCTS],
      platform: ['auto', ...PLATFORMS],
    };
    for (const [key, values] of Object.entries(enums)) {
      const property = properties[PREFIX + key]!;
      assert.deepEqual(property.enum, [...values], key);
      assert.equal(property.enumDescriptions?.length, values.length, `${key}: one description per value`);
      for (const value of values) assert.ok(accepts(key, value), `${key}: ${value}`);
      assert.ok(!accepts(key, 'klingon'), `${key} rejects other values`);
    }
    const types: Record<string, string> = { boolean: 'boolean', string: 'string', number: 'integer', object: 'object' };
    for (const key of SETTING_KEYS) {
      const property = properties[PREFIX + key]!;
      assert.equal(property.type, types[typeof defaultAt(key)], `${key}: the type of the server's default`);
      if (property.type === 'boolean') assert.ok(accepts(key, true) && accepts(key, false) && !accepts(key, 'yes'), key);
      if (property.type === 'string' && !property.enum) assert.ok(accepts(key, 'some text') && !accepts(key, 42), key);
    }
    const size = properties[`${PREFIX}maxFileSize`]!;
    assert.equal(size.type, 'integer');
    assert.ok(accepts('maxFileSize', size.minimum) && !accepts('maxFileSize', size.minimum! - 1) && !accepts('maxFileSize', 1.5));
  });

  it('declares rules as an object of rule id → severity, with the server\'s rule ids and severities', () => {
    const rules = properties[`${PREFIX}rules`]!;
    assert.equal(rules.type, 'object');
    assert.equal(rules.additionalProperties, false);
    assert.deepEqual(Object.keys(rules.properties!).sort(), [...RULE_IDS].sort());
    for (const [id, rule] of Object.entries(rules.properties!)) {
      assert.deepEqual(rule.enum, [...SEVERITY_SETTINGS], id);
      assert.equal(rule.enumDescriptions?.length, SEVERITY_SETTINGS.length, id);
      for (const severity of SEVERITY_SETTINGS) assert.ok(parseSettings({ rules: { [id]: severity } }).problems.length === 0, `${id}: ${severity}`);
    }
    assert.ok(parseSettings({ rules: { 'no-such-rule': 'off' } }).problems.length > 0, 'the server rejects unknown rule ids too');
  });

  it('declares the trace setting vscode-languageclient reads for the client id', () => {
    const trace = properties[`${PREFIX}trace.server`]!;
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.equal(trace.default, 'off');
  });

  it('gives every setting a localised description', () => {
    for (const [key, property] of Object.entries(properties)) {
      assert.match(property.markdownDescription ?? property.description ?? '', /^%[\w.-]+%$/u, key);
    }
  });
});

describe('manifest: languages, activation, commands', () => {
  it('activates only on the served languages and on its commands', () => {
    assert.deepEqual(manifest.activationEvents, [
      ...SERVED_LANGUAGES.map((id) => `onLanguage:${id}`),
      ...manifest.contributes.commands.map((c) => `onCommand:${c.command}`),
    ]);
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('serves only language ids the server maps to a source language', () => {
    for (const id of SERVED_LANGUAGES) assert.ok(id in LSP_LANGUAGE_IDS, id);
    for (const language of manifest.contributes.languages) assert.ok((SERVED_LANGUAGES as readonly string[]).includes(language.id), language.id);
  });

  it('serves by file name the extensions that may have no language id, and the server knows them', () => {
    const extensions = /\{([^}]*)\}/u.exec(SERVED_FILE_PATTERN)![1]!.split(',');
    assert.deepEqual(extensions.sort(), ['ets', 'kt', 'kts', 'swift']);
    for (const extension of extensions) assert.ok(languageForFile(`x.${extension}`), extension);
  });

  it('contributes arkts for .ets with a grammar and a language configuration, and kotlin for .kt/.kts without a grammar', () => {
    const arkts = manifest.contributes.languages.find((l) => l.id === 'arkts')!;
    assert.deepEqual(arkts.extensions, ['.ets']);
    const configuration = JSON.parse(read(arkts.configuration!)) as { comments: { lineComment: string; blockComment: string[] }; brackets: string[][] };
    assert.equal(configuration.comments.lineComment, '//');
    assert.deepEqual(configuration.comments.blockComment, ['/*', '*/']);
    assert.ok(configuration.brackets.some(([open]) => open === '{'));
    const grammar = manifest.contributes.grammars.find((g) => g.language === 'arkts')!;
    const file = JSON.parse(read(grammar.path)) as { scopeName: string; patterns: { include: string }[]; repository: Record<string, unknown> };
    assert.equal(file.scopeName, grammar.scopeName);
    assert.deepEqual(file.patterns, [{ include: 'source.ts' }]);
    for (const key of ['struct-declaration', 'arkts-decorator', 'ui-component', 'attribute-call']) assert.ok(key in file.repository, key);
    const kotlin = manifest.contributes.languages.find((l) => l.id === 'kotlin')!;
    assert.deepEqual(kotlin.extensions, ['.kt', '.kts']);
    assert.equal(kotlin.configuration, undefined, 'no configuration that could fight a Kotlin extension\'s');
    assert.ok(!manifest.contributes.grammars.some((g) => g.language === 'kotlin'));
  });

  it('contributes the client\'s commands, each with a localised title and category', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(COMMAND_IDS).sort());
    for (const command of manifest.contributes.commands) {
      assert.match(command.title, /^%command\.\w+%$/u);
      assert.equal(command.category, '%command.category%');
    }
    for (const entries of Object.values(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok((Object.values(COMMAND_IDS) as string[]).includes(entry.command), entry.command);
    }
  });

  it('calls the server commands by the names the server registers', () => {
    assert.deepEqual(SERVER_COMMANDS, COMMANDS);
  });

  it('works in untrusted and virtual workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });
});

describe('manifest: localisation', () => {
  const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const nlsZh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;

  it('every %key% in package.json is in package.nls.json and package.nls.zh-cn.json, and no key is unused', () => {
    const used = new Set([...read('package.json').matchAll(/"%([\w.-]+)%"/gu)].map((m) => m[1]!));
    assert.deepEqual(Object.keys(nls).sort(), [...used].sort());
    assert.deepEqual(Object.keys(nlsZh).sort(), [...used].sort());
    for (const [key, text] of Object.entries(nlsZh)) assert.notEqual(text, '', key);
  });

  it('the Chinese strings are Chinese', () => {
    const untranslated = Object.entries(nlsZh).filter(([key, text]) => !/[\u4e00-\u9fff]/u.test(text) && !/^config\.(platform|severity)\./u.test(key) && text === nls[key]);
    assert.deepEqual(untranslated, []);
  });

  it('every vscode.l10n.t string of the client is in both l10n bundles, with the same placeholders', () => {
    const sources = readdirSync(path.join(ROOT, 'client/src')).filter((f) => f.endsWith('.ts'));
    const strings = new Set<string>();
    for (const file of sources) {
      const text = read(`client/src/${file}`);
      assert.doesNotMatch(text, /l10n\.t\(\s*[^'\s]/u, `${file}: l10n.t takes a string literal`);
      for (const match of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/gu)) strings.add(match[1]!.replace(/\\'/gu, "'"));
    }
    assert.ok(strings.size > 10);
    const en = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    const zh = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    assert.deepEqual(Object.keys(en).sort(), [...strings].sort());
    assert.deepEqual(Object.keys(zh).sort(), [...strings].sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/gu)].map((m) => m[0]).sort();
    for (const key of strings) {
      assert.equal(en[key], key);
      assert.deepEqual(placeholders(zh[key]!), placeholders(key), key);
      assert.match(zh[key]!, /[\u4e00-\u9fff]/u, key);
    }
  });
});

describe('manifest: packaging', () => {
  it('is a whitelist .vscodeignore', () => {
    const lines = read('.vscodeignore').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(lines.slice(1).every((l) => l.startsWith('!')), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('.map')), 'no source maps');
  });

  it('bundles everything: no runtime dependencies, dev dependencies pinned exactly', () => {
    assert.deepEqual(manifest.dependencies ?? {}, {});
    for (const [name, version] of Object.entries(manifest.devDependencies)) assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/u, name);
    assert.ok(!Object.keys(manifest.devDependencies).some((name) => /telemetry|applicationinsights/iu.test(name)));
  });

  it('points at the bundled client, the icon and the l10n folder, and targets the engine of its typings', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.ok(existsSync(path.join(ROOT, manifest.icon)));
    assert.equal(manifest.l10n, './l10n');
    assert.equal(manifest.engines.vscode, `^${manifest.devDependencies['@types/vscode']}`);
    assert.match(manifest.scripts.package ?? '', /^vsce package /u);
  });
});

describe('version', () => {
  it('is the same in the code (CLI --version, SARIF, serverInfo) and in package.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(VERSION, manifest.version);
  });
});
