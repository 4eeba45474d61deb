#!/usr/bin/env bash
# `make image-check`: boots a copy of the image from `make image` in a virtual arm64 machine
# (qemu-system-aarch64 -M virt, with the kernel and initrd taken from the image's boot partition)
# and checks, against the lab PBX (tests/lab) and a baresip, that:
#   1. the boot partition's deskphone.json and authorized_keys are imported and the service starts;
#   2. the phone registers to the PBX (the time from power-on is reported);
#   3. the service runs as its own user with RLIMIT_RTPRIO, and the systemd watchdog is fed
#      (still the same process after more than WatchdogSec);
#   4. the phone answers OPTIONS with 200;
#   5. a call from baresip (extension 200) through the PBX reaches it (180 Ringing);
#   6. `systemctl poweroff` shuts everything down cleanly: the phone un-registers, the machine
#      powers off by itself, and the root file system is marked clean.
#
# Network: everything runs inside a network namespace made here with no route out: its loopback,
# and a tap device that links it to the virtual machine only (the namespace is 10.0.2.2, the phone
# 10.0.2.15, set by `ip=` on the kernel command line). Nothing can reach an address outside it.
# Logs (serial console, PBX, baresip, the phone's journal) are kept in artifacts/image/check/.
#
# Needs root (namespace, tap device) and (installed by `make image-check`): qemu-system-arm, kamailio,
# baresip-core, sip-tester, mtools, fdisk, e2fsprogs, openssh-client.
# Without KVM (an x86 machine emulating arm64) the virtual machine is slow: minutes, not seconds.
# Usage: check-image.sh [IMAGE]   (default artifacts/image/deskphone.img)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
image=${1:-$root/artifacts/image/deskphone.img}
logs=${IMAGE_CHECK_LOGS:-$root/artifacts/image/check}
boot_timeout=${IMAGE_CHECK_BOOT_TIMEOUT:-900}
ns=deskphone-check-$$
pbx=10.0.2.2
phone=10.0.2.15
PATH="$PATH:/usr/sbin:/sbin"
started=$SECONDS

log() { printf 'image-check: [%4d s] %s\n' $((SECONDS - started)) "$*"; }
fail() {
  log "FAIL: $*"
  [ -f "$logs/console.log" ] && { echo "--- last lines of the serial console ($logs/console.log):"; tail -n 25 "$logs/console.log"; }
  exit 1
}

[ "$(id -u)" = 0 ] || fail "needs root (network namespace and tap device)"
for tool in qemu-system-aarch64 kamailio kamcmd baresip sipp mcopy mdir sfdisk debugfs dumpe2fs ssh ssh-keygen journalctl ip; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run 'make image-check' (it installs what it needs)"
done
[ -f "$image" ] || fail "$image does not exist: run 'make image'"

work=$(mktemp -d "${TMPDIR:-/tmp}/deskphone-check.XXXXXX")
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
    kill -9 "${pids[i]}" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  ip netns delete "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$logs"
mkdir -p "$logs"
# Background processes are started with `ip netns exec` itself, not through this function, so
# that $! is the process (ip execs it) and cleanup can stop it.
in_ns() { ip netns exec "$ns" "$@"; }

# --- The disk: a copy (the virtual machine writes to it), with the administrator's two files. ---
disk=$work/disk.img
cp --sparse=always "$image" "$disk"
# "…/disk.img1 : start=        2048, size=      524288, type=c, bootable" -> "2048 524288"
partition() {
  sfdisk --dump "$disk" | awk -v name="$disk$1" '$1 == name {
    for (i = 2; i < NF; i++) { if ($i == "start=") start = $(i + 1) + 0; if ($i == "size=") size = $(i + 1) + 0 }
    print start, size }'
}
read -r boot_start _ < <(partition 1)
read -r root_start root_sectors < <(partition 2)
fat="$disk@@$((boot_start * 512))"
export MTOOLS_SKIP_CHECK=1

