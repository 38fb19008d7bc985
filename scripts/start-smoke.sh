#!/usr/bin/env bash
# The README's first command, for real: `npm start` (in memory) answers GET /v1/health within 120 s.
# The tests transpile TypeScript themselves; only a real start meets Node's own type stripping
# (it once refused a parameter property, and `npm start` did not start while every test passed).
set -uo pipefail
cd "$(dirname "$0")/.."
port="${SMOKE_PORT:-3997}"
log="$(mktemp)"
DATA_DIR=:memory: PORT="$port" setsid npm start </dev/null >"$log" 2>&1 &
group=$!
healthy=1
for _ in $(seq 1 240); do
  if node -e "fetch('http://127.0.0.1:$port/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    healthy=0
    break
  fi
  kill -0 "$group" 2>/dev/null || break
  sleep 0.5
done
kill -INT -- "-$group" 2>/dev/null
sleep 2
kill -KILL -- "-$group" 2>/dev/null
if [ "$healthy" -ne 0 ]; then
  echo "start-smoke: npm start did not answer GET /v1/health; its output:"
  cat "$log"
  exit 1
fi
echo "start-smoke: npm start answered GET /v1/health"
