#!/usr/bin/env python3
"""`naqsha serve` as a browser and a curious neighbour meet it (issue 16):

- it listens on 127.0.0.1 only, unless told otherwise, and a port in use is refused (exit 2);
- a path outside the directory is refused, however it is spelled: "..", "%2e%2e", "%2e%2e%2f",
  a symbolic link leading out; and nothing of the file outside ever comes back;
- /tiles/{layer}/{slice}/{z}/{x}/{y}.png is the tile in the MBTiles file, byte for byte (TMS row flipped);
- MIME types and cache headers (ETag, 304 Not Modified); GET and HEAD only;
- one log line per request; Ctrl-C (SIGINT) stops it cleanly, exit 0.

Usage: check_serve.py NAQSHA OUT_DIR   (OUT_DIR: `naqsha run` on the seeds, tests/viewer fixture)
"""
import http.client
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading

from checklist import check, finish

SECRET = "naqsha-serve-secret-4f1c"


def request(port, method, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest(method, path, skip_accept_encoding=True)  # the path goes out exactly as written
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def listening_address(port):
    """The local address of the listening socket on `port`, from /proc/net/tcp (hex, little-endian)."""
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            address, p = fields[1].split(":")
            if int(p, 16) == port and fields[3] == "0A":  # LISTEN
                return ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0))
    return None


