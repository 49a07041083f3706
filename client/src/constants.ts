/**
 * What the client serves and contributes, without importing `vscode`, so that the manifest test can
 * compare it with package.json and with the server's language table.
 */

/** Language ids the server analyses; package.json declares `onLanguage:<id>` for exactly these. */
export const SERVED_LANGUAGES = [
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'java',
  'kotlin',
  'swift',
  'objective-c',
  'arkts',
  // The id other ArkTS extensions (and DevEco-style setups) give .ets files.
  'ets',
] as const;

/**
 * Served by file name as well, whatever language id another extension gives them: VS Code has no
 * built-in Kotlin or ArkTS, and an ArkTS or Swift extension may name its language differently.
 */
export const SERVED_FILE_PATTERN = '**/*.{kt,kts,swift,ets}';

/** URI schemes served: local files, unsaved files and virtual workspaces (the server reads no files). */
export const SERVED_SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** The client's id: VS Code reads `oneloginCodes.trace.server` for it. */
export const CLIENT_ID = 'oneloginCodes';

/** Commands the extension contributes (package.json `contributes.commands`). */
export const COMMAND_IDS = {
  restartServer: 'oneloginCodes.restartServer',
  explain: 'oneloginCodes.explain',
  showCatalog: 'oneloginCodes.showCatalog',
  showOutput: 'oneloginCodes.showOutput',
} as const;

/** Commands the server implements (workspace/executeCommand); server/src/features/commands.ts. */
export const SERVER_COMMANDS = {
  explain: 'oneloginCodes.server.explain',
  catalog: 'oneloginCodes.server.catalog',
} as const;

/** Settings only the client reads (everything else under `oneloginCodes.` is the server's). */
export const CLIENT_SETTING_KEYS = ['trace.server'] as const;

/** Requests on documents larger than this (in UTF-16 units) show the "analysing" status item. */
export const LARGE_FILE_CHARS = 200 * 1024;

/** Webview panel types. */
export const VIEW_TYPES = {
  explain: 'oneloginCodes.explain',
  catalog: 'oneloginCodes.catalog',
} as const;
