#!/usr/bin/env bash
# `make publish-pi`: the firmware for the Raspberry Pi (linux-arm64), cross-built on this PC.
#
#   PI_BUILD=aot (default)  Native AOT: one self-contained native executable, no JIT on the Pi.
#                           Links with clang for aarch64-linux-gnu against Debian's cross libc
#                           (packages clang, gcc-aarch64-linux-gnu, libc6-dev-arm64-cross).
#   PI_BUILD=r2r            The fallback: self-contained, trimmed, ReadyToRun (.NET runtime beside
#                           the program), for when something in the firmware stops working under AOT.
#
# The output goes to PI_OUT (default artifacts/pi/publish); intermediate files to artifacts/pi/build,
# so this never touches the bin/ and obj/ folders of the ordinary build. Ends by checking that the
# program is a 64-bit little-endian ARM (aarch64) ELF executable.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${PI_BUILD:-aot}
out=${PI_OUT:-$root/artifacts/pi/publish}
intermediate=$root/artifacts/pi/build-$build

case "$build" in
  # PublishAot is set in the project, not here: as a global property it would reach (and turn the
  # AOT analyzers on in) every referenced library, where the ILC compiler's own analysis suffices.
  aot) mode=() ;;
  # Likewise PublishTrimmed, a global property here, would turn the trim analyzers on in every
  # library: they stay off and the trimmer's own analysis of the whole program reports instead,
  # as warnings. (It keeps every attribute of kept members and so warns about attributes that
  # nothing reads by reflection, such as PhoneOptions' [Range(typeof(TimeSpan), …)], which the
  # AOT compiler rightly ignores: the AOT build is the strict one.)
  r2r) mode=(-p:PublishAot=false -p:SelfContained=true -p:PublishTrimmed=true -p:PublishReadyToRun=true
    -p:EnableTrimAnalyzer=false -p:ILLinkTreatWarningsAsErrors=false) ;;
  *) echo "publish-pi: PI_BUILD must be aot or r2r, not '$build'" >&2; exit 2 ;;
esac

if [ "$build" = aot ]; then
  for tool in clang aarch64-linux-gnu-ld; do
    command -v "$tool" >/dev/null || { echo "publish-pi: $tool is missing: run 'make deps'" >&2; exit 1; }
  done
fi

rm -rf "$out"
dotnet publish "$root/firmware/DeskPhone/DeskPhone.csproj" -nologo -v quiet \
  -c Release -r linux-arm64 "${mode[@]}" \
  --artifacts-path "$intermediate" -o "$out"
# Debug symbols stay in the build folder; the Pi gets the program only.
find "$out" \( -name '*.dbg' -o -name '*.pdb' \) -delete

"$root/scripts/check-aarch64-elf.sh" "$out/deskphone"
echo "publish-pi: $build build in ${out#"$root"/}/ ($(du -sh "$out" | cut -f1))"
