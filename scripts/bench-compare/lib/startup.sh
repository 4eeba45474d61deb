# Figures 1 and 2: process start -> REGISTER 200 OK through the PBX (digest challenge and
# answer included), then resident memory once registered and idle (sourced by inner.sh).

# One start of NAME. With "warm-up" as RUN, nothing is recorded: the first start of each phone
# fills the page cache and, for ours, creates the databases every later run starts with.
startup_run() {
  local name=$1 run=$2 dir=$work/$1-startup-$2 rss pss ms
  phone_prepare "$name" "$dir" 8000
  start_capture "$dir/sip.pcap" "udp port $pbx_port"
  phone_start "$name" "$dir"
  if ! phone_wait_registered "$name" "$dir"; then
    say "  $name start $run: not registered within 15 s (see $dir/out.log)"
    phone_stop
    stop_capture
    return 1
  fi
  sleep "$idle_settle_seconds"
  read -r rss pss < <(memory_kib "$phone_pid")
  phone_stop
  stop_capture
  ms=$(python3 "$here/pcap_figures.py" register "$dir/sip.pcap" "$(<"$dir/t0")" "$(phone_port "$name")")
  if [ "$run" = warm-up ]; then
    if [ "$name" = ours ]; then cp -a "$dir/data" "$work/ours-data"; fi
    say "  $name warm-up start: registered after $ms ms (not counted)"
    return 0
  fi
  record startup_ms "$name" "$ms"
  record idle_rss_mib "$name" "$(mib "$rss")"
  record idle_pss_mib "$name" "$(mib "$pss")"
  say "  $name start $run: registered after $ms ms; idle VmRSS $(mib "$rss") MiB, Pss $(mib "$pss") MiB"
}
