#!/usr/bin/env bash
# Builds server/grammars/tree-sitter-swift.wasm from the sources in the
# tree-sitter-swift@0.7.1 npm tarball, with one fix to its external scanner
# (swift-scanner-calloc.patch: calloc(0, ...) -> calloc(1, ...), without which
# every parse after the first in a process mis-lexes raw strings).
#
#   tools/grammars/build-swift.sh           build, copy, update grammars.json
#   tools/grammars/build-swift.sh --check   build and fail if the committed wasm differs
#
# Needs Debian's `emscripten` package (apt-get install emscripten; 3.1.6 on
# bookworm, the version the committed file was built with). The build takes
# about 2-3 minutes and ~5 GB of memory: parser.c is ~540k lines.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tools/grammars"
OUT="$ROOT/server/grammars"
MANIFEST="$OUT/grammars.json"
PATCH="$HERE/swift-scanner-calloc.patch"
CHECK=0
[[ "${1:-}" == "--check" ]] && CHECK=1

PKG=tree-sitter-swift
VER=0.7.1
TARBALL_SHA256=abd89284f1b0f1375ba5efaa9ddf99ad4b16ac91fc7751ef10c5f013cca06f8c
EMCC_VERSION_EXPECTED=3.1.6

need() { command -v "$1" >/dev/null || { echo "build-swift.sh: '$1' is required${2:+ ($2)}" >&2; exit 1; }; }
need npm; need node; need tar; need patch; need sha256sum
need emcc "apt-get install emscripten"

# (sed reads all of emcc's output: with `head` emcc can die of a broken pipe.)
emcc_version="$(emcc --version | sed -nE '1s/.* ([0-9]+\.[0-9]+\.[0-9]+).*/\1/p')"
if [[ "$emcc_version" != "$EMCC_VERSION_EXPECTED" ]]; then
  echo "build-swift.sh: warning: emcc $emcc_version, the committed wasm was built with $EMCC_VERSION_EXPECTED; the output will differ" >&2
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "== npm pack $PKG@$VER"
(cd "$TMP" && npm pack --silent --json "$PKG@$VER" >pack.json)
tgz="$TMP/$(node -p 'require(process.argv[1])[0].filename' "$TMP/pack.json")"
integrity="$(node -p 'require(process.argv[1])[0].integrity' "$TMP/pack.json")"
actual_integrity="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$tgz")"
[[ "$integrity" == "$actual_integrity" ]] || { echo "build-swift.sh: tarball does not match the registry integrity" >&2; exit 1; }
tar_sha="$(sha256sum "$tgz" | cut -d' ' -f1)"
[[ "$tar_sha" == "$TARBALL_SHA256" ]] || { echo "build-swift.sh: tarball sha256 $tar_sha, expected $TARBALL_SHA256" >&2; exit 1; }
echo "tarball sha256 $tar_sha (ok)"

tar -xzf "$tgz" -C "$TMP" package/src
SRC="$TMP/package/src"
# parser.c is the ABI-14 table (the tarball also has parser_abi13.c / parser_abi14.c).
cmp -s "$SRC/parser.c" "$SRC/parser_abi14.c" || { echo "build-swift.sh: src/parser.c is not parser_abi14.c" >&2; exit 1; }

echo "== sources (before the patch)"
(cd "$SRC" && sha256sum parser.c scanner.c tree_sitter/*.h)

echo "== patch"
(cd "$TMP/package" && patch -p1 --forward --no-backup-if-mismatch <"$PATCH")
grep -q 'calloc(1, sizeof(struct ScannerState))' "$SRC/scanner.c"
(cd "$SRC" && sha256sum scanner.c | sed 's/$/  (patched)/')

echo "== emcc $emcc_version"
start=$(date +%s)
(
  cd "$SRC"
  set -x
  emcc -o tree-sitter-swift.wasm -Os -s WASM=1 -s SIDE_MODULE=2 -s TOTAL_MEMORY=33554432 -s NODEJS_CATCH_EXIT=0 \
    -s 'EXPORTED_FUNCTIONS=["_tree_sitter_swift"]' -fno-exceptions -fvisibility=hidden -I . parser.c scanner.c
)
echo "build took $(( $(date +%s) - start )) s"

wasm="$SRC/tree-sitter-swift.wasm"
sha="$(sha256sum "$wasm" | cut -d' ' -f1)"
size="$(stat -c %s "$wasm")"
echo "tree-sitter-swift.wasm $size bytes sha256 $sha"

if [[ $CHECK == 1 ]]; then
  if cmp -s "$wasm" "$OUT/tree-sitter-swift.wasm"; then echo "ok: identical to the committed file"; exit 0; fi
  echo "DIFFERS from the committed server/grammars/tree-sitter-swift.wasm" >&2; exit 1
fi

mkdir -p "$OUT"
install -m 0644 "$wasm" "$OUT/tree-sitter-swift.wasm"
node - "$MANIFEST" "$PKG" "$VER" "$tar_sha" "$sha" "$size" <<'EOF'
const fs = require('fs');
const [file, pkg, version, tarballSha256, sha256, size] = process.argv.slice(2);
const m = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { grammars: [] };
const entry = {
  id: 'swift', file: 'tree-sitter-swift.wasm', package: pkg, version, source: 'built',
  tarballSha256, sha256, size: Number(size), patch: 'tools/grammars/swift-scanner-calloc.patch',
};
const i = m.grammars.findIndex((g) => g.id === entry.id);
if (i >= 0) m.grammars[i] = { ...m.grammars[i], ...entry }; else m.grammars.push(entry);
fs.writeFileSync(file, JSON.stringify(m, null, 2) + '\n');
EOF
echo "updated $MANIFEST"
