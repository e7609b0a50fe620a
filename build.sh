#!/usr/bin/env bash
# ./build.sh run  — install what the app needs (eng/prerequisites), then serve it on http://localhost:5080
# ./build.sh test — install what the tests need, then run every test
# Arguments after the verb go to `dotnet run` / `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
verb=${1:-}
[ $# -gt 0 ] && shift
case $verb in
  run | test) ;;
  *) echo "usage: ./build.sh run|test [arguments for dotnet run or dotnet test]" >&2; exit 64 ;;
esac
command -v dotnet >/dev/null || { echo "the .NET SDK is required (version in global.json): https://dot.net" >&2; exit 2; }
bash eng/prerequisites.sh "$verb"
# The test command also lints the OpenAPI document and type-checks a client generated from it.
if [ "$verb" = test ] && [ ! -d samples/typescript-walkthrough/node_modules ]; then
  npm ci --prefix samples/typescript-walkthrough --no-audit --no-fund --loglevel=error >/dev/null
fi
case $verb in
  run) exec dotnet run --project src/PointsLedger.Api "$@" ;;
  test) exec dotnet test "$@" ;;
esac
