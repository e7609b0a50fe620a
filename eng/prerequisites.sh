#!/usr/bin/env bash
# eng/prerequisites.sh run|test|image: install the packages of eng/prerequisites that this machine lacks.
# Silent when nothing is missing. As root it runs apt-get, otherwise sudo when that needs no password;
# otherwise it prints the one apt-get line that is needed and exits with 2.
set -euo pipefail
purpose=${1:?usage: eng/prerequisites.sh run|test|image}
list="$(dirname "$0")/prerequisites"

present() {
  local kind=${1%%:*} what=${1#*:}
  case $kind in
    command) command -v "$what" >/dev/null 2>&1 ;;
    file) compgen -G "$what" >/dev/null ;;
    font) command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ":lang=$what" file)" ] ;;
    *) echo "eng/prerequisites: unknown check '$1'" >&2; exit 1 ;;
  esac
}

missing=()
while read -r package check needed_by; do
  case $package in '' | '#'*) continue ;; esac
  needed_by=${needed_by%%—*}
  [[ " $needed_by " == *" $purpose "* ]] || continue
  present "$check" || missing+=("$package")
done < "$list"
[ ${#missing[@]} -eq 0 ] && exit 0

install="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "PointsLedger needs packages this machine lacks; as root, run:" >&2
  echo "  apt-get update && $install" >&2
  exit 2
fi
echo "installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
set +e
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive $install -qq 2>&1 >/dev/null | grep -v '^debconf: delaying package configuration' >&2
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || exit "$status"
# Debian's postgresql package starts a cluster of its own on 5432; ours start from the binaries alone.
if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h | awk '$4 == "online" { print $1, $2 }' | while read -r version cluster; do
    "${as_root[@]}" pg_ctlcluster "$version" "$cluster" stop || true
  done
fi
