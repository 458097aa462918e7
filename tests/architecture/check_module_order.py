#!/usr/bin/python3
"""No module includes or links a higher one (docs/architecture.md): each module below may include, and its
CMake targets link, only modules of a lower rank, so the dependency graph stays one-way and free of
cycles. Modules of one rank are siblings and may neither include nor link each other (render/tiles does not
link render/layers: both draw with render/palette). Exits 1 naming every include or link that goes the
wrong way, or a source directory that no rank names.

    check_module_order.py SOURCE_DIR
"""
import os
import re
import sys

# Lowest first; a module may include those of a lower rank only.
RANKS = {
    "base": 0,
    "geo": 1,
    "gazetteer": 2,
    "extract": 3,
    "store": 4,
    "render/palette": 5, "render/exports": 5,
    "render/layers": 6, "render/tiles": 6,
    "render/reference": 7, "render/viewer": 7,
    "render/compare": 8,
    "app": 9,
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


def cmake_text(module, root):
    """The module's CMakeLists.txt without its comments."""
    path = os.path.join(root, module, "CMakeLists.txt")
    if not os.path.isfile(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return "\n".join(line.split("#", 1)[0] for line in f)


def link_problems(root):
    """Targets that link a library of a module of the same or a higher rank. A library belongs to the module
    whose CMakeLists.txt adds it; libraries of no module (naqsha_flags, third-party ones) are not ranked."""
    owner = {}
    for module in RANKS:
        for target in re.findall(r"\badd_(?:library|executable)\(\s*([\w-]+)", cmake_text(module, root)):
            owner[target] = module
    problems = []
    for module in RANKS:
        for call in re.findall(r"\btarget_link_libraries\(([^)]*)\)", cmake_text(module, root)):
            target, *linked = call.split()
            for library in linked:
                other = owner.get(library)
                if other is not None and other != module and RANKS[other] >= RANKS[module]:
                    problems.append(f"{module}/CMakeLists.txt: {module} (rank {RANKS[module]}) links {target} to "
                                    f"{library} from {other} (rank {RANKS[other]})")
    return problems, len(owner)


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
    link_issues, targets = link_problems(root)
    problems += link_issues
    for name in unranked_modules(root):
        problems.append(f"{name}: a module with no rank in check_module_order.py and docs/architecture.md")
    if checked == 0:
        problems.append(f"no sources found below {root}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"module order: {checked} source files include, and {targets} targets link, only lower modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