kernel=$(mdir -b -i "$fat" :: | grep -o 'vmlinuz-[^ ]*$' | sort -V | tail -n 1)
initrd=$(mdir -b -i "$fat" :: | grep -o 'initrd.img-[^ ]*$' | sort -V | tail -n 1)
[ -n "$kernel" ] && [ -n "$initrd" ] || fail "no vmlinuz-*/initrd.img-* on the image's boot partition"
mcopy -i "$fat" "::$kernel" "$work/vmlinuz"
mcopy -i "$fat" "::$initrd" "$work/initrd.img"

ssh-keygen -q -t ed25519 -N '' -C image-check -f "$work/id"
cat >"$work/deskphone.json" <<JSON
{
  "Account": { "Extension": "101", "Password": "pw101", "DisplayName": "Image check" },
  "Sip": { "Registrar": "$pbx:5060", "ListenAddress": "0.0.0.0", "ListenPort": 5060 },
  "Hal": { "Kind": "Simulator" },
  "Simulator": { "CaptureSource": "Tone", "PlaybackSink": "Auto", "PlaybackWavPath": "/var/lib/deskphone/earpiece.wav" },
  "Storage": { "DataDirectory": "/var/lib/deskphone" }
}
JSON
mcopy -i "$fat" "$work/deskphone.json" ::deskphone.json
mcopy -i "$fat" "$work/id.pub" ::authorized_keys

# --- The namespace: loopback and a tap to the virtual machine, no route anywhere else. ---
ip netns add "$ns"
in_ns ip link set lo up
in_ns ip tuntap add dev tap0 mode tap
in_ns ip address add "$pbx/24" dev tap0
in_ns ip link set tap0 up
in_ns ip route show | grep -q '^default' && fail "the check's namespace has a default route"

# --- The lab PBX: tests/lab's Kamailio configuration, as tests/lab/run-pbx.sh starts it, with a
# second listening address on the tap side for the phone (run-pbx.sh listens on 127.0.0.1 only). ---
mkdir -p "$work/pbx/db"
cp "$root/tests/lab/users.htable" "$work/pbx/db/users"
ip netns exec "$ns" kamailio -DD -E -f "$root/tests/lab/kamailio.cfg" -Y "$work/pbx" -m 32 -M 4 \
  -A LAB_PORT=5060 -A "LAB_CTL=\"unix:$work/pbx/kamailio.ctl\"" -A "LAB_DB_URL=\"text://$work/pbx/db\"" \
  -l "udp:$pbx:5060" >"$logs/pbx.log" 2>&1 &
pids+=($!)
kam() { kamcmd -s "unix:$work/pbx/kamailio.ctl" "$@"; }
# kamcmd exits 0 even when the PBX answers with an error, so look for the binding itself.
registered() { kam ul.lookup location s:101 2>&1 | grep -q 'AoR: 101'; }
for _ in $(seq 1 50); do kam core.version >/dev/null 2>&1 && break; sleep 0.2; done
kam core.version >/dev/null 2>&1 || fail "the lab PBX did not start; see $logs/pbx.log"
log "lab PBX on udp:$pbx:5060 inside namespace $ns"

# --- Power on. ---
append="root=LABEL=deskroot rw rootwait console=ttyAMA0 net.ifnames=0"
append+=" ip=$phone::$pbx:255.255.255.0:deskphone:eth0:off modules_load=snd-aloop"
# IMAGE_CHECK_KERNEL_ARGS adds to it, e.g. systemd.journald.forward_to_console=1 to see the journal.
append+=" ${IMAGE_CHECK_KERNEL_ARGS:-}"
ip netns exec "$ns" qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 1024 \
  -kernel "$work/vmlinuz" -initrd "$work/initrd.img" -append "$append" \
  -drive "file=$disk,format=raw,if=none,id=disk" -device virtio-blk-pci,drive=disk \
  -netdev tap,id=net,ifname=tap0,script=no,downscript=no -device virtio-net-pci,netdev=net,romfile= \
  -display none -monitor none -serial "file:$logs/console.log" -no-reboot </dev/null >"$logs/qemu.log" 2>&1 &
