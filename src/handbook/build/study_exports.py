"""The study files every build publishes (called in `on_nav`): the Anki deck, the flashcards' deck, the
progress index of the dashboard, and the FSRS scheduler's browser bundle copied from node_modules.

`on_nav` because both name the nav section of each quiz's page, and because it runs before any page renders:
the downloads page can then link the deck and show its size, and MkDocs' strict link check sees the file.
Nothing is written into `docs/`: the files are added to the build's files, so `mkdocs serve` rebuilds them
when a quiz changes. The deck is cached by content; its links point to the published site (`site_url` in
mkdocs.yml), also when `mkdocs serve` or the tests build with a local address.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from handbook.build.context import BuildContext
from handbook.content import models, questions
from handbook.errors import DataError
from handbook.exports import anki, flashcards, scheduler_bundle
from handbook.exports.catalog import ANKI_DECK, printed_pdfs, site_path
from handbook.rendering import safe_markdown

# The code that shapes the deck: a change to any of these builds it again.
DECK_CODE = [anki, flashcards, questions, safe_markdown, models]


def _deck_key(context: BuildContext, places: dict) -> str:
    digest = hashlib.sha256()
    for path in sorted((context.project.data / "quizzes").glob("*.yml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for module in DECK_CODE:
        digest.update(Path(module.__file__).read_bytes())
    digest.update(json.dumps({qid: [p.deck, p.url] for qid, p in sorted(places.items())}).encode())
    digest.update(f"genanki {version('genanki')}".encode())
    return digest.hexdigest()[:20]


def anki_deck(context: BuildContext) -> bytes:
    """The deck's bytes, from the cache or newly built into it (written whole, then moved into place)."""
    try:
        places = anki.places_in_nav(context.placements, context.site_url, list(context.data.quizzes))
    except DataError as exc:
        raise PluginError(f"the Anki deck cannot be built:\n{exc}") from None
    cache = context.project.cache("downloads")
    cached = cache / f"{_deck_key(context, places)}.apkg"
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob("*.apkg"):  # an older deck is never used again
            old.unlink(missing_ok=True)
        anki.build_deck(context.questions, places, cached)
    return cached.read_bytes()


def publish(context: BuildContext, config, files) -> None:
    """Add the Anki deck, the flashcards' JSON, the progress index and the FSRS bundle to this build's files."""
    if set(context.placements.quiz) - set(context.data.quizzes):
        # A page calls a quiz that does not exist (a typo, say): the quiz macro stops the build with the page,
        # the line and the closest id, a clearer message than "this quiz is on no page" would be.
        return
    # The bytes, not the cached path: another build (mkdocs serve beside make test) may prune the cache.
    deck = anki_deck(context)
    context.downloads[ANKI_DECK] = len(deck)
    files.append(File.generated(config, site_path(ANKI_DECK), content=deck))
    # PDFs that `make pdf` printed from exactly these sources; the downloads page links only what is here.
    for pdf in printed_pdfs(context.project.printed, context.project.root):
        context.downloads[pdf.name] = pdf.stat().st_size
        files.append(File.generated(config, site_path(pdf.name), abs_src_path=str(pdf)))
    cards = json.dumps(
        flashcards.deck(context.questions, context.placements), ensure_ascii=False, separators=(",", ":")
    )
    files.append(File.generated(config, flashcards.SITE_PATH, content=cards, inclusion=InclusionLevel.INCLUDED))
    index = flashcards.progress_index(
        context.questions,
        {cid: sum(len(part.items) for part in item.model.sections) for cid, item in context.data.checklists.items()},
        context.placements,
    )
    files.append(
        File.generated(
            config,
            flashcards.INDEX_SITE_PATH,
            content=json.dumps(index, ensure_ascii=False, separators=(",", ":")),
            inclusion=InclusionLevel.INCLUDED,
        )
    )
    try:
        bundle = scheduler_bundle.bundle_files(context.project.node_modules)
    except DataError as exc:
        raise PluginError(f"the flashcards' scheduler cannot be published:\n{exc}") from None
    for path, content in bundle.items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.INCLUDED))
