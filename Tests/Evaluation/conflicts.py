#!/usr/bin/env python3
"""Compares the conflicts of a build of the frozen set (master-plan.json) with those a person
reading the drafts reports (expected-conflicts.json): the same indicators and years, each with the
same values from the same drafts, and no other. Exits 1 on any difference."""
import json
import sys


def main(plan_path: str, expected_path: str) -> int:
    plan = json.load(open(plan_path))
    expected = json.load(open(expected_path))
    found = [c for c in plan["conflicts"] if c["year"] != "baseline"]
    baseline = [c for c in plan["conflicts"] if c["year"] == "baseline"]
    failures = []
    matched = set()
    for e in expected:
        want = {(v["doc"], round(float(v["value"]), 6)) for v in e["values"]}
        hit = None
        for i, c in enumerate(found):
            if i in matched or str(c["year"]) != str(e["year"]) or e["indicator"] not in c["key"] + c["name"]:
                continue
            got = set()
            for v in c["values"]:
                for s in v["sources"]:
                    got.add((s["file"], round(float(v["value"]), 6)))
            if got == want:
                hit = i
                break
        if hit is None:
            failures.append(f"missing: {e['indicator']} {e['year']} {sorted(want)}")
        else:
            matched.add(hit)
            print(f"ok   {e['indicator']} {e['year']}")
    for i, c in enumerate(found):
        if i not in matched:
            failures.append(f"extra: {c['key']} {c['year']} {[v['text'] for v in c['values']]}")
    for c in baseline:
        failures.append(f"extra baseline conflict: {c['key']} {[v['text'] for v in c['values']]}")
    for f in failures:
        print("FAIL " + f)
    print(f"conflicts: {len(matched)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
