#!/usr/bin/env python3
"""The bad-input catalogue (docs/reliability.md): one case per kind of hostile input an analyst's
files or a scraper can hand naqsha. Each case builds its inputs at run time under --work (nothing big
is committed), runs the real naqsha binary and checks what a user sees: the exit code of
app/exit_codes.hpp, a message naming the file and the problem, the rest of the batch processed,
nothing already written lost or half-written.

    catalogue.py --naqsha build/naqsha --work DIR CASE     run one case (ctest runs each separately)
    catalogue.py --list                                    the case names
"""
import contextlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from checklist import EXIT_BOUNDARY_DATA, EXIT_OUTPUT, EXIT_PARTIAL, EXIT_SUCCESS, Checklist, check, main

case = Checklist()


class Context:
    def __init__(self, naqsha, work, shared):
        self.naqsha = str(Path(naqsha).resolve())
        self.work = Path(work).resolve()
        self.shared = Path(shared).resolve()

    def run(self, *args, expect, stdin=None, preexec_fn=None, prefix=()):
        """Runs naqsha with `args`; checks the exit code is `expect`. Returns (stdout, stderr) as text."""
        command = [*prefix, self.naqsha, *map(str, args)]
        result = subprocess.run(command, input=stdin, capture_output=True, preexec_fn=preexec_fn, timeout=600)
        out = result.stdout.decode("utf-8", "replace")
        err = result.stderr.decode("utf-8", "replace")
        print("$", " ".join(command), f"-> exit {result.returncode}")
        if err:
            print(err[-4000:], end="" if err.endswith("\n") else "\n")
        check(result.returncode == expect,
              f"expected exit {expect}, got {result.returncode}\nstderr: {err[-2000:]}")
        return out, err

    # -- boundary data ----------------------------------------------------------------------------
    def boundary_copy(self):
        """A gazetteer data directory that mirrors the shared one through symlinks, with the default
        set's directory made of per-file links, so a case can delete or replace single files."""
        data = self.work / "gazetteer-data"
        source = self.shared / "gazetteer-data"
        data.mkdir()
        for entry in source.iterdir():
            if entry.name == "ocha-agcho-2018":
                (data / entry.name).mkdir()
                for f in entry.iterdir():
                    (data / entry.name / f.name).symlink_to(f)
            else:
                (data / entry.name).symlink_to(entry)
        return data

    def gazetteer(self, data, *args, expect=EXIT_SUCCESS):
        return self.run("--data", data, "--cache-dir", self.work / "cache", "gazetteer", *args, expect=expect)


ADM2 = "ocha-agcho-2018/afg_admbnda_adm2_agcho_20180522"
ADM1 = "ocha-agcho-2018/afg_admbnda_adm1_agcho_20180522"


def system_python(script, *args):
    """GDAL's Python bindings are a Debian package, so helpers that need them run in /usr/bin/python3."""
    subprocess.run(["/usr/bin/python3", "-c", script, *map(str, args)], check=True)


def locate_all(ctx, data, points):
    """naqsha gazetteer locate for each point (the gazetteer comes from a per-data-set cache)."""
    found = []
    for x, y in points:
        out, _ = ctx.run("--data", data, "--cache-dir", ctx.work / ("cache-" + data.name), "-q", "gazetteer",
                         "locate", "--json", "--", f"{x:.9f}", f"{y:.9f}", expect=EXIT_SUCCESS)
        found.append(json.loads(out))
    return found


# Interior points of every district of the default set, from GDAL (not from naqsha).
INTERIOR_POINTS = r"""
import sys
from osgeo import ogr
ds = ogr.Open(sys.argv[1])
with open(sys.argv[2], "w") as out:
    for f in ds.GetLayer(0):
        p = f.GetGeometryRef().PointOnSurface()
        out.write(f"{f.GetField('ADM2_PCODE')} {p.GetX():.9f} {p.GetY():.9f}\n")
"""


def interior_points(ctx):
    listing = ctx.work / "interior-points.txt"
    system_python(INTERIOR_POINTS, ctx.shared / "gazetteer-data" / (ADM2 + ".shp"), listing)
    rows = [line.split() for line in listing.read_text().splitlines()]
    return [(pcode, float(x), float(y)) for pcode, x, y in rows]


