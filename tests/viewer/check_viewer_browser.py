#!/usr/bin/env python3
"""The web viewer in a real browser (issue 16): Debian's headless Chromium, driven through chromedriver
with the network off, loads out/viewer/index.html from file:// and from `naqsha serve`, and for each:

- at two dates, every district whose status differs between them shows a different colour at a pixel
  inside it, every other district the same colour, and each shows its status's colour as docs/tiles.md
  documents it (or the map's background where there is no information): Baharak (Takhar, AF1803) is
  contested on 2020-10-21;
- the big date, the legend's counts and the URL follow the view; the play button steps and pauses;
- #district=AF1803 opens Baharak's panel: its control history and the ambush with both of its sources,
  each with its quote;
- every request the page made stayed on this machine (file://, or the local server);
- an article's URL is a link, a "javascript:" URL is not.

Usage: check_viewer_browser.py NAQSHA OUT_DIR   (OUT_DIR: `naqsha run` on the seeds, tests/viewer fixture)
"""
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webdriver  # noqa: E402
from checklist import check, finish  # noqa: E402

BAHARAK = "AF1803"
MAP_DATE = "2020-10-21"


def hex_rgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))


DOCUMENTED_COLOURS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "tiles.md")


def documented_fills():
    """The status colours docs/tiles.md documents ("Colours"), by the one-letter code data.js writes a
    status as: the expected pixels come from the documentation, not from the palette under test."""
    with open(DOCUMENTED_COLOURS, encoding="utf-8") as f:
        rows = dict(re.findall(r"^\| ([a-z ]+) \| `(#[0-9a-f]{6})` \| \d+ \|$", f.read(), re.M))
    return {status[0]: hex_rgb(rows[status]) for status in ("government", "contested", "taliban", "unconfirmed")}


# Pixels well inside each district, nearest its label point first: the topmost element there and 4 px
# around it is the district's own path (not a circle, not a neighbour), and no panel or its shadow is
# within 12 px. With a second argument, only those candidates are tried (pixels found at another date).
FIND_PIXELS = """
const pcodes = arguments[0], only = arguments[1];
const overlays = [...document.querySelectorAll('#timebar, #legend, #panel, .leaflet-control')]
  .filter((e) => !e.hidden).map((e) => e.getBoundingClientRect());
const nearOverlay = (x, y) => overlays.some((r) => x > r.left - 12 && x < r.right + 12 && y > r.top - 12 && y < r.bottom + 12);
const owner = (x, y) => {
  const e = document.elementFromPoint(x, y);
  if (!e || !e.classList || !e.classList.contains('district')) return null;
  return [...e.classList].find((c) => /^AF\\d+$/.test(c)) || null;
};
const out = {};
for (const p of pcodes) {
  const c = window.naqshaViewer.labelPoint(p);
  const candidates = [];
  if (only) candidates.push(...(only[p] || []));
  else
    for (let r = 0; r <= 20; r += 2)
      for (let dx = -r; dx <= r; dx += 2)
        for (let dy = -r; dy <= r; dy += 2)
          if (Math.max(Math.abs(dx), Math.abs(dy)) === r) candidates.push([Math.round(c.x + dx), Math.round(c.y + dy)]);
  out[p] = [];
  for (const [x, y] of candidates) {
    if (out[p].length >= 12) break;
    if (nearOverlay(x, y)) continue;
    let inside = true;
    for (let a = -4; a <= 4 && inside; a += 4)
      for (let b = -4; b <= 4 && inside; b += 4) inside = owner(x + a, y + b) === p;
    if (inside) out[p].push([x, y]);
  }
}
return out;
"""


def view_at(browser, url, date):
    browser.open(url)
    browser.wait_for(f"window.naqshaViewer.view().date === '{date}'")
    return browser.screenshot()


def allowed_request(url, server):
    if url.startswith(("file://", "data:", "chrome://", "about:")):
        return True
    return server is not None and url.startswith(server + "/")


