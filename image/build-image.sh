#!/usr/bin/env bash
# `make image`: a bootable SD-card image for a Raspberry Pi 3 or 4 (arm64), with the firmware as a
# hardened systemd service (docs/image.md). Output: artifacts/image/deskphone.img.
#
#  1. the firmware, cross-built by scripts/publish-pi.sh (Native AOT);
#  2. the root file system: Debian bookworm arm64 with image/packages, built by mmdebstrap from the
#     Debian mirror this machine's apt already uses (never a fixed host), and cached in
#     artifacts/image/cache under a key of the mirror, the package list and image/setup, so that
#     later runs skip this step (the slow one: package scripts run under qemu-user);
#  3. this image's own files (image/rootfs), the firmware, the service user, the enabled units;
#  4. the raw image: MBR, a FAT32 boot partition (Pi firmware, kernel, initrd, config.txt) and an
#     ext4 root, each written as a file system image and copied in, so nothing is mounted.
#
# Needs root (the root file system's owners and device nodes) and (installed by `make image`): mmdebstrap,
# arch-test, qemu-user-static (arm64 package scripts run through binfmt_misc), dosfstools, mtools,
# e2fsprogs, fdisk. Environment: IMAGE_OUT (default artifacts/image), IMAGE_CACHE (default
# IMAGE_OUT/cache), PI_BUILD (aot or r2r, passed to publish-pi.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/image
out=${IMAGE_OUT:-$root/artifacts/image}
cache=${IMAGE_CACHE:-$out/cache}
suite=bookworm
image=$out/deskphone.img
# Room for two kernels with their initrds (the old one stays until the new one is in place).
boot_mib=192
started=$SECONDS
PATH="$PATH:/usr/sbin:/sbin"

