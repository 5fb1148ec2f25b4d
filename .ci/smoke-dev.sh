#!/usr/bin/env bash
# A new user's first minutes: a clean clone of this repository, `npm install && npm run dev` with nothing set, the
# login page served and a demo account signed in. $1 = open (a directory anyone may enter) or private (mode 0700,
# as /root is: as root the embedded PostgreSQL runs as `postgres`, which cannot enter it).
set -euo pipefail
mode="${1:?open or private}"
src="$(cd "$(dirname "$0")/.." && pwd)"
base="$(mktemp -d "${SMOKE_BASE:-/tmp}/mbo-smoke-$mode-XXXXXX")"
if [ "$mode" = open ]; then chmod 755 "$base"; else chmod 700 "$base"; fi
clone="$base/markid-back-office"
port="${SMOKE_PORT:-3900}"
log="$base/dev.log"
git clone -q "$src" "$clone"
cd "$clone"

echo "-- $mode ($(stat -c %a "$base") $base): npm install"
npm install --no-audit --no-fund --prefer-offline >"$base/install.log" 2>&1 || { tail -20 "$base/install.log"; exit 1; }

echo "-- $mode: npm run dev"
# Its own process group, so that stopping it is Ctrl-C in a terminal: SIGINT to every process of the group.
setsid env -u DATABASE_URL -u MARKID_API_URL -u SMTP_URL PORT="$port" npm run dev >"$log" 2>&1 &
dev=$!
cleanup() {
  kill -INT -- "-$dev" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 -- "-$dev" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$dev" 2>/dev/null || true
  # As root in a 0700 clone the data lives outside it (the log says where); a smoke run keeps none of it.
  moved="$(sed -n 's/.* its data in \(\/var\/lib\/markid-backoffice\/data-[^ ]*\)\.$/\1/p' "$log" | head -n1)"
  if [ -n "$moved" ]; then rm -rf "$moved"; fi
}
trap cleanup EXIT

# Bounded: the first run initialises PostgreSQL, migrates, seeds and compiles the login page.
for _ in $(seq 1 300); do
  grep -q "Press Ctrl-C to stop everything" "$log" && break
  kill -0 "$dev" 2>/dev/null || { echo "npm run dev exited early:"; tail -30 "$log"; exit 1; }
  sleep 1
done
grep -q "Press Ctrl-C to stop everything" "$log" || { echo "npm run dev not ready within 300 s:"; tail -30 "$log"; exit 1; }
if grep -q "    at " "$log"; then echo "npm run dev printed a stack trace:"; cat "$log"; exit 1; fi

line="$(grep -E '^\s+OFFICER\s' "$log")" || { echo "no demo officer printed:"; cat "$log"; exit 1; }
read -r _ email password <<<"$line"
# Every account signs in with a second factor; the demo accounts' codes come from the dev stack's own command.
env -u DATABASE_URL node "$src/.ci/smoke-sign-in.mjs" "http://localhost:$port" "$email" "$password" \
  "npm run --silent dev:totp"
echo "-- $mode: passed"
