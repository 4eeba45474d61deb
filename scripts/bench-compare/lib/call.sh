# Figure 3 (and the call under figure 5): a call straight from SIPp to the phone, SIPp streaming
# a tone as RTP, the phone sending its own audio back; CPU and memory of the phone meanwhile, and
# the pacing of the RTP it sends (sourced by inner.sh).

# codec_rate CODEC: the audio device rate each phone runs at for the codec (no resampling).
codec_rate() { case $1 in pcmu) echo 8000 ;; g722) echo 16000 ;; esac; }

# start_call NAME DIR CODEC MILLISECONDS: SIPp's INVITE in the background; sets call_pid.
start_call() {
  local name=$1 dir=$2 codec=$3 milliseconds=$4
  (cd "$work/media" && exec sipp -sf "$here/sipp/call-$codec.xml" -s "$(phone_extension "$name")" \
    "127.0.0.1:$(phone_port "$name")" -i 127.0.0.1 -p 5090 -mp 6000 -m 1 -d "$milliseconds" \
    -recv_timeout 10000 -timeout "$((milliseconds / 1000 + 30))s" -nostdin) >"$dir/sipp-call.log" 2>&1 &
  call_pid=$!
  track "$call_pid"
}

# Waits for SIPp's call to end; false when it did not complete (see DIR/sipp-call.log).
finish_call() { wait "$call_pid"; }

# call_run NAME CODEC RUN: one call of call_seconds; records CPU, peak memory and RTP pacing.
call_run() {
  local name=$1 codec=$2 run=$3 dir=$work/$1-call-$2-$3
  local rss pss peak_rss=0 peak_pss=0 ticks_start ticks_end time_start time_end
  phone_prepare "$name" "$dir" "$(codec_rate "$codec")"
  phone_start "$name" "$dir"
  phone_wait_registered "$name" "$dir" || { say "  $name call $run: not registered"; phone_stop; return 1; }
  sleep 1
  start_capture "$dir/rtp.pcap" "udp dst port 6000"
  start_call "$name" "$dir" "$codec" "$((call_seconds * 1000))"
  if ! phone_answer "$name" "$dir" || ! phone_wait_established "$name" "$dir"; then
    say "  $name $codec call $run: not established (see $dir)"
    stop_pid "$call_pid" 2
    stop_capture
    phone_stop
    return 1
  fi
  time_start=$EPOCHREALTIME
  ticks_start=$(cpu_ticks "$phone_pid")
  while running "$call_pid"; do
    read -r rss pss < <(memory_kib "$phone_pid")
    ((rss > peak_rss)) && peak_rss=$rss
    ((pss > peak_pss)) && peak_pss=$pss
    sleep 1
  done
  ticks_end=$(cpu_ticks "$phone_pid")
  time_end=$EPOCHREALTIME
  local completed=yes
  finish_call || completed=no
  stop_capture
  phone_stop
  if [ "$completed" = no ]; then
    say "  $name $codec call $run: SIPp reports a failed call (see $dir/sipp-call.log)"
    return 1
  fi
  local cpu packets jitter late gap
  cpu=$(awk -v t="$((ticks_end - ticks_start))" -v hz="$clock_ticks" -v s="$time_start" -v e="$time_end" \
    'BEGIN { printf "%.2f", 100 * t / hz / (e - s) }')
  read -r packets jitter late gap < <(python3 "$here/pcap_figures.py" rtp "$dir/rtp.pcap" 6000)
  record "call_${codec}_cpu_pct" "$name" "$cpu"
  record "call_${codec}_rss_mib" "$name" "$(mib "$peak_rss")"
  record "call_${codec}_pss_mib" "$name" "$(mib "$peak_pss")"
  record "call_${codec}_jitter_ms" "$name" "$jitter"
  record "call_${codec}_late" "$name" "$late"
  say "  $name $codec call $run: CPU $cpu % of a core, peak VmRSS $(mib "$peak_rss") MiB, Pss $(mib "$peak_pss") MiB;" \
    "$packets RTP packets sent, jitter p99.9 $jitter ms, $late late, longest gap $gap ms"
}

# True when the phone takes a call offering CODEC only (a one-second call is tried).
accepts_codec() {
  local name=$1 codec=$2 dir=$work/$1-probe-$2 i accepted=yes
  phone_prepare "$name" "$dir" "$(codec_rate "$codec")"
  phone_start "$name" "$dir"
  phone_wait_registered "$name" "$dir" || { phone_stop; return 1; }
  start_call "$name" "$dir" "$codec" 1000
  # A phone that refuses the offer answers at once and never rings.
  for ((i = 0; i < 500; i++)); do
    running "$call_pid" || break
    if [ "$name" = ours ] && grep -q '^HW| ringer on' "$dir/out.log"; then
      echo "hook off" >&"$phone_stdin"
      break
    fi
    sleep 0.02
  done
  finish_call || accepted=no
  phone_stop
  [ "$accepted" = yes ]
}
