#!/usr/bin/env bash
# Regenerates the typed client (src/api/schema.d.ts) from a running API's OpenAPI document:
#   API=http://localhost:5080 npm run generate
# A test fails when the committed client no longer matches the document.
set -euo pipefail
cd "$(dirname "$0")/.."
document=$(mktemp --suffix=.json)
trap 'rm -f "$document"' EXIT
curl -sf "${API:-http://localhost:5080}/swagger/v1/swagger.json" -o "$document"
npx --no-install openapi-typescript "$document" -o src/api/schema.d.ts
