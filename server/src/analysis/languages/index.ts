/** The language table: source languages, their specs, and how LSP ids and file names map onto them. */
import type { SourceLanguage } from '../types';
import { arktsSpec } from './arkts';
import { javaSpec } from './java';
import { kotlinSpec } from './kotlin';
import { objcSpec } from './objc';
import type { LanguageSpec } from './spec';
import { swiftSpec } from './swift';
import { typescriptSpec } from './typescript';

const SPECS: Readonly<Record<SourceLanguage, LanguageSpec | undefined>> = {
  typescript: typescriptSpec,
  javascript: { ...typescriptSpec, id: 'javascript' },
  java: javaSpec,
  kotlin: kotlinSpec,
  swift: swiftSpec,
  objc: objcSpec,
  arkts: arktsSpec,
};

export function specFor(language: SourceLanguage): LanguageSpec | undefined {
  return SPECS[language];
}

/** LSP language ids (VS Code's, and `ets` from other ArkTS extensions) → our source languages. */
export const LSP_LANGUAGE_IDS: Readonly<Record<string, SourceLanguage>> = {
  typescript: 'typescript',
  typescriptreact: 'typescript',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  java: 'java',
  kotlin: 'kotlin',
  swift: 'swift',
  'objective-c': 'objc',
  objc: 'objc',
  arkts: 'arkts',
  ets: 'arkts',
};

const EXTENSIONS: Readonly<Record<string, SourceLanguage>> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescript',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.java': 'java',
  '.kt': 'kotlin',
  '.kts': 'kotlin',
  '.swift': 'swift',
  '.m': 'objc',
  '.mm': 'objc',
  '.h': 'objc',
  '.ets': 'arkts',
};

export function languageForFile(fileName: string): SourceLanguage | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[fileName.slice(dot).toLowerCase()];
}