qemu=$!
pids+=("$qemu")
powered_on=$SECONDS
log "virtual machine started ($kernel, TCG unless /dev/kvm); waiting for the phone to register"

# --- 2. Registered. ---
until registered; do
  kill -0 "$qemu" 2>/dev/null || fail "the virtual machine stopped before the phone registered"
  [ $((SECONDS - powered_on)) -lt "$boot_timeout" ] || fail "the phone did not register within $boot_timeout s"
  sleep 2
done
registered_after=$((SECONDS - powered_on))
log "PASS: registered to the PBX $registered_after s after power-on"

# --- 1. and 3. The service, seen from inside. ---
on_phone() {
  in_ns ssh -i "$work/id" -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o LogLevel=ERROR -o ConnectTimeout=10 "root@$phone" "$@"
}
for _ in $(seq 1 60); do on_phone true 2>/dev/null && break; sleep 5; done
on_phone true || fail "no SSH to the phone: the boot partition's authorized_keys was not imported"
imported=$(on_phone "stat -c '%a %U:%G' /etc/deskphone/deskphone.json" || true)
[ "$imported" = "640 root:deskphone" ] || fail "/etc/deskphone/deskphone.json is '$imported', not 640 root:deskphone"
on_phone test ! -e /boot/firmware/deskphone.json || fail "deskphone.json (with the password) is still on the boot partition"
log "PASS: deskphone.json (now 640 root:deskphone, gone from the card) and authorized_keys imported"

property() { on_phone systemctl show deskphone.service --value -p "$1"; }
# Active once the firmware has sent READY=1 (Type=notify), which may come after the REGISTER.
for _ in $(seq 1 60); do [ "$(property ActiveState)" = active ] && break; sleep 2; done
[ "$(property ActiveState)" = active ] || fail "deskphone.service is $(property ActiveState) $(property SubState)"
pid=$(property MainPID)
user=$(on_phone ps -o user= -p "$pid" | tr -d ' ')
[ "$user" = deskphone ] || fail "the phone runs as '$user', not deskphone"
rtprio=$(on_phone cat "/proc/$pid/limits" | awk '/^Max realtime priority/ { print $4 }')
[ "$rtprio" = 50 ] || fail "the phone's RLIMIT_RTPRIO is '$rtprio', not 50"
log "PASS: deskphone.service active (pid $pid, user $user, RLIMIT_RTPRIO $rtprio, watchdog $(property WatchdogUSec))"
on_phone systemd-analyze security --no-pager deskphone.service >"$logs/security.txt" 2>&1 || true
log "      $(grep -o 'Overall exposure level.*' "$logs/security.txt" || echo 'systemd-analyze security: see security.txt')"

# --- 4. OPTIONS. ---
sipp_log=$logs/sipp-options.log
if ! in_ns sipp -sf "$root/image/check/options.xml" -s 101 -i "$pbx" -p 5071 -m 1 \
  -timeout 30s -timeout_error -nostdin -trace_msg -message_file "$sipp_log" "$phone:5060" >/dev/null 2>&1; then
  fail "the phone did not answer OPTIONS with 200; see $sipp_log"
fi
log "PASS: the phone answers OPTIONS with 200"

