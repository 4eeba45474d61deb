#!/usr/bin/env python3
"""Judges one SIPp load step from its -trace_stat file (the last, cumulative line).

  sipp_result.py STAT_CSV EXPECTED SECONDS
prints "VERDICT answered expected retransmissions elapsed_s", VERDICT being "clean" when every
one of the EXPECTED requests was answered 200 at its first transmission (no failure, no
retransmission: the phone dropped nothing) and the last answer came at most one second after the
step's SECONDS (the phone kept up with the rate instead of queueing), otherwise "lossy".
"""
import sys


def last_row(path):
    with open(path, encoding="utf-8", errors="replace") as stat:
        lines = [line.rstrip("\n") for line in stat if line.strip()]
    if len(lines) < 2:
        raise SystemExit(f"{path}: no statistics")
    names = lines[0].split(";")
    return dict(zip(names, lines[-1].split(";")))


def epoch(stamp):
    # SIPp writes "date<TAB>time<TAB>epoch" in its time columns.
    return float(stamp.split("\t")[-1])


def main(arguments):
    if len(arguments) != 3:
        raise SystemExit(__doc__)
    row = last_row(arguments[0])
    expected, seconds = int(arguments[1]), float(arguments[2])
    answered = int(row["SuccessfulCall(C)"])
    failed = int(row["FailedCall(C)"])
    retransmissions = int(row["Retransmissions(C)"])
    elapsed = epoch(row["CurrentTime"]) - epoch(row["StartTime"])
    clean = answered == expected and failed == 0 and retransmissions == 0 and elapsed <= seconds + 1.0
    print(f"{'clean' if clean else 'lossy'} {answered} {expected} {retransmissions} {elapsed:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
