#!/usr/bin/env bash
# Installs the named Debian packages that are missing; does nothing when all are present.
# A name of the form package:arch (libc6:arm64) is a foreign-architecture package: its
# architecture is added to dpkg first (`dpkg --add-architecture`), which needs an apt update.
set -euo pipefail

missing=()
architectures=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
  if [[ "$package" == *:* ]]; then
    architectures+=("${package##*:}")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi

for architecture in $(printf '%s\n' "${architectures[@]}" | sort -u); do
  if [ "$architecture" != "$(dpkg --print-architecture)" ] \
     && ! dpkg --print-foreign-architectures | grep -qx "$architecture"; then
    echo "deps: adding the $architecture architecture to dpkg"
    $sudo dpkg --add-architecture "$architecture"
  fi
done

echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