log() { echo "image: $*"; }
die() {
  echo "image: $*" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || die "needs root (owners and device nodes of the root file system): run it as root"
for tool in mmdebstrap arch-test qemu-aarch64-static mkfs.vfat mcopy mke2fs sfdisk systemctl useradd; do
  command -v "$tool" >/dev/null || die "$tool is missing: run 'make image' (it installs what it needs)"
done

# arm64 package scripts run under qemu-user through binfmt_misc. Debian registers it at boot
# (systemd-binfmt); a machine booted without systemd may not have, so register it here.
if ! arch-test arm64 >/dev/null 2>&1; then
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || grep -v '^#' /usr/lib/binfmt.d/qemu-aarch64.conf >/proc/sys/fs/binfmt_misc/register
  arch-test arm64 >/dev/null 2>&1 || die "this machine cannot run arm64 programs through qemu-user (binfmt_misc)"
fi

# The mirrors apt is configured with for the suite, its -updates and its -security, e.g.
# "http://deb.debian.org/debian/"; the Pi's firmware lives in the non-free-firmware component.
repository() {
  apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 'Identifier: Packages' | awk -v want="$1" '$1 == want { print $2; exit }'
}
sources=()
for release in "$suite" "$suite-updates" "$suite-security"; do
  uri=$(repository "$release")
  [ -n "$uri" ] && sources+=("deb $uri $release main non-free-firmware")
done
[ ${#sources[@]} -gt 0 ] && [[ "${sources[0]}" == *" $suite "* ]] \
  || die "apt on this machine has no Debian $suite source to build from (see /etc/apt/sources.list*)"

packages=$(grep -v -e '^#' -e '^[[:space:]]*$' "$here/packages" | paste -sd, -)
# image/setup goes in before the kernel and the Pi firmware are installed: their scripts read
# /etc/default/raspi-firmware* to write config.txt and cmdline.txt. Its update-initramfs.conf
# stops the dpkg triggers of udev, kmod and others from each remaking the initramfs (under
# qemu-user that takes many minutes each time): the kernel's own postinst still makes the one
# initramfs (`update-initramfs -c` ignores the setting), and then raspi-firmware's hook copies
# kernel, initrd and device trees to /boot/firmware. force-confold keeps our versions of those
# configuration files over the packages'; the customize hook puts initramfs-tools' own back.
initramfs_conf=/etc/initramfs-tools/update-initramfs.conf
mmdebstrap_options=(--architectures=arm64 --variant=minbase --format=tar
  --dpkgopt=force-confold --dpkgopt=force-confdef
  --essential-hook="sync-in '$here/setup' /"
  --customize-hook="mv \"\$1$initramfs_conf.dpkg-dist\" \"\$1$initramfs_conf\"")

# 1. The firmware (first: a build error should not wait for the root file system).
PI_OUT="$out/firmware" "$root/scripts/publish-pi.sh"

# 2. The root file system, from the cache when the inputs have not changed.
key=$({
  printf '%s\n' "${mmdebstrap_options[@]}" "${sources[@]}" "$packages"
  (cd "$here/setup" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
} | sha256sum | cut -c1-16)
tarball=$cache/rootfs-$suite-arm64-$key.tar
if [ -f "$tarball" ]; then
  log "root file system from the cache: ${tarball#"$root"/}"
else
  log "building the root file system with mmdebstrap from ${sources[0]#deb } (takes a while)"
  mkdir -p "$cache"
  mmdebstrap "${mmdebstrap_options[@]}" --include="$packages" "$suite" "$tarball.partial" "${sources[@]}"
  mv "$tarball.partial" "$tarball"
  find "$cache" -name 'rootfs-*.tar*' ! -name "${tarball##*/}" -delete
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/deskphone-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir "$rootfs"
tar -C "$rootfs" --numeric-owner -xpf "$tarball"

# 3. Our files, the firmware and its user. First the files that our dpkg settings leave out
# (path-exclude, unless a path-include takes them back), as dpkg would have done.
slim=$here/rootfs/etc/dpkg/dpkg.cfg.d/deskphone-slim
excluded=() included=()
while IFS='=' read -r option pattern; do
  case "$option" in
    path-exclude) excluded+=(-o -path "$rootfs$pattern") ;;
    path-include) included+=(! -path "$rootfs$pattern") ;;
  esac
done <"$slim"
find "$rootfs" \( -false "${excluded[@]}" \) "${included[@]}" ! -type d -delete
cp -r --no-preserve=ownership "$here/rootfs/." "$rootfs/"
install -d -m 0755 "$rootfs/opt/deskphone"
cp -r --no-preserve=ownership "$out/firmware/." "$rootfs/opt/deskphone/"
install -D -m 0644 "$root/docs/image.md" "$rootfs/usr/share/doc/deskphone/image.md"
grep -q '^gpio:' "$rootfs/etc/group" || groupadd --root "$rootfs" --system gpio
useradd --root "$rootfs" --system --user-group --groups gpio,i2c,audio \
  --home-dir /var/lib/deskphone --no-create-home --shell /usr/sbin/nologin --comment "DeskPhone firmware" deskphone
systemctl --root="$rootfs" --quiet enable \
  deskphone.service deskphone-import.service systemd-networkd.service systemd-resolved.service \
  systemd-network-generator.service

cat >"$rootfs/etc/fstab" <<'FSTAB'
# The boot partition holds only root-readable files: the administrator's deskphone.json (with the
# SIP password) waits there until deskphone-import.service takes it.
LABEL=deskroot  /               ext4  defaults,noatime,errors=remount-ro  0  1
LABEL=DESKBOOT  /boot/firmware  vfat  defaults,noatime,umask=0077         0  2
FSTAB
# Each phone makes its own identity on first boot: machine id (systemd-machine-id-setup) and SSH host keys.
echo uninitialized >"$rootfs/etc/machine-id"
rm -f "$rootfs"/etc/ssh/ssh_host_*
# A persistent journal, so that the log of a boot that went wrong can be read after the next one.
# (systemd-tmpfiles gives it its group and ACLs at boot.)
install -d -m 2755 "$rootfs/var/log/journal"

# 4. The image. The boot partition gets /boot/firmware and the configuration template.
cp "$rootfs/etc/deskphone/deskphone.json.example" "$rootfs/boot/firmware/deskphone.json.example"
boot_image=$work/boot.vfat
mkfs.vfat -F 32 -n DESKBOOT -C "$boot_image" $((boot_mib * 1024)) >/dev/null
mcopy -s -m -i "$boot_image" "$rootfs"/boot/firmware/* ::/
find "$rootfs/boot/firmware" -mindepth 1 -delete

# The root gets 8 % more than its files for ext4's own metadata and journal, and 128 MiB free for
# the phone's data, the journal (at most 64 MiB) and updates.
used_mib=$(du -s --block-size=1M "$rootfs" | cut -f1)
root_mib=$((used_mib * 108 / 100 + 128))
root_image=$work/root.ext4
mke2fs -q -t ext4 -L deskroot -E root_owner=0:0 -d "$rootfs" "$root_image" "${root_mib}M"

mkdir -p "$out"
rm -f "$image"
truncate -s $((1 + boot_mib + root_mib))M "$image.partial"
sfdisk --quiet "$image.partial" <<PARTITIONS
label: dos
unit: sectors
start=2048, size=$((boot_mib * 2048)), type=c, bootable
start=$((2048 + boot_mib * 2048)), size=$((root_mib * 2048)), type=83
PARTITIONS
dd if="$boot_image" of="$image.partial" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$root_image" of="$image.partial" bs=1M seek=$((1 + boot_mib)) conv=notrunc,sparse status=none
mv "$image.partial" "$image"

log "${image#"$root"/}: $((1 + boot_mib + root_mib)) MiB (boot $boot_mib MiB, root $root_mib MiB with ${used_mib} MiB of files) in $((SECONDS - started)) s"
