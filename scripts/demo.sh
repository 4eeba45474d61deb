#!/usr/bin/env bash
# `make run`: the lab PBX, a demo phone at extension 200 (baresip: answers by itself, plays a
# 440 Hz tone) and DeskPhone as extension 101 in the terminal simulator, all on 127.0.0.1.
# Ctrl-C (or quitting the phone) stops everything this script started.
set -euo pipefail

configuration=${1:-Debug}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
lab=${LAB_DIR:-$root/.lab}
pbx_port=${PBX_PORT:-5060}
peer_port=${PEER_PORT:-$((pbx_port + 20))}
PATH="$PATH:/usr/sbin:/sbin"

pids=()
# Stops in reverse order of start, so the demo peer can still un-register with a live PBX;
# anything that takes more than 3 s is killed.
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$lab/pbx" "$lab/peer"
mkdir -p "$lab/pbx" "$lab/peer/sounds" "$lab/data"

# 1. The lab PBX.
"$root/tests/lab/run-pbx.sh" "$pbx_port" "$lab/pbx" >"$lab/pbx.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
  if kamcmd -s "unix:$lab/pbx/kamailio.ctl" core.version >/dev/null 2>&1; then break; fi
  sleep 0.2
done
kamcmd -s "unix:$lab/pbx/kamailio.ctl" core.version >/dev/null 2>&1 \
  || { echo "demo: the lab PBX did not start; see $lab/pbx.log" >&2; exit 1; }

# 2. The demo phone at 200: baresip with a sine source and a silent virtual player.
modules=/usr/lib/baresip/modules
cat >"$lab/peer/config" <<CONFIG
poll_method epoll
module_path $modules
sip_listen 127.0.0.1:$peer_port
net_interface 127.0.0.1
dns_server 127.0.0.1:53
statmode_default off
audio_path $lab/peer/sounds
audio_player aubridge,rx
audio_alert aubridge,alert
audio_source ausine,440
ausrc_srate 48000
ausrc_channels 2
module g711.so
module ausine.so
module aubridge.so
module_tmp account.so
module_app menu.so
CONFIG
echo "<sip:200@127.0.0.1:$pbx_port;transport=udp>;auth_pass=pw200;answermode=auto;audio_codecs=pcmu,pcma" >"$lab/peer/accounts"
: >"$lab/peer/contacts"
baresip -f "$lab/peer" </dev/null >"$lab/peer.log" 2>&1 &
pids+=($!)

# 3. DeskPhone as 101.
cat >"$lab/deskphone.json" <<JSON
{
  "Account": { "Extension": "101", "Password": "pw101", "DisplayName": "Desk 101" },
  "Sip": { "Registrar": "127.0.0.1:$pbx_port", "ListenAddress": "127.0.0.1", "ListenPort": 0 },
  "Simulator": { "CaptureSource": "Tone", "CaptureToneHz": 1000, "PlaybackSink": "Auto", "PlaybackWavPath": "earpiece.wav" },
  "Storage": { "DataDirectory": "data" },
  "Phone": { "Language": "En" }
}
JSON
echo "demo: PBX on udp 127.0.0.1:$pbx_port, demo phone 200 answers with a 440 Hz tone; you are 101."
dotnet "$root/firmware/DeskPhone/bin/$configuration/net10.0/deskphone.dll" --config "$lab/deskphone.json" "$@" || true