@case
def shapefile_missing_dbf(ctx):
    data = ctx.boundary_copy()
    (data / (ADM2 + ".dbf")).unlink()
    _, err = ctx.gazetteer(data, "--no-cache", "stats", expect=EXIT_BOUNDARY_DATA)
    check(str(data / (ADM2 + ".dbf")) in err, "the message does not name the missing .dbf")
    check("missing" in err, "the message does not say the file is missing")


@case
def shapefile_missing_prj(ctx):
    data = ctx.boundary_copy()
    (data / (ADM2 + ".prj")).unlink()
    _, err = ctx.gazetteer(data, "--no-cache", "stats", expect=EXIT_BOUNDARY_DATA)
    check(str(data / (ADM2 + ".shp")) in err, "the message does not name the shapefile")
    check(".prj" in err and "coordinate reference system" in err, "the message does not explain the missing CRS")


@case
def shapefile_truncated(ctx):
    """A download cut short: the .shp holds the first half of its polygons."""
    data = ctx.boundary_copy()
    shp = data / (ADM2 + ".shp")
    whole = shp.read_bytes()
    shp.unlink()
    shp.write_bytes(whole[:len(whole) // 2])
    _, err = ctx.gazetteer(data, "--no-cache", "stats", expect=EXIT_BOUNDARY_DATA)
    check(str(shp) in err, "the message does not name the shapefile")
    check("has no geometry: Error in fread()" in err, "the message does not pass on GDAL's reason")


@case
def boundaries_in_utm_42n(ctx):
    """The whole default set reprojected to UTM zone 42N (EPSG:32642), as national agencies often
    publish it: naqsha reprojects it back and finds the same district for every district's interior."""
    data = ctx.boundary_copy()
    for layer in (ADM2, ADM1):
        for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".shp.xml"):
            (data / (layer + ext)).unlink(missing_ok=True)
        subprocess.run(["ogr2ogr", "-t_srs", "EPSG:32642", "-lco", "ENCODING=UTF-8", data / (layer + ".shp"),
                        ctx.shared / "gazetteer-data" / (layer + ".shp")], check=True)
    check("UTM_Zone_42N" in (data / (ADM2 + ".prj")).read_text(), "ogr2ogr did not write a UTM 42N .prj")
    out, _ = ctx.gazetteer(data, "stats", "--json")
    stats = json.loads(out)
    check(stats["districts"] == 399 and stats["provinces"] == 34, f"loaded {stats['districts']} districts")
    points = interior_points(ctx)[::16]  # 25 districts from every province group
    found = locate_all(ctx, data, [(x, y) for _, x, y in points])
    wrong = [f"{pcode}: {f and f.get('pcode')}" for (pcode, _, _), f in zip(points, found)
             if not f or f.get("pcode") != pcode]
    check(not wrong, f"{len(wrong)} of {len(points)} interior points in the wrong district: {wrong[:10]}")


# Turns one district of a shapefile into a self-intersecting polygon: two neighbouring vertices of
# its outer ring are swapped at the first place where that makes GEOS call it invalid.
BOWTIE = r"""
import sys
from osgeo import ogr
ogr.UseExceptions()
ds = ogr.Open(sys.argv[1], update=1)
layer = ds.GetLayer(0)
for f in layer:
    if f.GetField("ADM2_PCODE") != sys.argv[2]:
        continue
    g = f.GetGeometryRef()
    ring = g.GetGeometryRef(0)
    for i in range(1, ring.GetPointCount() - 2):
        a, b = ring.GetPoint_2D(i), ring.GetPoint_2D(i + 1)
        ring.SetPoint_2D(i, *b)
        ring.SetPoint_2D(i + 1, *a)
        if not g.IsValid():
            break
        ring.SetPoint_2D(i, *a)
        ring.SetPoint_2D(i + 1, *b)
    assert not g.IsValid()
    f.SetGeometry(g)
    layer.SetFeature(f)
    print(f"{sys.argv[2]}: vertices {i} and {i + 1} swapped")
"""


@case
def self_intersecting_polygon(ctx):
    data = ctx.boundary_copy()
    for ext in (".shp", ".shx", ".dbf"):
        target = data / (ADM2 + ext)
        target.unlink()
        shutil.copyfile(ctx.shared / "gazetteer-data" / (ADM2 + ext), target)
        target.chmod(0o644)
    system_python(BOWTIE, data / (ADM2 + ".shp"), "AF1803")
    out, _ = ctx.gazetteer(data, "stats", "--json")
    stats = json.loads(out)
    check(stats["districts"] == 399, f"loaded {stats['districts']} districts")
    repairs = [r for r in stats["repairs"] if "AF1803" in r]
    check(len(repairs) == 1 and "Self-intersection" in repairs[0], f"repair not reported: {stats['repairs']}")
    baharak = next(p for p in interior_points(ctx) if p[0] == "AF1803")
    found = locate_all(ctx, data, [baharak[1:]])
    check(found[0] and found[0]["pcode"] == "AF1803", f"the repaired district is not found: {found}")


# -- articles ---------------------------------------------------------------------------------------
# Each article case puts one bad input in a batch beside good seed articles and drives both `naqsha
# extract` and `naqsha run`: the bad input is named with its problem, exit 1, the good ones still mapped.

GOOD_SEEDS = ("001_7f9b9c3711d5355b", "004_4892badbc86e319f")
BIG = 50 * 1024 * 1024  # far over max_article_bytes (extract/article.hpp) and the NDJSON line limit


def seed_text(ctx, stem):
    return (ctx.shared / "corpus" / "seeds" / (stem + ".txt")).read_text(encoding="utf-8")


def seed_line(ctx, stem, article_id):
    return json.dumps({"id": article_id, "text": seed_text(ctx, stem)}) + "\n"


def article_batch(ctx, bad_files):
    """A directory with the good seed articles and `bad_files` ({name: bytes})."""
    batch = ctx.work / "batch"
    batch.mkdir()
    for stem in GOOD_SEEDS:
        shutil.copyfile(ctx.shared / "corpus" / "seeds" / (stem + ".txt"), batch / (stem + ".txt"))
    for name, content in bad_files.items():
        (batch / name).write_bytes(content)
    return batch


def check_named(err, where, *words):
    """Some stderr line names `where` (a path, or path:line) and says each of `words`."""
    lines = [line for line in err.splitlines() if f"{where}: " in line]
    check(lines, f"stderr does not name {where}")
    check(any(all(w in line for w in words) for line in lines),
          f"the message for {where} does not say {' / '.join(words)}: {lines}")


def extracted_articles(events_path):
    return {json.loads(line)["article"] for line in events_path.read_text(encoding="utf-8").splitlines()}


def stored_articles(gpkg):
    """Articles with at least one mention in a naqsha run store (a GeoPackage is SQLite)."""
    with sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True) as db:
        return {row[0] for row in db.execute("SELECT DISTINCT article FROM mentions")}


