"""Checks that report every failure, not just the first: tests/viewer's scripts print one line per
check and exit 1 at the end when any failed."""
import sys

failures = []


def check(condition, message):
    print(("ok:   " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)
    return condition


def finish():
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("all checks passed")
