"""Small text rules shared by every output: kebab-case slugs for anchors and the build's date."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """`Minutes 18–30: scaling` -> `minutes-18-30-scaling`: lowercase letters and digits joined by hyphens."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def build_date() -> date:
    """Today in UTC, or the day of SOURCE_DATE_EPOCH when a reproducible build sets it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return (datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)).date()
