#!/bin/sh
# Prometheus's file_sd targets for the replicas of the "app" service: one per address Docker's DNS
# gives for it, labelled with the replica id the replica itself reports (messageboard_info), as
# the other deployments label theirs. Rewritten every few seconds, atomically. POSIX sh: runs on
# busybox (the official Prometheus image) and on Debian (the stand-in).
set -eu

readonly service="${APP_SERVICE:-app}"
readonly port="${APP_MANAGEMENT_PORT:-9080}"
readonly out="${TARGETS_FILE:-/prometheus/messageboard.yml}"
readonly every="${REFRESH_SECONDS:-10}"

addresses() {
  if command -v getent >/dev/null 2>&1; then
    getent ahostsv4 "$service" | awk '{ print $1 }'
  else
    nslookup "$service" 2>/dev/null | awk '/^Address/ { print $NF }' | grep -v '^127\.'
  fi | grep -E '^[0-9]+(\.[0-9]+){3}$' | sort -u
}

replica_of() {
  wget -q -T 2 -O - "http://$1:$port/metrics" 2>/dev/null \
    | sed -n 's/^messageboard_info{.*replica="\([A-Za-z0-9._-]*\)".*/\1/p' | head -n 1
}

write_targets() {
  tmp="$out.tmp"
  : >"$tmp"
  for address in $(addresses); do
    replica="$(replica_of "$address" || true)"
    if [ -n "$replica" ]; then
      printf -- '- targets: ["%s:%s"]\n  labels: {replica: "%s"}\n' "$address" "$port" "$replica" >>"$tmp"
    else
      printf -- '- targets: ["%s:%s"]\n' "$address" "$port" >>"$tmp"
    fi
  done
  [ -s "$tmp" ] || echo '[]' >"$tmp"
  mv "$tmp" "$out"
}

# PID 1 in its container: stop at once on SIGTERM (the sleep runs in the background so the trap
# is not held up by it).
trap 'exit 0' TERM INT
while :; do
  write_targets || echo "write-app-targets: no targets this round" >&2
  sleep "$every" &
  wait $!
done
