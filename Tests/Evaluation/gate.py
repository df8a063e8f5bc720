#!/usr/bin/env python3
"""The evaluation gate CI runs (make evaluate): the figures score.py writes (--json) must hold the
targets of the issue "Read drafts as other people write them" on every set. Prints one line per
set and check, and `N passed, N failed`; exits 1 when a check fails.

Targets (per set): indicators strict precision and recall >= 0.95, target year right on >= 0.95
of the indicators found, goal statements recall >= 0.95 (where the readings list goals), no
badly named indicator (verb, enumerator, meta phrase, 分别), topic right or honestly refused on
every file, out-of-scope drafts all reported.
"""
import json
import sys


def checks(totals: dict):
    ind = totals.get("indicators", {})
    yield "strict precision >= 0.95", ind.get("strict_P", 0) >= 0.95, ind.get("strict_P")
    yield "strict recall >= 0.95", ind.get("strict_R", 0) >= 0.95, ind.get("strict_R")
    yield "year accuracy >= 0.95", ind.get("year_accuracy", 0) >= 0.95, ind.get("year_accuracy")
    goals = totals.get("goals") or {}
    if goals.get("truth"):
        yield "goals recall >= 0.95", goals.get("recall", 0) >= 0.95, goals.get("recall")
    yield "no badly named indicator", totals.get("bad_names", 1) == 0, totals.get("bad_names")
    topic = totals.get("topic") or {}
    yield "topic right on every file", topic.get("right") == topic.get("n"), f"{topic.get('right')}/{topic.get('n')}"
    if topic.get("out_of_scope_n"):
        yield ("out-of-scope drafts reported", topic.get("out_of_scope_right") == topic.get("out_of_scope_n"),
               f"{topic.get('out_of_scope_right')}/{topic.get('out_of_scope_n')}")


def main(path: str) -> int:
    data = json.load(open(path))
    passed = failed = 0
    for s in data["sets"]:
        for name, ok, value in checks(s["totals"]):
            print(f"{'ok  ' if ok else 'FAIL'} {s['set']}: {name} ({value})")
            passed += ok
            failed += not ok
    print(f"evaluation: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
