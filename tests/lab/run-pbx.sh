#!/bin/sh
# Starts the lab PBX (Kamailio) in the foreground on udp:127.0.0.1:PORT, and
# also on tcp:127.0.0.1:PORT when LAB_TCP=1.
# WORKDIR receives the control socket (WORKDIR/kamailio.ctl, for
# `kamcmd -s unix:WORKDIR/kamailio.ctl ul.dump`) and a copy of the password
# table. The process is Kamailio itself (exec), so its PID can be signalled.
# Usage: run-pbx.sh PORT WORKDIR
set -eu

if [ "$#" -ne 2 ]; then
    echo "usage: $0 PORT WORKDIR" >&2
    exit 2
fi
port=$1
workdir=$2
lab=$(cd "$(dirname "$0")" && pwd)

# Debian installs kamailio in /usr/sbin, which is not on a normal user's PATH.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
if ! command -v kamailio >/dev/null 2>&1; then
    echo "kamailio is not installed: run 'make deps'" >&2
    exit 127
fi

mkdir -p "$workdir/db"
workdir=$(cd "$workdir" && pwd)
# db_text reads a table from the file named like the table in its directory.
cp "$lab/users.htable" "$workdir/db/users"

# Defines passed only on request go in the positional parameters (read above).
set --
if [ "${LAB_TCP:-0}" = 1 ]; then
    set -- -A LAB_TCP
fi

exec kamailio -DD -E -f "$lab/kamailio.cfg" -Y "$workdir" "$@" \
    -m 32 -M 4 \
    -A "LAB_PORT=$port" \
    -A "LAB_CTL=\"unix:$workdir/kamailio.ctl\"" \
    -A "LAB_DB_URL=\"text://$workdir/db\"" \
    -A "LAB_ALGORITHM=\"${LAB_ALGORITHM:-MD5}\""
