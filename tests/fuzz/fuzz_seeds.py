"""Seed inputs for the fuzz harnesses, made at run time from the shared corpus and gazetteer data
(never committed: ../shared is not ours to copy) plus the hand-made seeds in tests/fuzz/seeds/."""
import csv
import hashlib
import json
import os
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]


def shared_dir(configured=None):
    env = os.environ.get("NAQSHA_SHARED")
    if env:
        return Path(env)
    if configured and Path(configured).is_dir():
        return Path(configured)
    return SOURCE.parent / "shared"


def corpus_articles(shared):
    """(name, bytes) of every seed article and every ISAF press release text."""
    out = []
    seeds = shared / "corpus" / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        out.append((path.stem, path.read_bytes()))
    isaf = shared / "corpus" / "isaf-dev" / "isaf_dev.jsonl"
    if isaf.exists():
        for n, line in enumerate(isaf.read_text(encoding="utf-8").split("\n")):
            if line.strip():
                out.append((f"isaf-{n:03d}", json.loads(line)["text"].encode("utf-8")))
    return out


def encoding_variants(name, data):
    """The same article as the web delivers it in other encodings and line ends."""
    text = data.decode("utf-8")
    return [
        (name + "-utf8-bom", b"\xef\xbb\xbf" + data),
        (name + "-utf16le", b"\xff\xfe" + text.encode("utf-16-le")),
        (name + "-utf16be", b"\xfe\xff" + text.encode("utf-16-be")),
        (name + "-crlf", data.replace(b"\n", b"\r\n")),
        (name + "-cr", data.replace(b"\n", b"\r")),
    ]


def place_names(shared):
    """Every spelling in the crosswalks and the press-spelling table: English, Dari and Pashto."""
    names = set()
    tables = list((shared / "gazetteer-data" / "name-variants").rglob("*.csv"))
    tables.append(SOURCE / "shapefiles" / "aliases" / "press_spellings.csv")
    for table in tables:
        with open(table, encoding="utf-8", errors="replace", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    cell = cell.strip()
                    if 2 <= len(cell) <= 64 and not cell.replace(".", "").replace("-", "").isdigit():
                        names.add(cell)
    return sorted(names)


def article_sentences(shared):
    lines = []
    for _, data in corpus_articles(shared)[:60]:
        for line in data.decode("utf-8").splitlines():
            if 20 <= len(line) <= 1024:
                lines.append(line)
    return lines


def ndjson_inputs(shared):
    """Articles as NDJSON, a few lines to a file, as a scraper would deliver them."""
    out = []
    isaf = shared / "corpus" / "isaf-dev" / "isaf_dev.jsonl"
    lines = [l for l in isaf.read_text(encoding="utf-8").split("\n") if l.strip()][:90] if isaf.exists() else []
    for n in range(0, len(lines), 3):
        chunk = []
        for k, line in enumerate(lines[n:n + 3]):
            record = json.loads(line)
            chunk.append(json.dumps({"id": f"isaf-{n + k}", "published": record["labels"].get("start_date", ""),
                                     "source": "ISAF", "text": record["text"]}, ensure_ascii=(k % 2 == 0)))
        out.append((f"isaf-{n:03d}", ("\n".join(chunk) + "\n").encode("utf-8")))
    for name, data in corpus_articles(shared)[:5]:
        out.append((name, (json.dumps({"id": name, "text": data.decode("utf-8")}) + "\n").encode("utf-8")))
    return out


def generate(harness, out_dir, configured_shared=None):
    """Writes the seeds of `harness` into out_dir (one file each); returns how many."""
    shared = shared_dir(configured_shared)
    if not (shared / "corpus").is_dir():
        raise SystemExit(f"fuzz seeds: {shared}/corpus not found (set NAQSHA_SHARED)")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if harness == "gazetteer_names":
        # A spread of a few hundred of each: enough for every script and spelling style, few enough
        # that the short runs spend their seconds fuzzing rather than replaying seeds.
        names, sentences = place_names(shared), article_sentences(shared)
        chosen = names[::max(1, len(names) // 600)] + sentences[::max(1, len(sentences) // 200)]
        items = [(None, s.encode("utf-8")) for s in chosen]
    elif harness in ("article_reader", "extractor"):
        articles = corpus_articles(shared)
        items = list(articles)
        for name, data in articles[:5]:
            items += encoding_variants(name, data)
    elif harness == "ndjson":
        items = ndjson_inputs(shared)
    else:
        raise SystemExit(f"fuzz seeds: unknown harness {harness}")
    for _, data in items:
        # Content-addressed names, as libFuzzer names its own corpus files.
        (out_dir / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return len(items)
