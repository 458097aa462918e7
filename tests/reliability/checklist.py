"""What catalogue.py and resource_bounds.py share: named checks registered by a decorator, each run on
its own (one ctest test per check) in a fresh directory, a failure reported as one message.

    script.py --naqsha build/naqsha --work DIR NAME     run one check
    script.py --list                                    the check names
"""
import argparse
import os
import shutil
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]

# app/exit_codes.hpp
EXIT_SUCCESS, EXIT_PARTIAL, EXIT_USAGE, EXIT_BOUNDARY_DATA, EXIT_OUTPUT, EXIT_INTERNAL = range(6)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Checklist(dict):
    """{name: function}; used as a decorator, it adds the function under its own name."""

    def __call__(self, fn):
        self[fn.__name__] = fn
        return fn


def main(checklist, doc, make_context):
    """Runs the check named on the command line with make_context(naqsha, work, shared); the exit status."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--naqsha")
    ap.add_argument("--work")
    ap.add_argument("--shared", default=str(SOURCE.parent / "shared"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("name", nargs="?", choices=sorted(checklist))
    args = ap.parse_args()
    if args.list:
        print("\n".join(checklist))
        return 0
    if not (args.naqsha and args.work and args.name):
        ap.error("--naqsha, --work and a check name are required")
    shared = os.environ.get("NAQSHA_SHARED") or args.shared
    work = Path(args.work) / args.name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        checklist[args.name](make_context(args.naqsha, work, shared))
    except Failure as e:
        print(f"FAILED {args.name}: {e}")
        return 1
    print(f"passed {args.name}")
    return 0