def check_batch(ctx, batch, rejected, good=GOOD_SEEDS, expect=EXIT_PARTIAL):
    """`naqsha extract` and `naqsha -q run --no-tiles` over `batch`: each entry of `rejected`
    ({where relative to batch: words of the problem}) is named on stderr, nothing else is rejected, and
    the articles `good` have events in the output."""
    cache = ctx.work / "cache"
    events = ctx.work / "events.ndjson"
    _, err = ctx.run("--cache-dir", cache, "-q", "extract", "-o", events, batch, expect=expect)
    for where, words in rejected.items():
        check_named(err, batch / where, *words)
    check(err.count("naqsha: input:") == len(rejected), f"extract rejected other inputs too:\n{err}")
    missing = set(good) - extracted_articles(events)
    check(not missing, f"naqsha extract lost the events of {sorted(missing)}")

    # --quiet: rejected inputs are errors, so they are still named.
    out = ctx.work / "out"
    _, err = ctx.run("--cache-dir", cache, "-q", "run", "--articles", batch, "--out", out, "--no-tiles", expect=expect)
    for where, words in rejected.items():
        check_named(err, batch / where, *words)
    check(len(err.splitlines()) == len(rejected), f"run rejected other inputs too:\n{err}")
    missing = set(good) - stored_articles(out / "naqsha.gpkg")
    check(not missing, f"naqsha run lost the events of {sorted(missing)}")


@case
def empty_file(ctx):
    batch = article_batch(ctx, {"empty.txt": b"", "empty.ndjson": b"", "blank.txt": b" \n\r\n\t\n"})
    check_batch(ctx, batch, {"empty.txt": ["empty"], "empty.ndjson": ["empty"], "blank.txt": ["empty"]})


