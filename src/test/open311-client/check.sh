#!/usr/bin/env bash
# Runs the npm package "open311" (a third-party GeoReport v2 client) against a running Luoshi:
#   bash src/test/open311-client/check.sh http://localhost:8080 o311_…   (an API key from POST /api/v1/appeals/open311-clients)
# The package's XML helpers (sparkxml from a git repository, xml2json with a native build) cannot be installed
# here, so they are replaced by stand-ins and the client is used in its JSON format.
set -euo pipefail
base=${1:?base URL}; key=${2:?api key}
work=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
cd "$work"
npm pack --silent open311@0.0.12 >/dev/null
tar xzf open311-0.0.12.tgz
npm init -y >/dev/null
npm install --silent --no-audit --no-fund request@2.11.4 lodash@0.6.1
mkdir -p node_modules/open311 node_modules/sparkxml node_modules/xml2json
cp package/open311.js package/cities.json package/package.json node_modules/open311/
echo "module.exports = { parseXml: function () { throw new Error('XML not available'); } };" > node_modules/sparkxml/index.js
echo "module.exports = { toJson: function () { throw new Error('XML not available'); } };" > node_modules/xml2json/index.js
cp "$here/run.js" .
node run.js "$base" "$key"
