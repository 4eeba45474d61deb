#!/usr/bin/env bash
# The figures of `make bench-compare`, run by run.sh inside a network namespace that has only
# loopback: the lab PBX, then each figure for ours and baresip in turn (A/B), one phone process
# at a time. Every process it starts is stopped when it ends.
# Usage (from run.sh only): inner.sh WORK_DIR RESULTS_TSV DESKPHONE_PROGRAM
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$1
results=$2
deskphone=$3
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

runs=$BENCH_RUNS
call_seconds=$BENCH_CALL_SECONDS
g722_runs=$BENCH_G722_RUNS
ramp=$BENCH_RAMP
step_seconds=$BENCH_STEP_SECONDS
hold_seconds=$BENCH_HOLD_SECONDS
flood_rate=$BENCH_FLOOD_RATE
flood_seconds=$BENCH_FLOOD_SECONDS
idle_settle_seconds=2
pbx_port=5060
clock_ticks=$(getconf CLK_TCK)

# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/phones.sh
source "$here/lib/phones.sh"
# shellcheck source=lib/startup.sh
source "$here/lib/startup.sh"
# shellcheck source=lib/call.sh
source "$here/lib/call.sh"
# shellcheck source=lib/load.sh
source "$here/lib/load.sh"
# shellcheck source=lib/flood.sh
source "$here/lib/flood.sh"

trap stop_all EXIT
: >"$results"

# What SIPp streams to the phone: a 440 Hz tone, looped by SIPp for the whole call.
mkdir -p "$work/media"
sox -n -r 8000 -c 1 -e u-law "$work/media/audio-pcmu.wav" synth 12 sine 440 vol 0.5

"$root/tests/lab/run-pbx.sh" "$pbx_port" "$work/pbx" >"$work/pbx.log" 2>&1 &
track $!
for _ in $(seq 1 100); do
  kamcmd -s "unix:$work/pbx/kamailio.ctl" core.version >/dev/null 2>&1 && break
  sleep 0.1
done
kamcmd -s "unix:$work/pbx/kamailio.ctl" core.version >/dev/null 2>&1 \
  || { echo "bench: the lab PBX did not start; see $work/pbx.log" >&2; exit 1; }
say "lab PBX (Kamailio) on udp 127.0.0.1:$pbx_port; ours is 101 on :5070, baresip 102 on :5080"

say "1-2. start -> REGISTER 200 OK, and memory when idle ($runs runs each, alternating)"
startup_run ours warm-up
startup_run baresip warm-up
for ((run = 1; run <= runs; run++)); do
  for phone in ours baresip; do startup_run "$phone" "$run" || true; done
done

say "3. a ${call_seconds} s G.711 (PCMU) call from SIPp to the phone ($runs runs each, alternating)"
for ((run = 1; run <= runs; run++)); do
  for phone in ours baresip; do call_run "$phone" pcmu "$run" || true; done
done

sox -n -r 16000 -c 1 -b 16 -e signed-integer "$work/media/audio-16k.wav" synth 12 sine 440 vol 0.5
ffmpeg -loglevel error -y -i "$work/media/audio-16k.wav" -acodec g722 -f g722 "$work/media/audio.g722"
if accepts_codec ours g722; then
  say "3. a ${call_seconds} s G.722 call ($g722_runs runs each, alternating)"
  for ((run = 1; run <= g722_runs; run++)); do
    for phone in ours baresip; do call_run "$phone" g722 "$run" || true; done
  done
else
  say "3. G.722: ours does not take a call that offers only G.722; not compared (see $work/ours-probe-g722/out.log)"
  record note g722 "G.722 call: not compared, ours refused a call offering only G.722."
fi

say "4. MESSAGE and OPTIONS straight to the phone: ${step_seconds} s steps of $ramp /s, best clean rate held ${hold_seconds} s"
for method in message options; do
  for phone in ours baresip; do load_run "$phone" "$method" || true; done
done

say "5. a call while ${flood_rate} OPTIONS/s reach the phone for ${flood_seconds} s"
for phone in ours baresip; do flood_run "$phone" || true; done