def check_viewer(browser, base, server, label):
    browser.open("about:blank", ready="true")
    browser.requests()  # forget what the browser did before the page

    browser.open(base)
    data = browser.run("const d = window.NAQSHA_DATA; return {pcodes: d.districts.map((r) => r[0]), "
                       "slices: d.slices.map((s) => [s[3], s[4]]), statuses: d.palette.statuses};")
    pcodes, slices = data["pcodes"], data["slices"]
    fill = documented_fills()
    check(sorted(s["code"] for s in data["statuses"]) == sorted(fill),
          f"{label}: data.js codes the statuses as the documented ones ({sorted(fill)})")
    background = tuple(int(v) for v in re.findall(r"\d+", browser.run(
        "return getComputedStyle(document.getElementById('map')).backgroundColor;"))[:3])
    check(len(slices) >= 2, f"{label}: the run has at least two slices ({len(slices)})")
    last_date, last_states = slices[-1]
    first_date, first_states = slices[0]
    check(last_date == MAP_DATE, f"{label}: the last slice shows the map date {MAP_DATE} ({last_date})")
    baharak = pcodes.index(BAHARAK)
    check(last_states[baharak] == "c" and first_states[baharak] != "c",
          f"{label}: the data has Baharak contested on {MAP_DATE} and not on {first_date}")

    # The whole country, then zoomed to Baharak (a link naming it): at the country's scale Baharak is
    # about 20 px across, and its incident's circle covers most of it.
    changed = 0
    baharak_at = None
    for view, suffix, least in (("country", "", 200), ("Baharak", f"&district={BAHARAK}", 10)):
        shots, pixels = {}, {}
        # The map date first: its incidents' circles hide more, and the pixels found there are tried
        # at the other date.
        for date in (last_date, first_date):
            shots[date] = view_at(browser, f"{base}#date={date}{suffix}", date)
            pixels[date] = browser.run(FIND_PIXELS, pcodes, pixels.get(last_date))
            shown = browser.run("return document.getElementById('date').textContent;")
            check(shown == date, f"{label}: the date shown large is {date} ({shown})")
            states = first_states if date == first_date else last_states
            counts = browser.run("return Object.fromEntries([...document.querySelectorAll('#legend .row[data-status]')]"
                                 ".map((r) => [r.dataset.status, Number(r.querySelector('.count').textContent)]));")
            check(counts.get("contested") == states.count("c") and counts.get("none") == states.count("."),
                  f"{label} {date}: the legend counts {counts} match the slice")
            hash_now = browser.run("return location.hash;")
            check(hash_now == f"#date={date}{suffix}", f"{label}: the URL holds the view ({hash_now})")

        compared = 0
        for i, p in enumerate(pcodes):
            if not pixels[first_date][p]:
                continue  # out of view, too small at this scale, or covered by a circle or a panel
            a = tuple(pixels[first_date][p][0])
            if p == BAHARAK:
                baharak_at = a
            compared += 1
            before, after = webdriver.pixel(shots[first_date], *a), webdriver.pixel(shots[last_date], *a)
            for date, states, colour in ((first_date, first_states, before), (last_date, last_states, after)):
                expected = fill.get(states[i], background)
                if colour != expected:
                    check(False, f"{label} {view} {date}: {p} shows {colour}, expected {expected} for '{states[i]}'")
            if first_states[i] != last_states[i]:
                changed += 1
                check(before != after, f"{label} {view}: {p} changed status, and its pixel at {a} changed "
                                       f"({before} -> {after})")
            elif before != after:
                check(False, f"{label} {view}: {p} kept its status but its pixel at {a} changed ({before} -> {after})")
        check(compared >= least, f"{label} {view}: {compared} districts compared pixel by pixel between the two dates")
    check(changed >= 1, f"{label}: {changed} districts whose control changed were compared")
    check(baharak_at is not None and webdriver.pixel(shots[last_date], *baharak_at) == fill["c"],
          f"{label}: a pixel inside Baharak ({baharak_at}) has the contested colour {fill['c']} on {MAP_DATE}")

    # The play button steps through the slices and stops when pressed again; the slider follows.
    browser.run("window.naqshaViewer.setSlice(0); document.getElementById('play').click();")
    browser.wait_for("window.naqshaViewer.view().slice >= 2", timeout=30)
    browser.run("document.getElementById('play').click();")
    stopped_at = browser.run("return window.naqshaViewer.view().slice;")
    time.sleep(2)
    after = browser.run("return [window.naqshaViewer.view().slice, Number(document.getElementById('slider').value)];")
    check(after == [stopped_at, stopped_at], f"{label}: play steps through the slices and pauses ({stopped_at} -> {after})")

    # A link to one district: its panel lists the Baharak ambush with both sources and their quotes.
    browser.open("about:blank", ready="true")
    browser.open(f"{base}#district={BAHARAK}")
    browser.wait_for(f"window.naqshaViewer.view().district === '{BAHARAK}' && !document.getElementById('panel').hidden")
    panel = browser.run("""
        const body = document.getElementById('panel-body');
        return {title: body.querySelector('h2').textContent,
                history: body.querySelectorAll('table.history tr').length,
                events: [...body.querySelectorAll('.event')].map((e) => ({
                  head: e.querySelector('.head').textContent,
                  sources: [...e.querySelectorAll('.source')].map((s) => ({
                    article: s.dataset.article, quote: (s.querySelector('blockquote') || {}).textContent || ''}))}))};""")
    check(panel["title"] == "Baharak", f"{label}: #district={BAHARAK} opens Baharak ({panel['title']})")
    check(panel["history"] >= 1, f"{label}: the panel shows Baharak's control history ({panel['history']} rows)")
    ambush = [e for e in panel["events"] if e["head"].startswith("2020-10-20")]
    check(len(ambush) == 1, f"{label}: the panel lists the 2020-10-20 Baharak event ({[e['head'] for e in panel['events']]})")
    if ambush:
        articles = sorted(s["article"] for s in ambush[0]["sources"])
        check(articles == ["001_7f9b9c3711d5355b", "003_71abac885cfa549a"],
              f"{label}: the event lists both of its sources ({articles})")
        check(all("Baharak" in s["quote"] or "Takhar" in s["quote"] for s in ambush[0]["sources"]),
              f"{label}: each source comes with its quote")
    hash_now = browser.run("return location.hash;")
    check(hash_now == f"#date={MAP_DATE}&district={BAHARAK}", f"{label}: the URL names the district ({hash_now})")

    requests = browser.requests()
    outside = [u for u in requests if not allowed_request(u, server)]
    check(any(u.endswith("data.js") for u in requests), f"{label}: the request log saw the page load data.js")
    check(not outside, f"{label}: no request left the machine ({outside[:5]})")
    errors = [m for m in browser.console() if "SEVERE" in m or "Uncaught" in m]
    check(not errors, f"{label}: no errors in the console ({errors[:3]})")


