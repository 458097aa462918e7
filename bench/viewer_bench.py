#!/usr/bin/env python3
"""The web viewer on a large run, in Debian's headless Chromium (network off, as in tests/viewer):
how long until the page is interactive, and how long one step of the slider takes to recolour the
districts and redraw the slice's incidents, up to the next painted frame. Goals (docs/benchmarks.md):
interactive in under 1 s with the 100,000-article benchmark's output, one slider step under 50 ms.

    bench/run_bench.sh 100000 --no-tiles        # writes build/bench/run-out
    bench/viewer_bench.py [OUT_DIR] [--loads N] [--steps N]

Interactive: from the start of navigation to the end of viewer.js's setup (every district drawn, the
slice of the URL shown, the slider live), then the next frame. Not a test: it measures, it does not judge.
"""
import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "viewer"))
import webdriver  # noqa: E402

# Moves the slider as a reader does (an input event), then waits for the frame that shows it.
STEP = """
const [from, count, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const slider = document.getElementById('slider');
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
(async () => {
  const times = [];
  for (let i = 0; i < count; ++i) {
    const t0 = performance.now();
    slider.value = String(from + i);
    slider.dispatchEvent(new Event('input'));
    await frame();
    times.push(performance.now() - t0);
  }
  done(times);
})();
"""

LOADED = """
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => setTimeout(() => done({
  ready: window.naqshaViewer.readyAt,
  interactive: performance.now(),
}), 0));
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="build/bench/run-out")
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--steps", type=int, default=60)
    args = parser.parse_args()
    viewer = os.path.abspath(os.path.join(args.out, "viewer"))
    index = os.path.join(viewer, "index.html")
    if not os.path.isfile(index):
        sys.exit(f"viewer_bench: {index} does not exist: run bench/run_bench.sh 100000 --no-tiles first")
    size = sum(os.path.getsize(os.path.join(viewer, f)) for f in os.listdir(viewer))
    print(f"page: {index}, {size / 1e6:.1f} MB with its data ({os.path.getsize(os.path.join(viewer, 'data.js')) / 1e6:.1f} MB data.js)")

    with webdriver.Browser() as browser:
        loads = []
        for _ in range(args.loads):
            browser.open("about:blank", ready="true")
            browser.open("file://" + index)
            loads.append(browser.run_async(LOADED))
        slices = browser.run("return window.naqshaViewer.slices();")
        counts = browser.run("return window.NAQSHA_DATA.slices.map((s) => s[5].length / 3);")
        steps = min(args.steps, slices - 1)
        browser.run("window.naqshaViewer.setSlice(0);")
        times = browser.run_async(STEP, 1, steps)
        # The slices with the most incidents: the slowest steps a reader meets.
        busiest = sorted(range(1, slices), key=lambda i: -counts[i])[:10]
        worst = []
        for i in busiest:
            browser.run(f"window.naqshaViewer.setSlice({i - 1});")
            worst += browser.run_async(STEP, i, 1)
        problems = [m for m in browser.console() if "SEVERE" in m]

    def ms(values):
        return f"median {statistics.median(values):.0f} ms, max {max(values):.0f} ms"

    print(f"{slices} slices, up to {max(counts):.0f} incidents in one")
    print(f"interactive (navigation start to the first frame after setup), {len(loads)} loads: "
          f"{ms([l['interactive'] for l in loads])}")
    print(f"  of which viewer.js's setup ended at: {ms([l['ready'] for l in loads])}")
    print(f"slider step to the next painted frame, {len(times)} consecutive steps: {ms(times)}")
    print(f"slider step into the 10 slices with the most incidents: {ms(worst)}")
    if problems:
        print("console errors:", problems[:3])


if __name__ == "__main__":
    main()
