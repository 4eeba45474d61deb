#!/usr/bin/env bash
# The quick Pi check in `make test`: runs the arm64 firmware built by `make publish-pi` under
# qemu-aarch64-static (user-mode emulation, no VM) with Debian's arm64 libraries, the same
# libc6 and libssl3 as the Pi image:
#   1. `--self-test` with a good configuration passes (version, configuration, storage, codecs, HAL);
#   2. configuration errors are still reported key by key, which in a Native AOT build goes
#      through the source-generated binder and validators, not reflection.
# Prints one line "pi-selftest: PASS ..." or "pi-selftest: FAIL ..." and exits non-zero on failure.
# Needs (make deps): qemu-user-static, and with `dpkg --add-architecture arm64`, libc6:arm64 and
# libssl3:arm64 (.NET's cryptography, used for random numbers and digest authentication, loads
# libssl at run time); the ReadyToRun fallback (PI_BUILD=r2r) also libstdc++6:arm64. Installs
# nothing itself.
# Usage: pi-selftest.sh [PROGRAM]   (default artifacts/pi/publish/deskphone)
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
program=${1:-$root/artifacts/pi/publish/deskphone}
started=$SECONDS

fail() {
  echo "pi-selftest: FAIL: $*"
  exit 1
}

command -v qemu-aarch64-static >/dev/null || fail "qemu-aarch64-static is missing: run 'make deps' (package qemu-user-static)"
[ -e /lib/ld-linux-aarch64.so.1 ] || fail "no arm64 C library: run 'make deps' (dpkg --add-architecture arm64; package libc6:arm64)"
[ -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ] || fail "no arm64 libssl: run 'make deps' (package libssl3:arm64)"
[ -x "$program" ] || fail "$program does not exist: run 'make publish-pi'"
"$root/scripts/check-aarch64-elf.sh" "$program" >/dev/null || fail "$program is not an arm64 program"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs the program under emulation with CONFIG_JSON as its configuration; sets $code and $output.
run() {
  printf '%s\n' "$1" >"$work/deskphone.json"
  output=$(timeout 60 qemu-aarch64-static "$program" --config "$work/deskphone.json" --self-test 2>&1)
  code=$?
}

# Expects exit code $1 and every following argument as a line of the output.
expect() {
  local want=$1 line
  shift
  [ "$code" = "$want" ] || fail "exit code $code instead of $want; output:"$'\n'"$output"
  for line in "$@"; do
    grep -qxF -- "$line" <<<"$output" || fail "no line '$line' in the output:"$'\n'"$output"
  done
}

account='"Account": { "Extension": "101", "Password": "pw101" }'
sip='"Sip": { "Registrar": "127.0.0.1:5060", "ListenAddress": "127.0.0.1", "ListenPort": 0 }'
storage="\"Storage\": { \"DataDirectory\": \"$work/data\" }"

run "{ $account, $sip, $storage }"
expect 0 "configuration: ok" "storage: ok" "codecs: ok" "self-test passed"
version=$(head -n 1 <<<"$output")
[[ "$version" == "deskphone "* ]] || fail "the first line is not the version: $version"

run "{ $account, \"Sip\": { \"Registrar\": \"127.0.0.1\", \"Registar\": \"typo\" }, $storage }"
expect 2 "deskphone: configuration error: Sip:Registar: unknown configuration key"

run "{ $account, $sip, \"Rtp\": { \"PortMin\": 80 }, $storage }"
[ "$code" = 2 ] && grep -q '^deskphone: configuration error: Rtp:PortMin: ' <<<"$output" \
  || fail "an out-of-range Rtp:PortMin was not reported (exit $code):"$'\n'"$output"

run "{ $account, $sip, \"Simulator\": { \"CaptureSource\": \"Wav\" }, $storage }"
expect 2 "deskphone: configuration error: Simulator:CaptureWavPath: required when CaptureSource is Wav"

echo "pi-selftest: PASS ($version, arm64 under qemu-aarch64-static, $((SECONDS - started)) s)"