def check_links(naqsha, work, browser):
    """An article's URL becomes a link to it; a "javascript:" URL in the metadata does not."""
    shared = os.environ.get("NAQSHA_SHARED") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")
    with open(os.path.join(shared, "corpus", "seeds", "001_7f9b9c3711d5355b.txt"), encoding="utf-8") as f:
        text = f.read()
    corpus = work + ".ndjson"
    with open(corpus, "w", encoding="utf-8") as f:
        for article_id, url in (("linked", "https://example.org/news/baharak"), ("hostile", "javascript:alert(1)")):
            f.write(json.dumps({"id": article_id, "published": "2020-10-21", "url": url, "source": "Test Wire",
                                "title": "Baharak", "text": text}) + "\n")
    r = subprocess.run([naqsha, "-q", "run", "--articles", corpus, "--out", work, "--no-tiles", "--no-animation"],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"naqsha run on two linked articles ({r.returncode}: {r.stderr.strip()[:200]})")
    browser.open("about:blank", ready="true")
    browser.open("file://" + os.path.join(work, "viewer", "index.html") + f"#district={BAHARAK}")
    browser.wait_for("!document.getElementById('panel').hidden")
    links = browser.run("return [...document.querySelectorAll('#panel .source')].map((s) => "
                        "[s.dataset.article, (s.querySelector('a') || {}).href || '']);")
    check(["linked", "https://example.org/news/baharak"] in links, f"the article's URL is a link ({links})")
    check(["hostile", ""] in links, f"a javascript: URL is no link ({links})")


def main():
    naqsha, out = sys.argv[1], os.path.abspath(sys.argv[2])
    index = os.path.join(out, "viewer", "index.html")
    check(os.path.isfile(index), f"naqsha run wrote {index}")
    size = sum(os.path.getsize(os.path.join(out, "viewer", f)) for f in os.listdir(os.path.join(out, "viewer")))
    check(size < 3_000_000, f"the whole page with its data is under 3 MB for the seeds ({size:,} bytes)")

    server = subprocess.Popen([naqsha, "serve", out, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        check(match is not None, f"naqsha serve says where it listens ({line.strip()})")
        base_url = f"http://127.0.0.1:{match.group(1)}" if match else None
        with webdriver.Browser() as browser:
            check_viewer(browser, "file://" + index, None, "file://")
            if base_url:
                check_viewer(browser, base_url + "/viewer/index.html", base_url, "naqsha serve")
            check_links(naqsha, out + "-links", browser)
    finally:
        server.terminate()
        server.wait(10)
    finish()


if __name__ == "__main__":
    main()
