# Process bookkeeping and /proc readings for the bench-compare run (sourced by inner.sh).
# Every process the run starts is recorded by PID, so the exit trap stops exactly those.

started_pids=()

# Remembers a PID for stop_all.
track() { started_pids+=("$1"); }

# Stops one process: SIGTERM, up to $2 seconds (default 5) to exit, then SIGKILL.
stop_pid() {
  local pid=$1 grace=${2:-5}
  kill "$pid" 2>/dev/null || return 0
  local i
  for ((i = 0; i < grace * 20; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Stops every recorded process that is still running, newest first.
stop_all() {
  local i
  for ((i = ${#started_pids[@]} - 1; i >= 0; i--)); do
    stop_pid "${started_pids[i]}" 3
  done
  started_pids=()
}

# Waits until FILE contains the extended regular expression PATTERN; false after SECONDS.
wait_for_line() {
  local file=$1 pattern=$2 seconds=$3 i
  for ((i = 0; i < seconds * 50; i++)); do
    grep -Eq -- "$pattern" "$file" 2>/dev/null && return 0
    sleep 0.02
  done
  return 1
}

# "RSS_KIB PSS_KIB" of a process, from the kernel's summed smaps (Linux 4.14+).
memory_kib() {
  awk '/^Rss:/ { rss = $2 } /^Pss:/ { pss = $2 } END { print rss + 0, pss + 0 }' "/proc/$1/smaps_rollup"
}

# CPU time the process has used so far, user + system, in clock ticks (/proc/PID/stat fields 14
# and 15; counted after the ")" that ends the command name, which may itself contain spaces).
cpu_ticks() {
  local stat
  stat=$(<"/proc/$1/stat")
  stat=${stat##*) }
  set -- $stat
  echo $(("${12}" + "${13}"))
}

# Starts a packet capture on lo into FILE with FILTER; returns once tcpdump captures. Sets
# capture_pid. -U writes each packet at once; -B gives the kernel 4 MiB to queue bursts in.
start_capture() {
  local file=$1 filter=$2
  tcpdump -i lo -n -U -B 4096 --time-stamp-precision=nano -w "$file" "$filter" 2>"$file.log" &
  capture_pid=$!
  track "$capture_pid"
  wait_for_line "$file.log" 'listening on' 10 || { echo "bench: tcpdump did not start: $(cat "$file.log")" >&2; return 1; }
}

# Ends the capture started last; SIGINT makes tcpdump flush its file before it exits.
stop_capture() {
  kill -INT "$capture_pid" 2>/dev/null || true
  wait "$capture_pid" 2>/dev/null || true
}

# True while PID runs (a child that has exited but not been waited for is a zombie, not running).
running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# KiB to MiB with two decimals.
mib() { awk -v kib="$1" 'BEGIN { printf "%.2f", kib / 1024 }'; }

# One result line: FIGURE PHONE VALUE (read by table.py).
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"; }

# A line of progress on the terminal.
say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
