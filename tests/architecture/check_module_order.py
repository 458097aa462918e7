#!/usr/bin/python3
"""No module includes a higher one (docs/architecture.md): each module below may include only modules of a
lower rank, so the dependency graph stays one-way and free of cycles. Modules of one rank are siblings and
may not include each other. Exits 1 naming every include that goes the wrong way, or a source directory
that no rank names.

    check_module_order.py SOURCE_DIR
"""
import os
import sys

# Lowest first; a module may include those of a lower rank only.
RANKS = {
    "base": 0,
    "geo": 1,
    "gazetteer": 2,
    "extract": 3,
    "store": 4,
    "render/layers": 5,
    "render/tiles": 6, "render/exports": 6, "render/reference": 6,
    "render/compare": 7, "render/viewer": 7,
    "app": 8,
}
SOURCE_SUFFIXES = (".cpp", ".hpp", ".h", ".inc")
NOT_MODULES = ("tests", "bench")


def module_of(path):
    """The module a repository-relative path belongs to, the longest name first (a nested module before the one
    around it)."""
    for name in sorted(RANKS, key=len, reverse=True):
        if path.startswith(name + "/"):
            return name
    return None


def unranked_modules(root):
    """Directories holding a library that RANKS does not name: each top-level directory with a CMakeLists.txt
    (tests/ and bench/ aside, which may include anything) and each directory below render/."""
    found = []
    for name in sorted(os.listdir(root)):
        if name in NOT_MODULES or name == "render" or name.startswith("."):
            continue
        if os.path.isfile(os.path.join(root, name, "CMakeLists.txt")) and name not in RANKS:
            found.append(name)
    for name in sorted(os.listdir(os.path.join(root, "render"))):
        if os.path.isdir(os.path.join(root, "render", name)) and f"render/{name}" not in RANKS:
            found.append(f"render/{name}")
    return found


def quoted_includes(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            text = line.strip()
            if not text.startswith("#"):
                continue
            text = text[1:].lstrip()
            if not text.startswith("include"):
                continue
            target = text[len("include"):].strip()
            if target.startswith('"') and '"' in target[1:]:
                yield number, target[1:target.index('"', 1)]


def main():
    root = sys.argv[1]
    problems = []
    checked = 0
    for module in RANKS:
        for directory, _, names in os.walk(os.path.join(root, module)):
            rel_dir = os.path.relpath(directory, root)
            if module_of(rel_dir + "/") != module:
                continue  # a nested module's own walk covers it
            for name in sorted(names):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                source = os.path.join(rel_dir, name)
                checked += 1
                for number, target in quoted_includes(os.path.join(root, source)):
                    other = module_of(target)
                    if other is None or other == module:
                        continue
                    if RANKS[other] >= RANKS[module]:
                        problems.append(f"{source}:{number}: {module} (rank {RANKS[module]}) includes {target} "
                                        f"from {other} (rank {RANKS[other]})")
    for name in unranked_modules(root):
        problems.append(f"{name}: a module with no rank in check_module_order.py and docs/architecture.md")
    if checked == 0:
        problems.append(f"no sources found below {root}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"module order: {checked} source files include only lower modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