def main():
    naqsha, out = sys.argv[1], os.path.abspath(sys.argv[2])
    outside = tempfile.mkdtemp(prefix="naqsha-serve-outside-")
    with open(os.path.join(outside, "secret.txt"), "w") as f:
        f.write(SECRET)
    link = os.path.join(out, "link-outside")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(outside, link)

    server = subprocess.Popen([naqsha, "serve", out, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    log_lines = []
    reader = threading.Thread(target=lambda: log_lines.extend(server.stderr), daemon=True)
    reader.start()
    requests_made = 0
    try:
        banner = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
        check(match is not None, f"serve names its address ({banner.strip()})")
        if not match:
            return
        port = int(match.group(1))
        check(listening_address(port) == "127.0.0.1", f"it listens on 127.0.0.1 only ({listening_address(port)})")
        second = subprocess.run([naqsha, "serve", out, "--port", str(port)], capture_output=True, text=True, timeout=60)
        check(second.returncode == 2 and str(port) in second.stderr,
              f"a second server on the same port is refused, exit 2 naming it ({second.returncode}: {second.stderr.strip()})")

        def get(path, method="GET", headers=None):
            nonlocal requests_made
            requests_made += 1
            return request(port, method, path, headers)

        # Traversal, however it is spelled.
        for path in ["/../../../../etc/passwd", "/viewer/../../secret.txt", "/%2e%2e/%2e%2e/etc/passwd",
                     "/viewer/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                     "/viewer/..%2f..%2fetc/passwd", "/link-outside/secret.txt", "/link-outside/",
                     "/tiles/control/..%2f..%2f..%2fetc/0/0/0.png", "/viewer%5c..%5c..%5cetc%5cpasswd"]:
            status, _, body = get(path)
            check(status in (403, 404) and SECRET.encode() not in body and b"root:" not in body,
                  f"{path} is refused ({status})")
            check(status == 403 or "%5c" in path, f"{path} is refused as forbidden, not merely missing ({status})")

        # The viewer, with its MIME types and cache headers.
        for path, mime in [("/viewer/index.html", "text/html"), ("/viewer/data.js", "text/javascript"),
                           ("/viewer/leaflet.css", "text/css"), ("/control.geojson", "application/geo+json"),
                           ("/preview.png", "image/png"), ("/control.gif", "image/gif"),
                           ("/naqsha.gpkg", "application/geopackage+sqlite3")]:
            status, headers, body = get(path)
            check(status == 200 and headers.get("content-type", "").startswith(mime),
                  f"{path}: 200, {mime} ({status}, {headers.get('content-type')})")
            with open(os.path.join(out, path.lstrip("/")), "rb") as f:
                check(body == f.read(), f"{path}: the file's bytes")
            check(headers.get("cache-control") == "no-cache" and headers.get("etag"), f"{path}: no-cache with an ETag")
            check(headers.get("x-content-type-options") == "nosniff", f"{path}: nosniff")
            status, _, body = get(path, headers={"If-None-Match": headers.get("etag", "")})
            check(status == 304 and body == b"", f"{path}: 304 Not Modified for the current ETag ({status})")
        status, headers, _ = get("/")
        check(status in (301, 302, 303, 307, 308) and headers.get("location") == "/viewer/", f"/ leads to /viewer/ ({status})")
        status, headers, body = get("/viewer/")
        check(status == 200 and body.startswith(b"<!DOCTYPE html>"), f"/viewer/ is the viewer ({status})")
        status, _, _ = get("/no-such-file.txt")
        check(status == 404, f"a missing file is 404 ({status})")

        # Read-only.
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            status, headers, _ = get("/viewer/index.html", method=method, headers={"Content-Length": "0"})
            check(status == 405 and headers.get("allow") == "GET, HEAD", f"{method} is refused: 405, Allow: GET, HEAD ({status})")
        status, headers, body = get("/viewer/index.html", method="HEAD")
        check(status == 200 and body == b"" and int(headers.get("content-length", 0)) > 0, f"HEAD: headers only ({status})")

        # A tile from the MBTiles file, byte for byte: XYZ row y is TMS row 2^z - 1 - y.
        mbtiles = sorted(f for f in os.listdir(os.path.join(out, "tiles")) if f.startswith("control-") and f.endswith(".mbtiles"))
        check(bool(mbtiles), f"the run wrote control MBTiles ({len(mbtiles)})")
        if mbtiles:
            name = mbtiles[-1]
            slice_label = name[len("control-"):-len(".mbtiles")]
            db = sqlite3.connect(f"file:{os.path.join(out, 'tiles', name)}?mode=ro", uri=True)
            rows = db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = 7 "
                              "ORDER BY length(tile_data) DESC LIMIT 3").fetchall()
            db.close()
            check(len(rows) == 3, f"{name} holds tiles at zoom 7")
            for z, x, tms_row, data in rows:
                y = (1 << z) - 1 - tms_row
                path = f"/tiles/control/{slice_label}/{z}/{x}/{y}.png"
                status, headers, body = get(path)
                check(status == 200 and headers.get("content-type") == "image/png" and body == bytes(data),
                      f"{path} is byte-identical to {name} row ({z}, {x}, {tms_row}) ({status}, {len(body)} bytes)")
                if y != tms_row:
                    status, _, body = get(f"/tiles/control/{slice_label}/{z}/{x}/{tms_row}.png")
                    check(status == 404 or body != bytes(data), f"the unflipped row {tms_row} is not that tile")
            status, _, _ = get(f"/tiles/control/{slice_label}/7/0/0.png")
            check(status == 404, f"a tile outside the country is 404 ({status})")

        # One line per request.
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            code = None
        check(code == 0, f"Ctrl-C (SIGINT) stops it cleanly with exit 0 ({code})")
        rest = server.stdout.read()
        check("stopped" in rest, f"it says it stopped ({rest.strip()})")
        reader.join(5)
        request_lines = [l for l in log_lines if re.match(r"^127\.0\.0\.1 \"[A-Z]+ \S+\" \d{3} \d+$", l.strip())]
        check(len(request_lines) == requests_made and len(log_lines) == requests_made,
              f"one log line per request ({len(request_lines)} of {len(log_lines)} lines for {requests_made} requests)")
        check(any('"GET /viewer/index.html" 200' in l for l in request_lines), "a log line names method, path and status")
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        os.remove(link)
        os.remove(os.path.join(outside, "secret.txt"))
        os.rmdir(outside)
    finish()


if __name__ == "__main__":
    main()
