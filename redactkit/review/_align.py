"""Where each entity's replacement sits in the redacted text.

The entities column records offsets into the *original* transcript only. The review page shows the
redacted text beside it with each replacement highlighted, so this module recovers the replacement
offsets: outside the entities, the redacted text is the original text verbatim, so the stretches
between entities anchor the replacements between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["replacement_offsets"]

#: Above this many entities in one row the anchored match is not attempted (pathological rows).
_MAX_ENTITIES = 400


def replacement_offsets(
    original: str, redacted: str, spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """``(start, end)`` in ``redacted`` of each span's replacement, or ``None`` if they cannot be told.

    ``spans`` are ``(start, end)`` offsets into ``original``, sorted and not overlapping. The text
    between them must appear unchanged in ``redacted``; replacements take the shortest strings that
    make the whole redacted text match, so a replacement that happens to contain the following
    context can be placed too early only when the texts allow no other reading.
    """
    if not spans:
        return [] if original == redacted else None
    if len(spans) > _MAX_ENTITIES:
        return None
    previous_end = 0
    pattern = ["^"]
    for start, end in spans:
        if start < previous_end or end < start or end > len(original):
            return None
        pattern.append(re.escape(original[previous_end:start]))
        pattern.append("(.*?)")
        previous_end = end
    pattern.append(re.escape(original[previous_end:]))
    pattern.append(r"\Z")
    match = re.match("".join(pattern), redacted, flags=re.DOTALL)
    if match is None:
        return None
    return [match.span(group) for group in range(1, len(spans) + 1)]
