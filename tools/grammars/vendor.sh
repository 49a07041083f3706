#!/usr/bin/env bash
# Re-creates the tree-sitter grammar wasm files that ship inside npm packages
# (see server/grammars/PROVENANCE.md) and records their sha256s in
# server/grammars/grammars.json.
#
#   tools/grammars/vendor.sh            fetch, verify, copy, update grammars.json
#   tools/grammars/vendor.sh --check    fetch, verify, and fail if a committed wasm differs
#
# Each tarball is fetched with `npm pack <pkg>@<ver>` into a temp dir, checked
# against the registry's sha512 integrity and against the sha256 pinned below
# (to move to a new version, change the version and the pin together),
# and only the one .wasm file is extracted from it. Nothing is installed.
# The Swift grammar is not here: it is built from source by build-swift.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/server/grammars"
MANIFEST="$OUT/grammars.json"
CHECK=0
[[ "${1:-}" == "--check" ]] && CHECK=1

# id | package | version | tarball sha256 | path of the wasm inside the tarball
GRAMMARS=(
  "typescript|tree-sitter-typescript|0.23.2|0fdf63c35930a75885145d75ee63cb879da2d49db9bfe454bd8e60b08ba778a1|package/tree-sitter-typescript.wasm"
  "tsx|tree-sitter-typescript|0.23.2|0fdf63c35930a75885145d75ee63cb879da2d49db9bfe454bd8e60b08ba778a1|package/tree-sitter-tsx.wasm"
  "java|tree-sitter-java|0.23.5|6b6c1b62605f9d8bb80efd2ebe5951a87b182faafa3eeb67c460a667818551b6|package/tree-sitter-java.wasm"
  "kotlin|@tree-sitter-grammars/tree-sitter-kotlin|1.1.0|28916be3fdb0487dbd4fd0ea62281f969f15cab2bf13132ceb18d2fb167aa697|package/tree-sitter-kotlin.wasm"
  "objc|tree-sitter-objc|3.0.2|80aef8ca93c152de27e019a7a2eca394dfba36159f4e953bf39749eb9c96a3ab|package/tree-sitter-objc.wasm"
)

need() { command -v "$1" >/dev/null || { echo "vendor.sh: '$1' is required" >&2; exit 1; }; }
need npm; need node; need tar; need sha256sum

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# Upserts one entry of grammars.json (keeps other entries and their order).
update_manifest() { # id file package version source tarballSha256 sha256 size
  node - "$MANIFEST" "$@" <<'EOF'
const fs = require('fs');
const [file, id, wasm, pkg, version, source, tarballSha256, sha256, size] = process.argv.slice(2);
const m = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { grammars: [] };
const entry = { id, file: wasm, package: pkg, version, source, tarballSha256, sha256, size: Number(size) };
const i = m.grammars.findIndex((g) => g.id === id);
if (i >= 0) m.grammars[i] = { ...m.grammars[i], ...entry }; else m.grammars.push(entry);
fs.writeFileSync(file, JSON.stringify(m, null, 2) + '\n');
EOF
}

declare -A FETCHED=()
status=0
for line in "${GRAMMARS[@]}"; do
  IFS='|' read -r id pkg ver pin inner <<<"$line"
  spec="$pkg@$ver"
  dir="$TMP/${spec//[\/@]/_}"
  if [[ -z "${FETCHED[$spec]:-}" ]]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent --json "$spec" >pack.json)
    tgz="$dir/$(node -p 'require(process.argv[1])[0].filename' "$dir/pack.json")"
    integrity="$(node -p 'require(process.argv[1])[0].integrity' "$dir/pack.json")"
    actual_integrity="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$tgz")"
    if [[ "$integrity" != "$actual_integrity" ]]; then
      echo "vendor.sh: $spec: tarball does not match the registry integrity" >&2; exit 1
    fi
    FETCHED[$spec]="$tgz"
  fi
  tgz="${FETCHED[$spec]}"
  tar_sha="$(sha256sum "$tgz" | cut -d' ' -f1)"
  if [[ "$pin" != "$tar_sha" ]]; then
    echo "vendor.sh: $spec: tarball sha256 $tar_sha, expected $pin" >&2; exit 1
  fi
  file="$(basename "$inner")"
  tar -xzf "$tgz" -C "$dir" "$inner"
  sha="$(sha256sum "$dir/$inner" | cut -d' ' -f1)"
  size="$(stat -c %s "$dir/$inner")"
  if [[ $CHECK == 1 ]]; then
    if [[ -f "$OUT/$file" ]] && cmp -s "$dir/$inner" "$OUT/$file"; then
      echo "ok       $file  $sha"
    else
      echo "DIFFERS  $file  (registry: $sha)"; status=1
    fi
    continue
  fi
  cp "$dir/$inner" "$OUT/$file"
  update_manifest "$id" "$file" "$pkg" "$ver" npm "$tar_sha" "$sha" "$size"
  printf '%-28s %9s bytes  sha256 %s  (tarball %s)\n' "$file" "$size" "$sha" "$tar_sha"
done
exit $status