@case
def binary_file(ctx):
    """A PNG saved with a .txt name, and bytes with no structure."""
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))  # every byte value, NUL included
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + noise
    batch = article_batch(ctx, {"image.txt": png, "noise.txt": noise})
    check_batch(ctx, batch, {"image.txt": ["binary data"], "noise.txt": ["binary data"]})


@case
def invalid_utf8(ctx):
    """Latin-1 text (a common scraper mistake) and a UTF-8 sequence cut short, as text and in NDJSON."""
    latin1 = "KABUL (Reuters) - Taliban fighters attacked a checkpoint in Mar\xe9 district.".encode("latin-1")
    cut = "Insurgents attacked a convoy in Kabul \u2014 police said".encode("utf-8")[:-13] + b"\xe2\x80 said"
    ndjson = seed_line(ctx, "002_b89b20759bfda383", "good-line").encode() + b'{"id": "bad", "text": "' + latin1 + b'"}\n'
    batch = article_batch(ctx, {"latin1.txt": latin1, "cut.txt": cut, "mixed.ndjson": ndjson})
    check_batch(ctx, batch, {"latin1.txt": ["invalid UTF-8 at byte"], "cut.txt": ["invalid UTF-8 at byte"],
                             "mixed.ndjson:2": ["ill-formed UTF-8"]}, good=(*GOOD_SEEDS, "good-line"))


@case
def utf16_with_bom(ctx):
    """Windows tools save "Unicode" text as UTF-16 with a byte-order mark: naqsha decodes it and finds
    the same events as in the UTF-8 original. Nothing is rejected."""
    stem = "000_c905fdbc4c1957c1"
    text = seed_text(ctx, stem).replace("\n", "\r\n")
    batch = article_batch(ctx, {"utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
                                "utf16be.txt": b"\xfe\xff" + text.encode("utf-16-be")})
    check_batch(ctx, batch, {}, good=(*GOOD_SEEDS, "utf16le", "utf16be"), expect=EXIT_SUCCESS)
    original = ctx.work / "original.ndjson"
    ctx.run("--cache-dir", ctx.work / "cache", "-q", "extract", "-o", original,
            ctx.shared / "corpus" / "seeds" / (stem + ".txt"), expect=EXIT_SUCCESS)
    expected = original.read_text(encoding="utf-8")
    events = (ctx.work / "events.ndjson").read_text(encoding="utf-8").splitlines(keepends=True)
    for name in ("utf16le", "utf16be"):
        found = "".join(line for line in events if f'"article":"{name}"' in line).replace(f'"{name}', f'"{stem}')
        check(found == expected, f"{name}.txt gives other events than its UTF-8 original")


