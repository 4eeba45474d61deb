#!/usr/bin/env bash
# `make bench-compare`: our firmware (Native AOT, release, headless simulator) against baresip,
# side by side on this machine, inside a network namespace that has only loopback, against the
# lab PBX, with SIPp for calls and load. Prints min / median / max of each figure for both and
# the ratio ours/baresip; writes the table to artifacts/bench/results.md and into
# docs/performance.md. Needs root (ip netns). See docs/performance.md, "Side by side with baresip".
#
#   BENCH_RUNS=5            runs of figures 1-3 per phone, alternating ours / baresip
#   BENCH_CALL_SECONDS=30   length of each call
#   BENCH_G722_RUNS=3       runs of the G.722 call, when ours takes a G.722-only offer
#   BENCH_RAMP="50 100 250 500 1000 2000 4000 8000 16000"   MESSAGE and OPTIONS rates tried, per second
#   BENCH_STEP_SECONDS=5    length of each ramp step
#   BENCH_HOLD_SECONDS=30   length of the hold at the best clean rate
#   BENCH_FLOOD_RATE=2000   OPTIONS/s during the call of figure 5
#   BENCH_FLOOD_SECONDS=20  length of that flood
#   BENCH_PUBLISH=1         0 reuses the program already in artifacts/bench/publish
#   BENCH_WRITE_DOC=1       0 leaves docs/performance.md alone
#   BENCH_KEEP=0            1 keeps the working folder (configurations, logs, captures)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/artifacts/bench
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

export BENCH_RUNS=${BENCH_RUNS:-5}
export BENCH_CALL_SECONDS=${BENCH_CALL_SECONDS:-30}
export BENCH_G722_RUNS=${BENCH_G722_RUNS:-3}
export BENCH_RAMP=${BENCH_RAMP:-50 100 250 500 1000 2000 4000 8000 16000}
export BENCH_STEP_SECONDS=${BENCH_STEP_SECONDS:-5}
export BENCH_HOLD_SECONDS=${BENCH_HOLD_SECONDS:-30}
export BENCH_FLOOD_RATE=${BENCH_FLOOD_RATE:-2000}
export BENCH_FLOOD_SECONDS=${BENCH_FLOOD_SECONDS:-20}

[ "$(id -u)" -eq 0 ] || { echo "bench: needs root, for ip netns" >&2; exit 1; }
for tool in ip kamailio kamcmd baresip sipp tcpdump sox ffmpeg python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing: run 'make bench-compare' (it installs what it needs)" >&2; exit 1; }
done

started=$(date +%s)
load=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$out"
deskphone=$out/publish/deskphone
if [ "${BENCH_PUBLISH:-1}" != 0 ]; then
  echo "bench: publishing the firmware for linux-x64 (Native AOT, Release) into ${out#"$root"/}/publish"
  rm -rf "$out/publish"
  # The intermediate files go to artifacts/bench/build: the ordinary bin/ and obj/ stay untouched.
  dotnet publish "$root/firmware/DeskPhone/DeskPhone.csproj" -nologo -v quiet -c Release -r linux-x64 \
    --artifacts-path "$out/build" -o "$out/publish"
fi
[ -x "$deskphone" ] || { echo "bench: $deskphone is missing (BENCH_PUBLISH=0 needs an earlier publish)" >&2; exit 1; }

work=$(mktemp -d /tmp/deskphone-bench.XXXXXX)
namespace=deskphone-bench-$$
# Whatever still runs in the namespace was started by this run: stop it by PID, then remove the
# namespace. The working folder stays when the run failed (or BENCH_KEEP=1), for its logs.
cleanup() {
  local status=$?
  if ip netns list | grep -qw "$namespace"; then
    for pid in $(ip netns pids "$namespace"); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns delete "$namespace"
  fi
  if [ "$status" -eq 0 ] && [ "${BENCH_KEEP:-0}" != 1 ]; then
    rm -rf "$work"
  else
    echo "bench: working folder kept: $work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$namespace"
ip netns exec "$namespace" ip link set lo up
echo "bench: network namespace $namespace (loopback only), working folder $work"

results=$out/results.tsv
ip netns exec "$namespace" "$here/inner.sh" "$work" "$results" "$deskphone"

elapsed=$(($(date +%s) - started))
# Shown above the table: the machine and the versions of everything compared.
version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null | sed 's/^[0-9]*://; s/[-+~].*//'; }
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
  echo "versions=.NET SDK $(dotnet --version), baresip $(version baresip-core), Kamailio $(version kamailio), SIPp $(version sip-tester)"
  echo "load=$load"
  echo "command=make bench-compare"
  echo "settings=BENCH_RUNS=$BENCH_RUNS, BENCH_CALL_SECONDS=$BENCH_CALL_SECONDS, BENCH_RAMP=\"$BENCH_RAMP\", BENCH_STEP_SECONDS=$BENCH_STEP_SECONDS, BENCH_HOLD_SECONDS=$BENCH_HOLD_SECONDS, BENCH_FLOOD_RATE=$BENCH_FLOOD_RATE, BENCH_FLOOD_SECONDS=$BENCH_FLOOD_SECONDS"
  echo "duration=$((elapsed / 60)) min $((elapsed % 60)) s"
  echo "step_seconds=$BENCH_STEP_SECONDS"
  echo "hold_seconds=$BENCH_HOLD_SECONDS"
  echo "flood_rate=$BENCH_FLOOD_RATE"
} >"$out/meta.txt"

echo
doc=()
if [ "${BENCH_WRITE_DOC:-1}" != 0 ]; then doc=("$root/docs/performance.md"); fi
python3 "$here/table.py" "$results" "$out/meta.txt" "$out/results.md" "${doc[@]}"
echo
echo "bench: done in $((elapsed / 60)) min $((elapsed % 60)) s; table in ${out#"$root"/}/results.md${doc:+ and docs/performance.md}"
