#!/usr/bin/env bash
# Kills PostgreSQL (kill -9 of the postmaster) under eight clients of awards, starts it again, and prints
# what the clients saw: acknowledged awards, 503 answers while it was down, how soon awards resumed, and
# whether every acknowledged award is in the ledger once. About 30 s; exits 1 when any of that does not hold.
set -uo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
dotnet test tests/PointsLedger.Api.Tests --filter "FullyQualifiedName~DatabaseCrashTests" --logger "console;verbosity=detailed" >"$log" 2>&1
status=$?
grep -E "requests by|Passed!|Failed!|Error Message" -A2 "$log"
rm -f "$log"
exit "$status"
