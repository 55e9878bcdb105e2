"""Lighthouse scores of the home page, a topic page and a checklist, from a temporary build served on loopback.

Usage: python scripts/lighthouse.py [--simulators]. With --simulators, every page that carries a simulator
instead, with the mobile form factor only (the harder one). Builds the site for a free loopback port into a temporary folder (so
canonical links, the sitemap and instant navigation match the address served), then runs the pinned npm
`lighthouse` with the desktop preset and with its default mobile form factor (about 15 s a page each). Needs `npx` (Node) and /usr/bin/chromium.

The loopback server compresses text the way the production host (GitHub Pages) does, so the transfer sizes
Lighthouse simulates a connection with are those readers download. Targets: performance >= 95,
accessibility 100, best practices 100, SEO >= 95. Exits 1 when a page misses one, listing the audits that cost
points.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from handbook.figures.chromium import CHROMIUM, CHROMIUM_ARGS
from handbook.project import repository
from handbook.serving import QuietHandler, free_port, serve

ROOT = repository().root

LIGHTHOUSE = "lighthouse@13.5.0"
CHROME = os.environ.get("CHROME_PATH", CHROMIUM)
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
# The topic page carries the quorum simulator; Raft has the largest simulator module.
PAGES = {
    "home": "",
    "topic": "data/replication/",
    "simulator": "distributed/consensus-raft/",
    "checklist": "checklists/data-at-scale/",
}
PRESETS = ("desktop", "mobile")  # the mobile form factor throttles CPU and network: the harder target
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class _Handler(QuietHandler):
    """Static files, gzip for text when the client accepts it (as GitHub Pages serves them)."""

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # its redirect to the address with a slash
            path = path / "index.html"
        if not (
            path.is_file() and path.name.endswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def _build(site: Path, url: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site), "--site-url", url],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"the site does not build:\n{result.stdout}{result.stderr}")


def _audit(url: str, out: Path, preset: str) -> dict:
    """One Lighthouse run; `mobile` is Lighthouse's default form factor (a throttled phone), `desktop` its preset."""
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        *(["--preset=desktop"] if preset == "desktop" else []),
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _lost_points(report: dict, category: str) -> list[str]:
    """The scored audits of a category that did not pass, heaviest first."""
    lost = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lost.append((ref["weight"] * (1 - audit["score"]), f"{ref['id']}: {audit['title']}{value}"))
    return [text for _, text in sorted(lost, reverse=True)]


def simulator_pages(site_dir: Path) -> dict[str, str]:
    """Name -> path of every built page with a simulator block, as the reader gets it."""
    found = {}
    for html in sorted(site_dir.rglob("index.html")):
        names = re.findall(r'class="hb-sim[^"]*"[^>]*data-sim="([\w-]+)"', html.read_text(encoding="utf-8"))
        if names:
            found[",".join(names)] = html.parent.relative_to(site_dir).as_posix() + "/"
    if not found:
        raise SystemExit("no built page carries a simulator: is the simulator block's markup still .hb-sim[data-sim]?")
    return found


def run(simulators: bool = False) -> int:
    """Print the four scores of each page; 1 if a page misses a target, 0 otherwise."""
    if not shutil.which("npx"):
        print("lighthouse: npx is not installed, skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        site_dir = Path(tmp) / "site"
        _build(site_dir, base)
        missed = []
        pages = simulator_pages(site_dir) if simulators else PAGES
        width = max(len(name) for name in pages)
        with serve(site_dir, port, _Handler):
            for preset in ("mobile",) if simulators else PRESETS:
                print(f"Lighthouse ({LIGHTHOUSE}, {preset}; targets {TARGETS}):")
                print(f"  {'page':{width}} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  url")
                for name, path in pages.items():
                    report = _audit(base + path, Path(tmp) / f"{name}-{preset}.json", preset)
                    scores = {key: round((report["categories"][key]["score"] or 0) * 100) for key in TARGETS}
                    row = " ".join(f"{scores[key]:5d}" for key in TARGETS)
                    print(f"  {name:{width}} {row}  /{path}", flush=True)
                    missed += [
                        f"{name} ({preset}) {key} {scores[key]} < {target}: " + "; ".join(_lost_points(report, key))
                        for key, target in TARGETS.items()
                        if scores[key] < target
                    ]
        for line in missed:
            print(f"  below target: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--simulators", action="store_true", help="every page with a simulator, mobile only")
    sys.exit(run(parser.parse_args().simulators))
