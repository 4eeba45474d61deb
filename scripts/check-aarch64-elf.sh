#!/usr/bin/env bash
# Fails unless FILE is a 64-bit little-endian ELF executable for AArch64 (what a Raspberry Pi 3/4
# runs under a 64-bit OS). Reads the ELF header itself (System V gABI, "ELF Header"), so it needs
# nothing beyond coreutils: e_ident magic 7f 45 4c 46, EI_CLASS 2 (64-bit), EI_DATA 1 (little
# endian), e_type 2 or 3 (executable or position-independent executable), e_machine 183 (EM_AARCH64).
# Usage: check-aarch64-elf.sh FILE
set -euo pipefail

file=${1:?usage: check-aarch64-elf.sh FILE}
[ -f "$file" ] || { echo "check-aarch64-elf: $file does not exist" >&2; exit 1; }

# Bytes 0-5 (magic, class, data) and 16-19 (e_type, e_machine), as unsigned decimals.
read -r -a ident < <(od -An -tu1 -N6 "$file")
read -r -a kind < <(od -An -tu2 -j16 -N4 --endian=little "$file")

if [ "${ident[*]}" != "127 69 76 70 2 1" ] || [[ "${kind[0]}" != 2 && "${kind[0]}" != 3 ]] || [ "${kind[1]}" != 183 ]; then
  echo "check-aarch64-elf: $file is not a 64-bit little-endian AArch64 ELF executable (ident: ${ident[*]}, type/machine: ${kind[*]})" >&2
  exit 1
fi
echo "check-aarch64-elf: $file is an AArch64 ELF executable"
