"""scripts/local_server.serve: serves a folder on loopback, and a client that drops its connection is no error."""

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
