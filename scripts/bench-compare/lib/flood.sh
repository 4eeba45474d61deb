# Figure 5: the pacing of the phone's audio during a call while SIPp sends it flood_rate
# OPTIONS/s: RTP packets the phone sends late (its audio thread missed a frame deadline) and the
# 99.9th percentile of the frame-period jitter, measured on the wire (sourced by inner.sh).

flood_run() {
  local name=$1 dir=$work/$1-flood
  local count=$((flood_rate * flood_seconds)) from to rss pss verdict answered expected retransmissions elapsed
  phone_prepare "$name" "$dir" 8000
  phone_start "$name" "$dir"
  phone_wait_registered "$name" "$dir" || { say "  $name flood: not registered"; phone_stop; return 1; }
  sleep 1
  start_capture "$dir/rtp.pcap" "udp dst port 6000"
  start_call "$name" "$dir" pcmu "$(((flood_seconds + 6) * 1000))"
  if ! phone_answer "$name" "$dir" || ! phone_wait_established "$name" "$dir"; then
    say "  $name flood: call not established (see $dir)"
    stop_pid "$call_pid" 2
    stop_capture
    phone_stop
    return 1
  fi
  sleep 1
  from=$EPOCHREALTIME
  sipp -sf "$here/sipp/options.xml" -s "$(phone_extension "$name")" "127.0.0.1:$(phone_port "$name")" \
    -i 127.0.0.1 -p 5094 -mp 6200 -m "$count" -r "$flood_rate" -l "$((flood_rate * 5 + 100))" \
    -recv_timeout 4000 -timeout "$((flood_seconds + 10))s" -nostdin -trace_stat -stf "$dir/flood.csv" -fd 1 \
    >"$dir/sipp-flood.log" 2>&1 || true
  to=$EPOCHREALTIME
  read -r rss pss < <(memory_kib "$phone_pid")
  finish_call || say "  $name flood: SIPp reports the call failed (see $dir/sipp-call.log)"
  stop_capture
  phone_stop
  read -r verdict answered expected retransmissions elapsed < <(python3 "$here/sipp_result.py" "$dir/flood.csv" "$count" "$flood_seconds")
  local packets jitter late gap
  read -r packets jitter late gap < <(python3 "$here/pcap_figures.py" rtp "$dir/rtp.pcap" 6000 "$from" "$to")
  record flood_late "$name" "$late"
  record flood_jitter_ms "$name" "$jitter"
  record flood_gap_ms "$name" "$gap"
  record flood_answered_pct "$name" "$(awk -v a="$answered" -v e="$expected" 'BEGIN { printf "%.1f", 100 * a / e }')"
  record flood_rss_mib "$name" "$(mib "$rss")"
  say "  $name under $flood_rate OPTIONS/s: $packets RTP packets, $late late, jitter p99.9 $jitter ms, longest gap $gap ms;" \
    "OPTIONS $answered of $expected answered ($retransmissions retransmissions); VmRSS $(mib "$rss") MiB"
}
