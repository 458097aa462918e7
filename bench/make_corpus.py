#!/usr/bin/env python3
"""Builds a large synthetic corpus for `naqsha run` benchmarks from the texts we have.

Every article is one of the seed reports or ISAF press releases (../shared/corpus), varied so that copies
do not all merge into one event:
  * every date in the text (ISO dates, "October 20", "Jan. 25, 2013", "October 22nd 2020", "October 2017",
    release numbers such as 2011-09-S-027) is shifted by a whole number of weeks, so weekday names
    ("Monday night") stay true;
  * each district name is swapped for another district of the same province (OCHA/AGCHO 2018 names), so
    province context in the text stays consistent.
Output: NDJSON, one {id, source, title, text} object per line, streamed (nothing is held in memory).
Deterministic for a given --seed. Never commit the output: it is derived from ../shared.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_RE = r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|" \
           r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"


def month_number(token):
    t = token.rstrip(".").lower()[:3]
    return [m[:3].lower() for m in MONTHS].index(t) + 1


def load_districts(shared):
    from osgeo import ogr
    path = os.path.join(shared, "gazetteer-data", "ocha-agcho-2018", "afg_admbnda_adm2_agcho_20180522.shp")
    ds = ogr.Open(path)
    if ds is None:
        sys.exit(f"make_corpus: cannot open {path}")
    by_province = {}
    province_names = {}
    for f in ds.GetLayer(0):
        by_province.setdefault(f.GetField("ADM1_PCODE"), []).append(f.GetField("ADM2_EN"))
        province_names[f.GetField("ADM1_PCODE")] = f.GetField("ADM1_EN")
    province_of = {}
    for pcode, names in by_province.items():
        for n in names:
            province_of.setdefault(n, set()).add(pcode)
    return by_province, province_of, province_names


def load_templates(shared):
    templates = []
    seeds = os.path.join(shared, "corpus", "seeds")
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            templates.append(("seed", f.read()))
    with open(os.path.join(shared, "corpus", "isaf-dev", "isaf_dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                templates.append(("isaf", json.loads(line)["text"]))
    return templates


def reference_year(text):
    m = re.search(r"\b(19|20)\d{2}\b", text)
    return int(m.group(0)) if m else 2012


class shifter:
    """Rewrites the dates of one text, all by the same number of days (a multiple of 7)."""

    def __init__(self, text, days):
        self.days = dt.timedelta(days=days)
        self.year = reference_year(text)

    def shift(self, y, m, d):
        try:
            return dt.date(y, m, d) + self.days
        except ValueError:
            return None

    def iso(self, m):
        s = self.shift(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return s.isoformat() if s else m.group(0)

    def month_day(self, m):
        month, day, suffix, year = m.group(1), int(m.group(2)), m.group(3) or "", m.group(5)
        s = self.shift(int(year) if year else self.year, month_number(month), day)
        if s is None:
            return m.group(0)
        name = MONTHS[s.month - 1]
        if month.endswith("."):
            name = name[:3] + "." if s.month != 5 else "May"
        elif len(month) <= 4 and month != "May" and month not in ("June", "July"):
            name = name[:3]
        if suffix:
            suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(s.day, "th")
        out = f"{name} {s.day}{suffix}"
        if year:
            out += m.group(4).replace(year, str(s.year))
        return out

    def month_year(self, m):
        s = self.shift(int(m.group(2)), month_number(m.group(1)), 15)
        return f"{MONTHS[s.month - 1]} {s.year}" if s else m.group(0)

    def release(self, m):
        s = self.shift(int(m.group(1)), int(m.group(2)), 15)
        return f"{s.year:04}-{s.month:02}-" if s else m.group(0)

    def apply(self, text):
        text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", self.iso, text)
        text = re.sub(r"\b(\d{4})-(\d{2})-(?=[A-Z]{1,3}-?\d)", self.release, text)
        text = re.sub(MONTH_RE + r"\s+(\d{1,2})(st|nd|rd|th)?\b(,?\s+(\d{4})\b)?", self.month_day, text)
        text = re.sub(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                      r"\s+((?:19|20)\d{2})\b", self.month_year, text)
        return text


def swap_districts(text, rng, by_province, province_of, province_names, pattern):
    chosen = {}

    def replace(m):
        name = m.group(0)
        if name not in chosen:
            provinces = sorted(province_of[name])
            # A name shared by several provinces (Baharak) stays in the province the text names.
            named = [p for p in provinces if province_names[p] in text]
            provinces = named or provinces
            options = by_province[rng.choice(provinces)]
            chosen[name] = rng.choice(options)
        return chosen[name]

    return pattern.sub(replace, text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--shared", default=os.environ.get("NAQSHA_SHARED", os.path.join(here, "..", "..", "shared")))
    parser.add_argument("--out", required=True, help="NDJSON file to write")
    args = parser.parse_args()

    by_province, province_of, province_names = load_districts(args.shared)
    names = sorted(province_of, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    templates = load_templates(args.shared)
    rng = random.Random(args.seed)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for i in range(args.articles):
            kind, text = templates[i % len(templates)]
            weeks = rng.randint(-260, 260)
            text = shifter(text, weeks * 7).apply(text)
            text = swap_districts(text, rng, by_province, province_of, province_names, pattern)
            title = text.strip().split("\n", 1)[0][:120]
            out.write(json.dumps({"id": f"bench-{i:06}", "source": f"bench-{kind}", "title": title, "text": text},
                                 ensure_ascii=False) + "\n")
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
