#!/usr/bin/env python3
"""Judge a send_torture.py report against scripts/conformance-expected.tsv.

Usage: conformance_judge.py REPORT EXPECTED [--markdown OUT]

Reads the report printed by ../shared/conformance/send_torture.py (run with --include-responses
over rfc4475, rfc5118 and rfc5118/crlf-derived), works out for every message what the phone
did (its final status codes, else its highest provisional one, else "none"), compares that with
the expected outcomes, and checks that the phone answered OPTIONS before and after the run.
Prints one line per message and a summary; exits 0 only when everything matched.
With --markdown it also writes the per-message table for docs/conformance.md.
Standard library only.
"""

import argparse
import csv
import re
import sys

# send_torture.py prints "%-30s %-9s %-11s %-56s %s": the result starts at column 110.
RESULT_COLUMN = 30 + 1 + 9 + 1 + 11 + 1 + 56 + 1


def load_expected(path):
    rows = {}
    with open(path, newline="", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows[(row["dir"], row["tag"])] = row
    return rows


def outcome(result):
    """The phone's outcome for one message: final codes, else the highest provisional, else none."""
    codes = re.findall(r"SIP/2\.0 (\d{3})", result)
    finals = sorted({c for c in codes if not c.startswith("1")})
    if finals:
        return "|".join(finals)
    if codes:
        return max(codes)
    return "none"


def matches(actual, expected):
    allowed = set(expected.split("|"))
    return all(code in allowed for code in actual.split("|"))


def read_report(path, corpus_dirs):
    results, problems, directory = {}, [], None
    pre = post = None
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("# note: cannot listen"):
                problems.append("the torture script could not listen where responses go: " + line[8:])
            elif line.startswith("# pre-run liveness OPTIONS:"):
                pre = line.split(":", 1)[1].strip()
            elif line.startswith("LIVENESS:"):
                post = line.split(":", 1)[1].strip()
            elif line.startswith("# directory "):
                path_text = line[len("# directory "):].rsplit(" (", 1)[0]
                directory = next((d for d in corpus_dirs if path_text.rstrip("/").endswith("/" + d) or path_text == d), path_text)
            elif line.startswith("#") or line.startswith("TAG ") or not line.strip() or line.startswith(" "):
                continue
            elif directory is not None:
                tag = line[:30].strip()
                results[(directory, tag)] = line[RESULT_COLUMN:].strip()
    return results, problems, pre, post


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report")
    parser.add_argument("expected")
    parser.add_argument("--markdown", help="write the per-message table here")
    args = parser.parse_args(argv)

    expected = load_expected(args.expected)
    corpus_dirs = sorted({d for d, _ in expected}, key=len, reverse=True)
    results, problems, pre, post = read_report(args.report, corpus_dirs)

    failures = list(problems)
    if not pre or not pre.startswith("SIP/2.0 200"):
        failures.append("the phone did not answer OPTIONS before the run: %s" % pre)
    if not post or not post.startswith("OK"):
        failures.append("the phone did not answer OPTIONS after the run: %s" % post)

    table = []
    for key, row in expected.items():
        directory, tag = key
        if key not in results:
            failures.append("%s/%s: not in the report" % key)
            table.append((directory, tag, row["outcome"], "not sent", False, row["why"]))
            continue
        actual = outcome(results[key])
        ok = matches(actual, row["outcome"])
        if not ok:
            failures.append("%s/%s: expected %s, got %s (%s)" % (directory, tag, row["outcome"], actual, results[key]))
        table.append((directory, tag, row["outcome"], actual, ok, row["why"]))
    for key in results:
        if key not in expected:
            failures.append("%s/%s: in the report but not in %s" % (key[0], key[1], args.expected))

    for directory, tag, want, actual, ok, _ in table:
        print("%-4s %-22s %-30s expected %-12s got %s" % ("ok" if ok else "FAIL", directory, tag, want, actual))
    passed = sum(1 for row in table if row[4])
    print("conformance: %d passed, %d failed" % (passed, len(table) - passed))
    print("liveness: before %s; after %s" % (pre, post))

    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as out:
            out.write("| corpus | message | expected | phone | result | why |\n| --- | --- | --- | --- | --- | --- |\n")
            for directory, tag, want, actual, ok, why in table:
                cells = (directory, tag, want, actual, "ok" if ok else "**FAIL**", why)
                out.write("| %s |\n" % " | ".join(cell.replace("|", " or ") for cell in cells))

    for failure in failures:
        print("conformance: " + failure, file=sys.stderr)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
