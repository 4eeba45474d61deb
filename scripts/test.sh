#!/usr/bin/env bash
# Runs every test project and ends with one summary line: "tests: N passed, N failed, N skipped".
set -uo pipefail
configuration=${1:-Debug}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test DeskPhone.sln -c "$configuration" --no-build -nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, "")
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1)
      if ($i == "Passed:") p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test: no test ran" >&2
  exit 1
fi
exit "$status"
