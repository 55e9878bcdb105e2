"""Contributed text cannot run script: a `javascript:` link in a quiz is neutralised and the build succeeds.

(Inputs that must stop the build, such as a `data:text/html` link in a page, are cases in test_bad_input.py.)
"""

from __future__ import annotations

import re

from tests.build.test_bad_input import QUIZ, build, edit, project, template  # noqa: F401 - fixtures

EXPLANATION = "    explanation: |\n      Asynchronous replication"
PAYLOADS = {
    "javascript": "[click me](javascript:window.__pwned=1)",
    "entity": "[entity](&#106;avascript:window.__pwned=2)",
    "vbscript": "[vb](vbscript:msgbox)",
    "data": "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "image": "![pixel](javascript:window.__pwned=3)",
}


def test_script_links_in_a_quiz_explanation_are_neutralised(project):  # noqa: F811 - the imported fixture
    lines = "".join(f"      {payload}\n" for payload in PAYLOADS.values())
    edit(QUIZ, EXPLANATION, f"    explanation: |\n{lines}      Asynchronous replication")(project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "data" / "replication" / "index.html").read_text(encoding="utf-8")
    # The quiz block; Material's own search-share button (`href="javascript:void(0)"`) is outside it.
    html = re.search(r'<section class="hb-quiz".*?</section>', page, re.S).group(0)
    for text in ("click me", "entity", "vb", "data", 'alt="pixel"'):
        assert text in html
    urls = re.findall(r"""\s(?:href|src)\s*=\s*["']?([^"'\s>]*)""", html, re.I)
    unsafe = [url for url in urls if re.match(r"(?i)\s*(javascript|vbscript|data:text)", url.replace("&#106;", "j"))]
    assert not unsafe, unsafe
    assert "javascript:" not in " ".join(urls).lower()