# --- 5. A call from baresip at extension 200, through the PBX. ---
mkdir -p "$work/peer"
cat >"$work/peer/config" <<CONFIG
poll_method epoll
module_path /usr/lib/baresip/modules
sip_listen $pbx:5080
net_interface $pbx
dns_server 127.0.0.1:53
statmode_default off
audio_player aubridge,rx
audio_alert aubridge,alert
audio_source ausine,440
module g711.so
module ausine.so
module aubridge.so
module_tmp account.so
module_app menu.so
CONFIG
echo "<sip:200@$pbx;transport=udp>;auth_pass=pw200;regint=0;audio_codecs=pcmu,pcma" >"$work/peer/accounts"
: >"$work/peer/contacts"
ip netns exec "$ns" baresip -f "$work/peer" -s -t 30 -e "/dial 101" </dev/null >"$logs/baresip.log" 2>&1 &
peer=$!
pids+=("$peer")
for _ in $(seq 1 150); do
  grep -q '^SIP/2.0 180 ' "$logs/baresip.log" && break
  kill -0 "$peer" 2>/dev/null || break
  sleep 0.2
done
grep -q '^SIP/2.0 180 ' "$logs/baresip.log" || fail "baresip's call to 101 did not ring the phone; see $logs/baresip.log"
on_phone journalctl -u deskphone.service --no-pager | grep -q 'Incoming call from 200' \
  || fail "the phone's log does not show the incoming call from 200"
log "PASS: a call from baresip (200) through the PBX rings the phone (180 Ringing)"
wait "$peer" 2>/dev/null || true

# The watchdog: still the same process well after WatchdogSec (30 s) since it started.
watchdog_usec=$(property WatchdogUSec | sed 's/s$//')
until [ $((SECONDS - powered_on - registered_after)) -ge 45 ]; do sleep 5; done
[ "$(property MainPID)" = "$pid" ] && [ "$(property NRestarts)" = 0 ] \
  || fail "the phone was restarted (watchdog not fed?); NRestarts=$(property NRestarts)"
log "PASS: systemd watchdog fed (same process, no restart, after more than $watchdog_usec s)"

# --- 6. Clean shutdown. ---
on_phone journalctl -b -o short-monotonic --no-pager >"$logs/journal-before-poweroff.txt" 2>&1 || true
shutdown_started=$SECONDS
on_phone systemctl poweroff >/dev/null 2>&1 || true
for _ in $(seq 1 120); do kill -0 "$qemu" 2>/dev/null || break; sleep 2; done
kill -0 "$qemu" 2>/dev/null && fail "the virtual machine did not power off within 240 s"
shutdown_took=$((SECONDS - shutdown_started))
grep -q 'reboot: Power down' "$logs/console.log" || fail "the kernel did not power down cleanly"
# On SIGTERM the firmware sends its de-REGISTER, answers the PBX's challenge and waits (bounded)
# for the answer before it exits, so the PBX must no longer hold the binding.
registered && fail "the PBX still has the phone's binding after the shutdown: its de-REGISTER did not complete"

dd if="$disk" of="$work/root.ext4" bs=4M iflag=skip_bytes,count_bytes skip=$((root_start * 512)) \
  count=$((root_sectors * 512)) conv=sparse status=none
state=$(dumpe2fs -h "$work/root.ext4" 2>/dev/null | awk -F: '/^Filesystem state/ { gsub(/ /, "", $2); print $2 }')
[ "$state" = clean ] || fail "the root file system is '$state' after the shutdown"
debugfs -R "rdump /var/log/journal $work" "$work/root.ext4" >/dev/null 2>&1
journalctl -D "$work/journal" -o short-monotonic --no-pager -u deskphone.service -u deskphone-import.service >"$logs/deskphone.journal.txt" 2>&1 || true
grep -q 'Stopped deskphone.service\|deskphone.service: Deactivated successfully' "$logs/deskphone.journal.txt" \
  || fail "the journal does not show deskphone.service stopping cleanly; see $logs/deskphone.journal.txt"
log "PASS: clean shutdown in $shutdown_took s (service stopped, machine powered off, root file system clean, binding removed)"

size_mib=$(($(stat -c %s "$image") / 1048576))
log "PASS ($((SECONDS - started)) s in all; power-on to registered $registered_after s; image $size_mib MiB)"
