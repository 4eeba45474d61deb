#!/usr/bin/env python3
"""Figures read from tcpdump captures on lo (the bench-compare run's only interface).

  pcap_figures.py register PCAP T0 PORT
      milliseconds from T0 (epoch seconds, taken just before the phone's exec) to the first
      "200 OK" answering a REGISTER that reached UDP port PORT (the phone).
  pcap_figures.py rtp PCAP DST_PORT [FROM TO]
      the pacing of the RTP packets sent to DST_PORT (the phone's audio, sent by its audio
      thread once per frame): "packets p99.9_jitter_ms late_sends max_gap_ms", where jitter is
      |interval - packet time| and a late send is an interval longer than 1.5 packet times (the
      sender missed its frame deadline). Only packets between FROM and TO (epoch seconds) count.
"""
import struct
import sys

ETHERNET = 1
LINUX_COOKED = 113


def udp_datagrams(path):
    """Yields (epoch seconds, source port, destination port, payload) for each IPv4 UDP packet."""
    with open(path, "rb") as capture:
        header = capture.read(24)
        if len(header) < 24:
            return
        magic = struct.unpack("<I", header[:4])[0]
        if magic == 0xA1B2C3D4:
            order, fraction = "<", 1e-6
        elif magic == 0xA1B23C4D:
            order, fraction = "<", 1e-9
        elif magic == 0xD4C3B2A1:
            order, fraction = ">", 1e-6
        elif magic == 0x4D3CB2A1:
            order, fraction = ">", 1e-9
        else:
            raise SystemExit(f"{path}: not a pcap file")
        link = struct.unpack(order + "I", header[20:24])[0]
        link_header = {ETHERNET: 14, LINUX_COOKED: 16}.get(link)
        if link_header is None:
            raise SystemExit(f"{path}: link type {link} not handled")
        while True:
            record = capture.read(16)
            if len(record) < 16:
                return
            seconds, part, kept, _ = struct.unpack(order + "IIII", record)
            frame = capture.read(kept)
            packet = frame[link_header:]
            if len(packet) < 28 or packet[0] >> 4 != 4 or packet[9] != 17:
                continue
            ip_length = (packet[0] & 0x0F) * 4
            source, destination = struct.unpack("!HH", packet[ip_length:ip_length + 4])
            yield seconds + part * fraction, source, destination, packet[ip_length + 8:]


def register_time(path, t0, port):
    for when, _, destination, payload in udp_datagrams(path):
        if destination != port or not payload.startswith(b"SIP/2.0 200"):
            continue
        for line in payload.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() in (b"cseq",) and value.split()[-1].upper() == b"REGISTER":
                return (when - t0) * 1000.0
    raise SystemExit(f"{path}: no 200 OK to a REGISTER for port {port}")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def rtp_pacing(path, port, start, end):
    times, ptime = [], None
    for when, source, destination, payload in udp_datagrams(path):
        # RTP version 2 (RFC 3550 §5.1); RTCP (payload types 200-204 with the marker bit) is not audio.
        if destination != port or len(payload) < 12 or payload[0] >> 6 != 2 or 72 <= payload[1] & 0x7F <= 76:
            continue
        if start <= when <= end:
            times.append(when)
            # G.711 and G.722 carry one byte per 125 µs of audio (8,000 octets per second).
            ptime = (len(payload) - 12) / 8.0
    # The first packets of a stream may wait on the decoder or jitter buffer; the steady state is the figure.
    times = times[10:]
    if len(times) < 50 or ptime is None:
        raise SystemExit(f"{path}: only {len(times)} RTP packets to port {port}")
    intervals = [(b - a) * 1000.0 for a, b in zip(times, times[1:])]
    jitter = [abs(interval - ptime) for interval in intervals]
    late = sum(1 for interval in intervals if interval > 1.5 * ptime)
    return len(times), percentile(jitter, 0.999), late, max(intervals)


def main(arguments):
    if len(arguments) == 4 and arguments[0] == "register":
        print(f"{register_time(arguments[1], float(arguments[2]), int(arguments[3])):.2f}")
    elif len(arguments) in (3, 5) and arguments[0] == "rtp":
        start, end = (float(arguments[3]), float(arguments[4])) if len(arguments) == 5 else (0.0, float("inf"))
        packets, jitter, late, gap = rtp_pacing(arguments[1], int(arguments[2]), start, end)
        print(f"{packets} {jitter:.2f} {late} {gap:.2f}")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
