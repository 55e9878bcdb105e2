"""Measure the build: clean and warm build times with where the time goes, figure rendering cold and warm,
figure sizes, page weight.

Usage: python scripts/bench.py. The clean build starts with empty caches (figures, charts, Mermaid, question
views, deck). Targets (2-core machine): warm rebuild < 0.05 s a page, clean build with every figure < 0.1 s a page;
a warm rebuild renders no figure; heaviest page (search index aside) < 300 KB gzip; median figure < 40 KB; a first
search < 150 KB gzip and results within 100 ms of the last keystroke once loaded (the search's own numbers: index
pieces, bytes a first search downloads, latency; see search_numbers).
Then the Anki deck and flashcard data sizes, and the time, pages and size of the four PDFs (`make pdf`).
Then, when `npx` is available, Lighthouse scores of three pages (scripts/lighthouse.py).
First it times a fixed pure-Python loop, and each build reports the CPU the whole machine spent: a busy machine
slows every figure here, and this says how busy it was.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from handbook.figures.architecture import render_all, render_one
from handbook.figures.chromium import CHROMIUM, CHROMIUM_ARGS
from handbook.project import repository

ROOT = repository().root


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def machine_speed() -> float:
    """Seconds a fixed pure-Python loop takes, best of three. A build's seconds mean little without it: on the same
    2-core machine it took 1.2 s on a quiet day and 2.0 to 3.5 s on a busy one, and a build's time followed."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for number in range(30_000_000):
            total += number
        best = min(best, time.perf_counter() - start)
    return best