@case
def single_line_50mb(ctx):
    """A 50 MB file with no line break (a dump of one page), and a 50 MB NDJSON line between good ones.
    Neither is held in memory whole."""
    sentence = b"Taliban fighters attacked a checkpoint in Kunduz. "
    huge = sentence * (BIG // len(sentence))
    lines = (seed_line(ctx, "002_b89b20759bfda383", "before").encode() + b'{"id": "huge", "text": "' + huge +
             b'"}\n' + seed_line(ctx, "003_71abac885cfa549a", "after").encode())
    batch = article_batch(ctx, {"huge.txt": huge, "huge.ndjson": lines})
    del huge, lines
    check_batch(ctx, batch, {"huge.txt": ["52.4 MB", "over", "rejected"], "huge.ndjson:2": ["longer than", "rejected"]},
                good=(*GOOD_SEEDS, "before", "after"))
    shutil.rmtree(batch)  # 100 MB: not worth keeping


@case
def nul_in_the_middle(ctx):
    """One NUL byte halfway through an otherwise good article (a file joined from two downloads)."""
    text = seed_text(ctx, "002_b89b20759bfda383").encode()
    half = len(text) // 2
    ndjson = json.dumps({"id": "nul", "text": text[:half].decode("utf-8", "ignore") + "\0" + "rest"}).encode() + b"\n"
    batch = article_batch(ctx, {"nul.txt": text[:half] + b"\0" + text[half:], "nul.ndjson": ndjson})
    check_batch(ctx, batch, {"nul.txt": ["binary data", f"NUL byte at byte {half}"], "nul.ndjson:1": ["NUL byte"]})


@case
def deeply_nested_ndjson(ctx):
    """NDJSON lines nested 100 000 and 33 levels deep (would overflow a recursive parser's stack)."""
    deep = b'{"id": "deep", "text": "x", "meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    just_over = b'{"id": "over", "text": "x", "meta": ' + b'{"a": ' * 32 + b"1" + b"}" * 32 + b"}\n"
    lines = seed_line(ctx, "002_b89b20759bfda383", "good-line").encode() + deep + just_over
    batch = article_batch(ctx, {"deep.ndjson": lines})
    check_batch(ctx, batch, {"deep.ndjson:2": ["nested deeper than"], "deep.ndjson:3": ["nested deeper than"]},
                good=(*GOOD_SEEDS, "good-line"))


@case
def truncated_ndjson(ctx):
    """A download cut short: the last NDJSON line stops inside its text, with no newline."""
    whole = seed_line(ctx, "003_71abac885cfa549a", "cut").encode()
    lines = seed_line(ctx, "002_b89b20759bfda383", "good-line").encode() + whole[:len(whole) // 2]
    batch = article_batch(ctx, {"cut.ndjson": lines})
    check_batch(ctx, batch, {"cut.ndjson:2": ["truncated", "not valid JSON"]}, good=(*GOOD_SEEDS, "good-line"))

# -- outputs ----------------------------------------------------------------------------------------
# Tests may run as root, for whom permission bits do not stop a write. A file system mounted read-only
# or filled up does, so those cases mount a small tmpfs in a private mount namespace (unshare): nobody
# else sees it, and it goes away with the holder process whatever happens to the test. Without the
# privileges for that, they fall back to what an unprivileged user can do.

class PrivateDisk:
    """A tmpfs at `mountpoint`, visible only to commands run through `prefix`; this process reads it
    through /proc/<holder>/root."""

    def __init__(self, mountpoint, options):
        mountpoint.mkdir(exist_ok=True)
        self.mountpoint = mountpoint
        # The holder keeps the namespace alive until its standard input closes (at exit, or a crash).
        self.holder = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c",
             'mount -t tmpfs -o "$1" naqsha-test "$0" && echo mounted && exec cat >/dev/null', mountpoint, options],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if self.holder.stdout.readline().strip() != "mounted":
            self.close()
            raise OSError(f"cannot mount a tmpfs ({self.holder.stderr.read().strip()})")
        self.prefix = ("nsenter", "--target", str(self.holder.pid), "--mount", "--")

    def view(self, path):
        """`path` (under the mount point) as this process can read it."""
        return Path(f"/proc/{self.holder.pid}/root") / Path(path).relative_to("/")

    def close(self):
        self.holder.stdin.close()
        self.holder.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def private_disk(ctx, options):
    """A PrivateDisk, or None when this user may not mount one."""
    if shutil.which("unshare") is None or shutil.which("nsenter") is None:
        return None
    try:
        return PrivateDisk(ctx.work / "disk", options)
    except OSError as e:
        print(f"no private tmpfs: {e}; using the fallback")
        return None


def manifest(directory):
    """{relative path: bytes} of every file below `directory`, hidden ones included."""
    return {str(f.relative_to(directory)): f.read_bytes() for f in sorted(Path(directory).rglob("*")) if f.is_file()}


@case
def unwritable_output_dir(ctx):
    """--out below a regular file (no one can create a directory there, root included), and --out on a
    read-only file system: exit 4 (output not writable), the message names the output path."""
    cache = ctx.work / "cache"
    article = ctx.shared / "corpus" / "seeds" / (GOOD_SEEDS[0] + ".txt")
    blocker = ctx.work / "a-file"
    blocker.write_text("a regular file, not a directory\n")
    for out in (blocker / "out", blocker / "deeper" / "out"):
        _, err = ctx.run("--cache-dir", cache, "-q", "run", "--articles", article, "--out", out, "--no-tiles",
                         expect=EXIT_OUTPUT)
        check_named(err, out, "Not a directory")
    _, err = ctx.run("--cache-dir", cache, "-q", "extract", "-o", blocker / "events.ndjson", article, expect=EXIT_OUTPUT)
    check_named(err, blocker / "events.ndjson", "Not a directory")

    disk = private_disk(ctx, "ro,size=1m")
    if disk is None:
        if os.geteuid() == 0:
            return  # root without mount privileges: no way to make a directory it cannot write
        readonly = ctx.work / "disk"
        readonly.mkdir()
        readonly.chmod(0o555)
        prefix = ()
    else:
        readonly, prefix = disk.mountpoint, disk.prefix
    with disk or contextlib.nullcontext():
        out = readonly / "out"
        _, err = ctx.run("--cache-dir", cache, "-q", "run", "--articles", article, "--out", out, "--no-tiles",
                         expect=EXIT_OUTPUT, prefix=prefix)
        check_named(err, out, "cannot create")
        _, err = ctx.run("--cache-dir", cache, "-q", "extract", "-o", readonly / "events.ndjson", article,
                         expect=EXIT_OUTPUT, prefix=prefix)
        check_named(err, readonly / "events.ndjson", "cannot create")


def ignore_sigxfsz_and_limit(limit):
    """For preexec_fn: files larger than `limit` cannot be written (EFBIG instead of a signal)."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@case
def full_disk(ctx):
    """The disk fills up while `naqsha run` writes over a previous output, at several points of the run
    (the store, the layers, the GeoJSON files): exit 4, a message naming the output and the reason, the
    previous output byte-identical, no staging or temporary files left. Then, with room again, the run
    succeeds."""
    cache = ctx.work / "cache"
    seeds = ctx.shared / "corpus" / "seeds"
    first = [seeds / (stem + ".txt") for stem in GOOD_SEEDS]
    previous = ctx.work / "previous"
    ctx.run("--cache-dir", cache, "-q", "run", "--articles", *first, "--out", previous, "--no-tiles",
            expect=EXIT_SUCCESS)
    before = manifest(previous)
    pages = sum(-(-len(b) // 4096) * 4096 for b in before.values())
    reasons = ("No space left on device", "disk is full")

    probe = private_disk(ctx, "size=64k")
    if probe is None:
        # Without a tmpfs: a per-process file size limit stands in for the full disk.
        for limit in (4096, 1 << 20):
            out = ctx.work / f"out-{limit}"
            shutil.copytree(previous, out)
            _, err = ctx.run("--cache-dir", cache, "-q", "run", "--articles", seeds, "--out", out, "--no-tiles",
                             expect=EXIT_OUTPUT, preexec_fn=ignore_sigxfsz_and_limit(limit))
            check_named(err, out, "previous output")
            # SQLite words EFBIG as an I/O error; other writers pass on strerror.
            check("File too large" in err or "disk I/O error" in err, f"the message does not give the reason: {err}")
            check(manifest(out) == before, f"{out}: the previous output changed")
            check(sorted(p.name for p in ctx.work.glob(f"out-{limit}*")) == [out.name], "staging files left behind")
        return
    probe.close()

    # Free space after the previous output: none to speak of, about a third and most of a new output.
    for free in (16 * 1024, pages // 3, pages * 9 // 10):
        with PrivateDisk(ctx.work / "disk", f"size={pages + free + 64 * 1024}") as disk:
            out = disk.mountpoint / "out"
            subprocess.run([*disk.prefix, "cp", "-a", previous, out], check=True)
            _, err = ctx.run("--cache-dir", cache, "-q", "run", "--articles", seeds, "--out", out, "--no-tiles",
                             expect=EXIT_OUTPUT, prefix=disk.prefix)
            check_named(err, out, "previous output")
            check(any(r in err for r in reasons), f"the message does not say the disk is full: {err}")
            check(manifest(disk.view(out)) == before, f"free {free} bytes: the previous output changed")
            left = sorted(p.name for p in disk.view(disk.mountpoint).iterdir())
            check(left == ["out"], f"free {free} bytes: files left behind beside the output: {left}")
    with PrivateDisk(ctx.work / "disk", f"size={3 * pages}") as disk:
        out = disk.mountpoint / "out"
        subprocess.run([*disk.prefix, "cp", "-a", previous, out], check=True)
        ctx.run("--cache-dir", cache, "-q", "run", "--articles", seeds, "--out", out, "--no-tiles",
                expect=EXIT_SUCCESS, prefix=disk.prefix)

if __name__ == "__main__":
    sys.exit(main(case, __doc__, Context))
