# Figure 4: MESSAGE/s and OPTIONS/s that the phone answers with zero loss, SIPp sending
# straight to it: a ramp of steps of step_seconds, stopping at the first lossy step, then the
# best clean rate held for hold_seconds (and, when that is lossy, half of it once). Memory
# before and after (sourced by inner.sh).

# load_step NAME DIR METHOD RATE SECONDS: prints sipp_result.py's verdict line.
load_step() {
  local name=$1 dir=$2 method=$3 rate=$4 seconds=$5
  local count=$((rate * seconds)) stat=$dir/$method-$rate-$seconds.csv
  # Bounded in count (-m) and time (-timeout); an unanswered request fails after 4 s (-recv_timeout).
  # -l lets SIPp keep up the rate even when answers lag, so a slow phone shows as loss, not as a slower send.
  sipp -sf "$here/sipp/$method.xml" -s "$(phone_extension "$name")" "127.0.0.1:$(phone_port "$name")" \
    -i 127.0.0.1 -p 5092 -mp 6100 -m "$count" -r "$rate" -l "$((rate * 5 + 100))" \
    -recv_timeout 4000 -timeout "$((seconds + 15))s" -nostdin -trace_stat -stf "$stat" -fd 1 \
    >"$dir/sipp-$method-$rate-$seconds.log" 2>&1 || true
  if [ -s "$stat" ]; then
    python3 "$here/sipp_result.py" "$stat" "$count" "$seconds"
  else
    echo "lossy 0 $count 0 0"
  fi
}

# load_run NAME METHOD: the ramp and the hold against a freshly started phone.
load_run() {
  local name=$1 method=$2 dir=$work/$1-load-$2
  local label rss_before pss_before rss_after pss_after best=0 held=0 rate verdict answered expected retransmissions elapsed
  label=$(echo "$method" | tr '[:lower:]' '[:upper:]')
  phone_prepare "$name" "$dir" 8000
  phone_start "$name" "$dir"
  phone_wait_registered "$name" "$dir" || { say "  $name $label: not registered"; phone_stop; return 1; }
  sleep "$idle_settle_seconds"
  read -r rss_before pss_before < <(memory_kib "$phone_pid")
  for rate in $ramp; do
    read -r verdict answered expected retransmissions elapsed < <(load_step "$name" "$dir" "$method" "$rate" "$step_seconds")
    say "  $name $label $rate/s for ${step_seconds} s: $verdict ($answered of $expected answered, $retransmissions retransmissions, last answer after $elapsed s)"
    [ "$verdict" = clean ] || break
    best=$rate
  done
  for rate in $best $((best / 2)); do
    ((rate > 0)) || break
    read -r verdict answered expected retransmissions elapsed < <(load_step "$name" "$dir" "$method" "$rate" "$hold_seconds")
    say "  $name $label $rate/s held for ${hold_seconds} s: $verdict ($answered of $expected answered, $retransmissions retransmissions, last answer after $elapsed s)"
    if [ "$verdict" = clean ]; then held=$rate; break; fi
  done
  if ! running "$phone_pid"; then
    say "  $name $label: the phone is no longer running (see $dir/out.log)"
    return 1
  fi
  read -r rss_after pss_after < <(memory_kib "$phone_pid")
  phone_stop
  record "${method}_ramp_per_s" "$name" "$best"
  record "${method}_held_per_s" "$name" "$held"
  record "${method}_rss_before_mib" "$name" "$(mib "$rss_before")"
  record "${method}_rss_after_mib" "$name" "$(mib "$rss_after")"
  say "  $name $label: VmRSS $(mib "$rss_before") MiB before, $(mib "$rss_after") MiB after (Pss $(mib "$pss_before") -> $(mib "$pss_after") MiB)"
}
