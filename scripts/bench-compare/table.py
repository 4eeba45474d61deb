#!/usr/bin/env python3
"""Turns the bench-compare results into the side-by-side table.

  table.py RESULTS_TSV META_FILE MARKDOWN_OUT [DOC]
RESULTS_TSV has "figure<TAB>phone<TAB>value" lines (phone "ours" or "baresip"; figure "note"
carries a sentence instead); META_FILE "key=value" lines (machine, versions, settings). Prints
the table, writes it with the machine and the command as Markdown to MARKDOWN_OUT, and, given
DOC, replaces what stands between the bench-compare markers in that file with the same text.
"""
import statistics
import sys

BEGIN = "<!-- bench-compare:begin -->"
END = "<!-- bench-compare:end -->"


def rows(meta):
    """(figure key, label, unit, which way is better), in the order of the issue's list."""
    step, hold, flood = meta["step_seconds"], meta["hold_seconds"], int(meta["flood_rate"])
    table = [
        ("startup_ms", "1. start -> REGISTER 200 OK (digest)", "ms", "lower"),
        ("idle_rss_mib", "2. idle, registered: VmRSS", "MiB", "lower"),
        ("idle_pss_mib", "2. idle, registered: Pss", "MiB", "lower"),
    ]
    for codec, name in (("pcmu", "G.711"), ("g722", "G.722")):
        table += [
            (f"call_{codec}_cpu_pct", f"3. {name} call: CPU", "% core", "lower"),
            (f"call_{codec}_rss_mib", f"3. {name} call: peak VmRSS", "MiB", "lower"),
            (f"call_{codec}_pss_mib", f"3. {name} call: peak Pss", "MiB", "lower"),
            (f"call_{codec}_jitter_ms", f"3. {name} call: RTP send jitter p99.9", "ms", "lower"),
            (f"call_{codec}_late", f"3. {name} call: late RTP sends", "count", "lower"),
        ]
    for method in ("message", "options"):
        name = method.upper()
        table += [
            (f"{method}_ramp_per_s", f"4. {name}: best clean {step} s step", "/s", "higher"),
            (f"{method}_held_per_s", f"4. {name}: clean held {hold} s", "/s", "higher"),
            (f"{method}_rss_before_mib", f"4. {name}: VmRSS before", "MiB", "lower"),
            (f"{method}_rss_after_mib", f"4. {name}: VmRSS after", "MiB", "lower"),
        ]
    table += [
        ("flood_late", f"5. call under {flood:,} OPTIONS/s: late RTP sends", "count", "lower"),
        ("flood_jitter_ms", f"5. call under {flood:,} OPTIONS/s: jitter p99.9", "ms", "lower"),
        ("flood_gap_ms", f"5. call under {flood:,} OPTIONS/s: longest gap", "ms", "lower"),
        ("flood_answered_pct", f"5. call under {flood:,} OPTIONS/s: answered", "%", "higher"),
        ("flood_rss_mib", f"5. call under {flood:,} OPTIONS/s: VmRSS", "MiB", "lower"),
    ]
    return table


def number(value):
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def spread(values):
    if not values:
        return "-"
    if len(values) == 1:
        return number(values[0])
    return " / ".join(number(v) for v in (min(values), statistics.median(values), max(values)))


def ratio(ours, theirs):
    if not ours or not theirs:
        return "-"
    mine, other = statistics.median(ours), statistics.median(theirs)
    if other == 0:
        return "-"
    return f"{mine / other:.2f}x"


def read_results(path):
    values, notes = {}, []
    with open(path, encoding="utf-8") as results:
        for line in results:
            figure, phone, value = line.rstrip("\n").split("\t", 2)
            if figure == "note":
                notes.append(value)
            else:
                values.setdefault((figure, phone), []).append(float(value))
    return values, notes


def read_meta(path):
    with open(path, encoding="utf-8") as meta:
        return dict(line.rstrip("\n").split("=", 1) for line in meta if "=" in line)


def table_lines(values, meta):
    header = ("figure", "unit", "ours min / median / max", "baresip min / median / max", "ours/baresip", "better")
    lines = []
    for key, label, unit, better in rows(meta):
        ours, theirs = values.get((key, "ours"), []), values.get((key, "baresip"), [])
        if ours or theirs:
            lines.append((label, unit, spread(ours), spread(theirs), ratio(ours, theirs), better))
    return header, lines


def markdown(header, lines, notes, meta):
    text = [
        BEGIN,
        f"Measured {meta['date']} on {meta['machine']}; {meta['versions']}. "
        f"Load average when the run started: {meta['load']}.",
        "",
        f"Command: `{meta['command']}` ({meta['settings']}); it took {meta['duration']}.",
        "",
        "| " + " | ".join(header) + " |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    text += ["| " + " | ".join(line) + " |" for line in lines]
    text += [""] + [f"- {note}" for note in notes]
    return "\n".join(text).rstrip("\n") + "\n" + END + "\n"


def main(arguments):
    if len(arguments) not in (3, 4):
        raise SystemExit(__doc__)
    values, notes = read_results(arguments[0])
    meta = read_meta(arguments[1])
    header, lines = table_lines(values, meta)
    widths = [max(len(row[i]) for row in [header] + lines) for i in range(len(header))]
    for row in [header] + lines:
        print("  ".join(cell.ljust(width) if i < 2 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))))
    for note in notes:
        print(note)
    block = markdown(header, lines, notes, meta)
    with open(arguments[2], "w", encoding="utf-8") as out:
        out.write(block)
    if len(arguments) == 4:
        with open(arguments[3], encoding="utf-8") as doc:
            text = doc.read()
        start, end = text.find(BEGIN), text.find(END)
        if start < 0 or end < start:
            raise SystemExit(f"{arguments[3]}: no {BEGIN} ... {END} block to replace")
        with open(arguments[3], "w", encoding="utf-8") as doc:
            rest = text[end + len(END):]
            doc.write(text[:start] + block + (rest[1:] if rest.startswith("\n") else rest))


if __name__ == "__main__":
    main(sys.argv[1:])
