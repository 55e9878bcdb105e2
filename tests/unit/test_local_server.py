"""handbook.serving.serve: serves a folder on loopback, with an optional overlay; a dropped connection is no error."""

from __future__ import annotations

import socket
import struct
import time
import urllib.request

from handbook.serving import serve


def test_serves_the_folder_on_loopback(tmp_path):
    (tmp_path / "index.html").write_text("<p>hello</p>", encoding="utf-8")
    with serve(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url) as response:
            assert response.read() == b"<p>hello</p>"


def test_a_dropped_connection_prints_no_traceback(tmp_path, capsys):
    (tmp_path / "big.json").write_bytes(b"x" * 4_000_000)  # still being sent when the client resets
    with serve(tmp_path) as url:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        for _ in range(3):
            client = socket.create_connection(("127.0.0.1", port))
            client.sendall(b"GET /big.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = reset
            client.close()
        time.sleep(0.5)
    assert "Traceback" not in capsys.readouterr().err


def test_an_overlay_adds_and_replaces_files_without_touching_the_site(tmp_path):
    site, overlay = tmp_path / "site", tmp_path / "overlay"
    (site / "page").mkdir(parents=True)
    (site / "page" / "index.html").write_text("site page", encoding="utf-8")
    (site / "kept.txt").write_text("from the site", encoding="utf-8")
    (site / "index.html").write_text("home page", encoding="utf-8")
    (overlay / "extra").mkdir(parents=True)
    (overlay / "extra" / "index.html").write_text("added page", encoding="utf-8")
    (overlay / "kept.txt").write_text("from the overlay", encoding="utf-8")
    with serve(site, overlay=overlay) as url:
        assert urllib.request.urlopen(url).read() == b"home page", "the overlay's root does not hide the site's"
        assert urllib.request.urlopen(url + "page/").read() == b"site page"
        assert urllib.request.urlopen(url + "extra/").read() == b"added page"
        assert urllib.request.urlopen(url + "kept.txt").read() == b"from the overlay"
    assert sorted(p.name for p in site.rglob("*")) == ["index.html", "index.html", "kept.txt", "page"]
