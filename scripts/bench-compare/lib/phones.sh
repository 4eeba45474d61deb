# The two phones under test, behind one set of functions (sourced by inner.sh):
#   ours     the firmware's Native AOT build, headless simulator, extension 101 on port 5070;
#   baresip  Debian's baresip, virtual audio device, extension 102 on port 5080 (it also opens a
#            TLS listener on 5081).
# Each run gets a folder of its own with the configuration, the data and the logs.
# Needs: work (the run's temp folder), deskphone (the published program), pbx_port.

phone_port() { case $1 in ours) echo 5070 ;; baresip) echo 5080 ;; esac; }
phone_extension() { case $1 in ours) echo 101 ;; baresip) echo 102 ;; esac; }

# phone_prepare NAME DIR SAMPLE_RATE: writes the configuration for one run.
phone_prepare() {
  local name=$1 dir=$2 rate=$3
  rm -rf "$dir"
  mkdir -p "$dir"
  case $name in
    ours)
      # The stores of a phone that has booted before (made by the warm-up run), not first-boot
      # ones: a desk phone starts with its databases in place. English screens, as the run waits
      # for "Registered" on the LCD; room for every message the load figure sends (a full store
      # answers 480).
      if [ -d "$work/ours-data" ]; then cp -a "$work/ours-data" "$dir/data"; fi
      cat >"$dir/deskphone.json" <<JSON
{
  "Account": { "Extension": "101", "Password": "pw101", "DisplayName": "Bench 101" },
  "Sip": { "Registrar": "127.0.0.1:$pbx_port", "ListenAddress": "127.0.0.1", "ListenPort": 5070 },
  "Simulator": { "SampleRate": $rate, "CaptureSource": "Tone", "CaptureToneHz": 1000, "PlaybackSink": "None" },
  "Storage": { "DataDirectory": "data" },
  "Messages": { "MaxStoredMessages": 1000000 },
  "Phone": { "Language": "En" }
}
JSON
      ;;
    baresip)
      # No sound card: aubridge is a virtual device paced like one; what it plays comes back as
      # its source, so baresip sends back what it receives (decode and encode every frame, as
      # ours does with its tone). The source and player run at the codec's rate, as ours does.
      mkdir -p "$dir/sounds"
      cat >"$dir/config" <<CONFIG
poll_method epoll
module_path /usr/lib/baresip/modules
sip_listen 127.0.0.1:5080
net_interface 127.0.0.1
dns_server 127.0.0.1:53
statmode_default off
audio_path $dir/sounds
audio_player aubridge,bench
audio_alert aubridge,alert
audio_source aubridge,bench
ausrc_srate $rate
ausrc_channels 1
auplay_srate $rate
auplay_channels 1
module g711.so
module g722.so
module aubridge.so
module_tmp account.so
module_app menu.so
CONFIG
      echo "<sip:102@127.0.0.1:$pbx_port;transport=udp>;auth_pass=pw102;answermode=auto;regint=3600" >"$dir/accounts"
      : >"$dir/contacts"
      ;;
  esac
}

# phone_start NAME DIR: starts the phone; sets phone_pid. The wall-clock time just before the
# exec that becomes the phone goes to DIR/t0 (bash's $EPOCHREALTIME, no fork in between).
phone_start() {
  local name=$1 dir=$2
  local command
  case $name in
    ours)
      # The headless simulator reads commands on stdin: a FIFO that this script keeps open.
      rm -f "$dir/stdin"
      mkfifo "$dir/stdin"
      exec {phone_stdin}<>"$dir/stdin"
      command=("$deskphone" --config "$dir/deskphone.json" --headless)
      ;;
    baresip)
      exec {phone_stdin}</dev/null
      command=(baresip -f "$dir")
      ;;
  esac
  (cd "$dir" && exec bash -c 'echo "$EPOCHREALTIME" >t0; exec "$@"' phone "${command[@]}") \
    <&"$phone_stdin" >"$dir/out.log" 2>&1 &
  phone_pid=$!
  track "$phone_pid"
}

# Stops the running phone (it un-registers first; ours waits up to 4 s for that).
phone_stop() {
  stop_pid "$phone_pid" 8
  exec {phone_stdin}>&-
}

phone_wait_registered() {
  case $1 in
    ours) wait_for_line "$2/out.log" '^LCD\| Registered' 15 ;;
    baresip) wait_for_line "$2/out.log" '\{0/UDP/v4\} 200 OK' 15 ;;
  esac
}

# Answers the incoming call: our phone is picked up when it rings; baresip answers by itself.
phone_answer() {
  case $1 in
    ours)
      wait_for_line "$2/out.log" '^HW\| ringer on' 10 || return 1
      echo "hook off" >&"$phone_stdin"
      ;;
    baresip) ;;
  esac
}

phone_wait_established() {
  case $1 in
    ours) wait_for_line "$2/out.log" '^HW\| line-led on' 10 ;;
    baresip) wait_for_line "$2/out.log" 'Call established' 10 ;;
  esac
}
