#!/usr/bin/env bash
# `make conformance`: starts the phone headless on 127.0.0.1, sends it every message of the RFC 4475
# and RFC 5118 torture corpora (../shared/conformance, beside the clone) with the corpus's own
# send_torture.py, and judges the replies against scripts/conformance-expected.tsv. Builds nothing:
# run `make build` (or `dotnet build`) first. Exit status 0 only when every message was handled as
# expected and the phone still answers OPTIONS afterwards.
#   scripts/conformance.sh [Debug|Release]
#   CONFORMANCE_REPORT=FILE  also writes the per-message Markdown table there (docs/conformance.md)
#   CONFORMANCE_RAW=FILE     also keeps send_torture.py's own report there
#   CONFORMANCE_TIMEOUT=S    seconds to wait for replies to each message (default 0.5)
set -euo pipefail

configuration=${1:-Debug}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "$root/.." && pwd)/shared/conformance
dll=$root/firmware/DeskPhone/bin/$configuration/net10.0/deskphone.dll

if [ ! -f "$corpus/send_torture.py" ]; then
  echo "conformance: the torture corpus is missing: $corpus/send_torture.py (shared/ must sit beside the clone)" >&2
  exit 1
fi
if [ ! -f "$dll" ]; then
  echo "conformance: $dll is not built; run 'make build CONFIGURATION=$configuration' first" >&2
  exit 1
fi

work=$(mktemp -d -t deskphone-conformance-XXXXXX)
phone=
cleanup() {
  if [ -n "$phone" ] && kill -0 "$phone" 2>/dev/null; then
    echo quit >&3 || true
    for _ in $(seq 1 50); do kill -0 "$phone" 2>/dev/null || break; sleep 0.1; done
    kill "$phone" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Two free loopback ports: the phone's, and one nobody listens on for its registrar, so it
# registers nowhere. The torture script itself listens on 5060, where the corpus's Vias send replies.
read -r port registrar < <(python3 -c '
import socket
socks = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')

cat >"$work/deskphone.json" <<JSON
{
  "Account": { "Extension": "101", "Password": "conformance" },
  "Sip": { "Registrar": "127.0.0.1:$registrar", "ListenAddress": "127.0.0.1", "ListenPort": $port },
  "Storage": { "DataDirectory": "data" }
}
JSON

# The headless phone reads commands on standard input; a FIFO held open keeps it running.
mkfifo "$work/commands"
exec 3<>"$work/commands"
dotnet "$dll" --config "$work/deskphone.json" --headless <"$work/commands" >"$work/phone.log" 2>&1 &
phone=$!
for _ in $(seq 1 150); do
  grep -q "Application started" "$work/phone.log" 2>/dev/null && break
  kill -0 "$phone" 2>/dev/null || break
  sleep 0.2
done
if ! grep -q "Application started" "$work/phone.log"; then
  echo "conformance: the phone did not start; its output:" >&2
  cat "$work/phone.log" >&2
  exit 1
fi

echo "conformance: phone on udp 127.0.0.1:$port; sending the RFC 4475 and RFC 5118 corpora"
# --txn-wait 0: corpus messages that reuse a branch with a new Call-ID are new requests to the
# phone (TransactionLayer.Repeats), so the run need not wait out Timer J between them.
python3 "$corpus/send_torture.py" "127.0.0.1:$port" --include-responses --txn-wait 0 \
  --timeout "${CONFORMANCE_TIMEOUT:-0.5}" \
  --dir "$corpus/rfc4475" --dir "$corpus/rfc5118" --dir "$corpus/rfc5118/crlf-derived" \
  >"$work/torture.txt" || true
if [ -n "${CONFORMANCE_RAW:-}" ]; then
  cp "$work/torture.txt" "$CONFORMANCE_RAW"
fi

judge=(python3 "$root/scripts/conformance_judge.py" "$work/torture.txt" "$root/scripts/conformance-expected.tsv")
if [ -n "${CONFORMANCE_REPORT:-}" ]; then
  judge+=(--markdown "$CONFORMANCE_REPORT")
fi
if ! "${judge[@]}"; then
  echo "conformance: the torture script's report:" >&2
  cat "$work/torture.txt" >&2
  exit 1
fi