def busy_cpu_seconds() -> float | None:
    """CPU seconds the whole machine has spent working since it started (Linux's /proc/stat), or None."""
    try:
        fields = Path("/proc/stat").read_text(encoding="utf-8").split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(value) for value in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def timed_build(site: Path, cache: Path, label: str) -> float:
    """One strict build in its own process, with the table of where its time went (handbook.build.stage_timer)
    and the CPU the whole machine spent meanwhile (every process the build started, Chromium's among them)."""
    env = {**os.environ, "HANDBOOK_CACHE": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    busy = busy_cpu_seconds()
    result = subprocess.run(
        [sys.executable, "-m", "handbook.build.stage_timer", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    report = [line for line in result.stdout.splitlines() if not line.startswith("BENCH ")]
    seconds = float(result.stdout.split("BENCH seconds=")[1].split()[0])
    if busy is not None:
        spent = busy_cpu_seconds() - busy
        report.append(
            f"  {spent:6.2f} CPU-s spent by the machine, {spent / seconds:.1f} of {os.cpu_count()} cores busy"
        )
    print(f"{label}: " + "\n".join(report))
    return seconds


def page_weights(site: Path, pages: list[Path]) -> list[tuple[int, Path]]:
    """Gzip bytes of each page and everything Chromium fetches for it once it has settled, the search index
    aside. Served over loopback like `make serve`."""
    from playwright.sync_api import sync_playwright

    from handbook.serving import serve

    results = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page in pages:
            tab = browser.new_page()
            fetched: set[str] = set()
            tab.on("request", lambda request, fetched=fetched: fetched.add(request.url.split("?")[0].split("#")[0]))
            tab.goto(base + page.relative_to(site).as_posix(), wait_until="networkidle")
            tab.close()
            files = set()
            for url in fetched:
                if url.startswith(base) and not url.endswith("search_index.json"):
                    target = site / url.removeprefix(base)
                    target = target / "index.html" if target.is_dir() else target
                    if target.is_file():
                        files.add(target)
            results.append((sum(gz(f) for f in files), page))
        browser.close()
    return sorted(results, reverse=True)


SEARCH_TERMS = ["token bucket", "read your writes", "write-back cache", "2PC", "denormalisation", "SKIP LOCKED"]


def search_numbers(site: Path) -> list[str]:
    """The search's index pieces, what a fresh reader's first search downloads (typed at 10 keys a second),
    and the time from the last keystroke to the rendered results once the pieces are loaded."""
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    from handbook.search.publish import INDEX_DIR, WORKER
    from handbook.serving import serve

    pieces = sorted(p for p in (site / INDEX_DIR).rglob("*.json"))
    shards = [p for p in pieces if p.parent.name == "t"]
    lines = [
        f"search index: {len(pieces)} pieces, {sum(p.stat().st_size for p in pieces) / 1024:.0f} KB raw, "
        f"{sum(gz(p) for p in pieces) / 1024:.0f} KB gzip in all; term pieces {len(shards)}, largest "
        f"{max(gz(p) for p in shards) / 1024:.1f} KB gzip; worker {gz(site / WORKER) / 1024:.1f} KB gzip"
    ]
    # The results are the query's once the first link carries its words (Material's ?h=, in any order).
    done = (
        "words => { const a = document.querySelector('.md-search-result__item a');"
        " return !!a && (new URL(a.href).searchParams.get('h') || '').split(' ').sort().join(' ') ==="
        " words.split(' ').sort().join(' '); }"
    )
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for term in SEARCH_TERMS:
            words = " ".join(dict.fromkeys(re.findall(r"[^\W_]+", term)))
            tab = browser.new_context().new_page()
            tab.goto(base, wait_until="networkidle")
            fetched = {base + WORKER}
            # The search's own requests: on a busy machine the page's assets may still be loading.
            index = base + "search/"
            tab.on(
                "request",
                lambda r, fetched=fetched, index=index: r.url.startswith(index) and fetched.add(r.url.split("?")[0]),
            )
            box = tab.locator(".md-search__input")
            box.click()
            box.press_sequentially(term, delay=100)
            tab.wait_for_function(done, arg=words)
            tab.wait_for_load_state("networkidle")
            files = [site / urlsplit(url).path.lstrip("/") for url in fetched if url.startswith(base)]
            weight = sum(gz(f) for f in files if f.is_file())
            # Once loaded: the same query again, timed from the keystroke that completes it.
            box.fill("")
            box.press("End")  # Material sends the empty query (answered at once), so the next one is new
            tab.wait_for_timeout(100)
            elapsed = tab.evaluate(
                f"""([term, words]) => new Promise(resolve => {{
                    const input = document.querySelector('.md-search__input');
                    const list = document.querySelector('.md-search-result__list');
                    const check = {done};"""
                + """
                    const start = performance.now();
                    new MutationObserver((_, observer) => {
                        if (check(words)) { observer.disconnect(); resolve(performance.now() - start); }
                    }).observe(list, { childList: true, subtree: true });
                    input.value = term;
                    input.dispatchEvent(new KeyboardEvent('keyup', { key: term.slice(-1), bubbles: true }));
                })""",
                [term, words],
            )
            lines.append(
                f"  first search {term!r}: {weight / 1024:5.1f} KB gzip ({len(files)} files); then {elapsed:.0f} ms"
            )
            tab.context.close()
        browser.close()
    return lines


def main() -> int:
    print(f"machine: a fixed pure-Python loop takes {machine_speed():.2f} s (1.2 s on a quiet day)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        cache = tmp_path / "figure-cache"
        clean = timed_build(tmp_path / "site", cache, "clean build (no caches)")
        warm = timed_build(tmp_path / "site", cache, "warm rebuild (nothing changed)")
        site = tmp_path / "site"
        pages = [p for p in site.rglob("*.html") if p.name != "404.html"]

        scripts = ROOT / "figures"
        start = time.perf_counter()
        cold_figures = render_all(scripts, tmp_path / "cold")
        figures_cold = time.perf_counter() - start
        start = time.perf_counter()
        warm_figures = render_all(scripts, tmp_path / "cold")
        figures_warm = time.perf_counter() - start
        one = sorted(scripts.glob("*.py"))[0]
        start = time.perf_counter()
        render_one(one, tmp_path / "single", one.name)
        single = time.perf_counter() - start

        weights = page_weights(site, pages)
        index = site / "search" / "search_index.json"
        svgs = sorted(site.glob("figures/*.svg"))

        print(f"pages: {len(pages)}   figures: {len(svgs)}")
        print(f"clean build (no figure cache): {clean:6.2f} s   ({clean / len(pages):.3f} s a page)")
        print(f"warm rebuild (nothing changed): {warm:6.2f} s   ({warm / len(pages):.3f} s a page)")
        print(f"figures cold: {figures_cold:6.2f} s, {sum(f.rendered for f in cold_figures)} rendered")
        print(f"figures warm: {figures_warm:6.2f} s, {sum(f.rendered for f in warm_figures)} rendered")
        print(f"one changed figure ({one.name}): {single:.2f} s")
        print(f"search config (search_index.json, every page): {index.stat().st_size} bytes")
        print("\n".join(search_numbers(site)))
        print("heaviest pages (gzip, with everything they load, search index aside):")
        for weight, page in weights[:3]:
            print(f"  {weight / 1024:7.0f} KB  {page.relative_to(site)}")
        deck = site / "downloads" / "backend-interview-handbook.apkg"
        cards = site / "assets" / "flashcards.json"
        print(
            f"Anki deck: {deck.stat().st_size / 1024:.0f} KB; flashcards data: {cards.stat().st_size / 1024:.0f} KB raw, "
            f"{gz(cards) / 1024:.0f} KB gzip"
        )
        from handbook.exports.pdf.make import build_pdfs

        printed = build_pdfs(site, tmp_path / "pdf")
        print(f"PDFs (make pdf after the build): {printed.seconds:.1f} s")
        for pdf in printed.files:
            print(f"  {pdf.pages:4d} pages  {pdf.bytes / 1024 / 1024:5.1f} MB  {pdf.path.name}")
        print("figures (raw / gzip):")
        for svg in sorted(svgs, key=lambda p: p.stat().st_size, reverse=True):
            print(f"  {svg.stat().st_size / 1024:6.0f} KB / {gz(svg) / 1024:4.0f} KB  {svg.name}")
    if shutil.which("npx"):  # Lighthouse scores of three pages, from their own loopback build
        subprocess.run([sys.executable, str(ROOT / "scripts" / "lighthouse.py")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
