"""White space as extracts print it: runs collapsed to one space where text is kept whole."""

from __future__ import annotations


def collapse(text: str) -> str:
    """One line, single spaces: how titles and raw cells are kept.

    Every run of white space becomes one space, ends trimmed. Most text is already collapsed,
    which C-level tests tell without splitting it: every character str.split() splits on,
    but the space, is a control or separator character, which str.isprintable() rejects.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())
