"""The macros pages call (`{{ quiz("sharding") }}`), registered with mkdocs-macros by `macros/__init__.py`.

Each macro takes ids from a page and returns HTML or Markdown from the build context. A content error (an
unknown id, a bad argument) never raises inside the template: mkdocs-macros would turn that into a process
exit and stop `mkdocs serve`. The macro records the problem with the page and line of the call instead, and
`hooks/build_context.py` stops the build once the page's macros have run, the same way in build and serve.
"""

from __future__ import annotations

import functools
import inspect

from handbook.build.context import BuildContext, context_of
from handbook.build.figure_macros import FigureMacros
from handbook.build.macro_base import ContentError, call_line
from handbook.build.practice_macros import PracticeMacros
from handbook.build.study_macros import StudyMacros
from handbook.rendering.tables import table_macros

__all__ = ["ContentError", "call_line", "define_env"]

MACRO_SETS = (StudyMacros, FigureMacros, PracticeMacros)


def _reporting(env, function):
    """Wrap a macro so that any error becomes a problem reported on the calling page, with no traceback."""

    @functools.wraps(function)
    def macro(*args, **kwargs):
        page = env.page
        try:
            return function(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure of a macro is a content error to report
            where = f"docs/{page.file.src_uri}" if page is not None else "a page"
            message = str(exc) if isinstance(exc, ContentError) else f"{where}: {function.__name__}(): {exc}"
            context_of(env.conf).report(page.file.src_uri if page is not None else "", message)
            return ""

    return macro


def _bind_context(function, context: BuildContext):
    """Table macros that read build data take a keyword-only `context`; bind it, keeping the macro's name."""
    if "context" in inspect.signature(function).parameters:
        return functools.update_wrapper(functools.partial(function, context=context), function)
    return function


def define_env(env) -> None:
    """Register every macro; the data was loaded and validated when the build started (on_config)."""
    context = context_of(env.conf)
    for macro_set in MACRO_SETS:
        for function in macro_set(env).macros():
            env.macro(_reporting(env, function), function.__name__)
    for table in table_macros():
        env.macro(_reporting(env, _bind_context(table, context)), table.__name__)
