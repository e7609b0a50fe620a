#!/usr/bin/env bash
# The backup drill: dump a township's database, restore it into a fresh PostgreSQL cluster, let the app
# serve the copy, and check it: the same events byte for byte, and the notice audit finding 0 mismatches.
#
#   deploy/backup-drill.sh postgresql://postgres@127.0.0.1:5432/pointsledger
#
# APP names the command that runs the API (default: `dotnet run --project src/PointsLedger.Api --no-build --`);
# it is started in Development against the copy, so it needs no secrets. Exits 1 when the copy differs.
set -euo pipefail
source_db=${1:?usage: deploy/backup-drill.sh SOURCE_DATABASE_URL}
app=${APP:-dotnet run --project src/PointsLedger.Api --no-build --}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres=()
[ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)

work=$(mktemp -d)
chmod 755 "$work"
port=$(( 20000 + RANDOM % 20000 ))
app_port=$(( 40000 + RANDOM % 20000 ))
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

started=$(date +%s.%N)
"$bin/pg_dump" --format=custom --file="$work/township.dump" "$source_db"
dumped=$(date +%s.%N)
mkdir "$work/data"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/data"
"${as_postgres[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_postgres[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/data/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work/data" start >/dev/null
copy="postgresql://postgres@127.0.0.1:$port/pointsledger"
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres pointsledger
"$bin/pg_restore" --no-owner --exit-on-error --dbname="$copy" "$work/township.dump"
restored=$(date +%s.%N)

fingerprint() {
  "$bin/psql" -At -d "$1" -c "select count(*) || ' events, ' || md5(string_agg(id::text || data::text, '|' order by seq_id)) from ledger.mt_events"
}
original=$(fingerprint "$source_db")
copied=$(fingerprint "$copy")
[ "$original" = "$copied" ] || { echo "the restored events differ: $copied, not $original" >&2; exit 1; }

export ConnectionStrings__PointsLedger="Host=127.0.0.1;Port=$port;Database=pointsledger;Username=postgres"
export ASPNETCORE_ENVIRONMENT=Development
audit=$($app audit-notices 2>&1) || { echo "$audit" >&2; echo "the notice audit found mismatches in the copy" >&2; exit 1; }
audit=$(grep -o '[0-9]* notices checked, [0-9]* mismatches' <<<"$audit")
$app --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$app_port/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$app_port/health/ready" >/dev/null || { cat "$work/app.log" >&2; echo "the app did not serve the copy" >&2; exit 1; }
token=$(curl -sf -X POST "http://127.0.0.1:$app_port/api/auth/dev-token" -H 'content-type: application/json' -d '{"role":"admin"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
villages=$(curl -sf "http://127.0.0.1:$app_port/api/villages" -H "authorization: Bearer $token" | grep -o '"villageId"' | wc -l)

awk -v size="$(du -k "$work/township.dump" | cut -f1)" -v a="$started" -v b="$dumped" -v c="$restored" -v events="$copied" -v audit="$audit" -v villages="$villages" \
  'BEGIN { printf "dump %d KB in %.1f s, restore in %.1f s; %s, the same as the original; %s; the app served it (%d villages)\n", size, b - a, c - b, events, audit, villages }'
