"""The macros of the study tools: quizzes, checklists, their indexes, the progress dashboard and downloads."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from handbook.build.macro_base import ContentError, MacroSet, unknown
from handbook.rendering.checklists import render_checklist, render_checklist_index
from handbook.rendering.decision_matrix import render_matrix
from handbook.rendering.downloads_page import render_downloads
from handbook.rendering.quizzes import render_progress_dashboard, render_quiz, render_quiz_index


class StudyMacros(MacroSet):
    MACROS = (
        "quiz",
        "checklist",
        "decision_matrix",
        "quiz_index",
        "progress_dashboard",
        "checklist_index",
        "downloads_table",
    )

    def quiz(self, quiz_id: str, heading_level: int = 2) -> str:
        """The quiz block for `data/quizzes/<quiz_id>.yml`."""
        if quiz_id not in self.data.quizzes:
            raise unknown(self.page, "quiz", quiz_id, self.data.quizzes)
        return self.stash(render_quiz(self.data.quizzes[quiz_id].model, self.context.questions[quiz_id], heading_level))

    def checklist(self, checklist_id: str, heading_level: int = 2) -> str:
        """The task list for `data/checklists/<checklist_id>.yml`."""
        if checklist_id not in self.data.checklists:
            raise unknown(self.page, "checklist", checklist_id, self.data.checklists)
        return self.stash(render_checklist(self.data.checklists[checklist_id].model, heading_level))

    def decision_matrix(self, matrix_id: str) -> str:
        """The one-page comparison table for `data/decision-matrices/<matrix_id>.yml`."""
        if matrix_id not in self.data.matrices:
            raise unknown(self.page, "decision_matrix", matrix_id, self.data.matrices)
        return self.stash(render_matrix(self.data.matrices[matrix_id].model))

    def quiz_index(self) -> str:
        """Every quiz in reading order, linked to the page that holds it; quiz.js adds the reader's progress."""
        placed = self.context.placements.quiz
        links = {qid: get_relative_url(page.src_uri, self.here) for qid, page in placed.items()}
        unplaced = len(self.context.placements.pages)
        quizzes = sorted(
            (item.model for item in self.data.quizzes.values()),
            key=lambda quiz: (placed[quiz.id].order if quiz.id in placed else unplaced, quiz.title),
        )
        return render_quiz_index(quizzes, links)

    def progress_dashboard(self, transfer: bool = False) -> str:
        """The reader's progress per section (study-progress.js); `transfer`: with export and import."""
        flashcards_page = self.context.placements.page("study/flashcards.md")
        if flashcards_page is None:
            raise ContentError("docs/study/flashcards.md is missing: the dashboard links the quiz misses there")
        link = get_relative_url(flashcards_page.url, self.page.url)  # a URL in raw HTML: MkDocs does not rewrite it
        return self.stash(render_progress_dashboard(link, transfer))

    def checklist_index(self) -> str:
        """Every checklist, linked to the page that calls it."""
        placed = self.context.placements.checklist
        missing = [cid for cid in self.data.checklists if cid not in placed]
        if missing:
            raise ContentError(
                "; ".join(
                    f'data/checklists/{cid}.yml: no page calls checklist("{cid}"): create '
                    f'docs/checklists/{cid}.md holding {{{{ checklist("{cid}") }}}}'
                    for cid in missing
                )
            )
        links = {cid: get_relative_url(placed[cid].src_uri, self.here) for cid in self.data.checklists}
        return render_checklist_index([item.model for item in self.data.checklists.values()], links)

    def downloads_table(self) -> str:
        """The downloads page's table: the Anki deck and the PDFs, with the card count and the build date."""
        return render_downloads(self.data, self.context.downloads, self.here, self.page.url)
