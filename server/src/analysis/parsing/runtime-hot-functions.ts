/**
 * The tree-sitter runtime's functions that V8 optimises while the analysis reads the bench's 10k-line
 * file in each language (ts_parser_parse_wasm left out), by index as V8 numbers them (imports first).
 * Made by tools/dev/runtime-hot-functions.ts for web-tree-sitter 0.27.2; run it again when
 * web-tree-sitter changes. Used only for a runtime of exactly `runtimeBytes` bytes.
 */
export const RUNTIME_HOT_FUNCTIONS = {
  webTreeSitter: '0.27.2',
  runtimeBytes: 210688,
  functions: [10, 21, 22, 24, 25, 26, 34, 37, 38, 41, 43, 49, 51, 72, 73, 77, 85, 92, 94, 102, 114, 115, 151, 152, 156, 284],
} as const;
