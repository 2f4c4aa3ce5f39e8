"""Choosing a name from weighed mentions without guessing on a tie."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen


@frozen
class Guess:
    """The best-weighed name, or None when nothing reaches the minimum or the top is shared."""

    name: str | None
    #: the weighed candidates, best first, for warnings and debugging
    scores: tuple[tuple[str, int], ...] = ()

    @property
    def tied(self) -> bool:
        return len(self.scores) > 1 and self.scores[0][1] == self.scores[1][1]

    @property
    def tied_names(self) -> str:
        """'Bromma or Farsta': the names sharing the top weight."""
        return " eller ".join(name for name, score in self.scores if score == self.scores[0][1])


def choose(weights: Mapping[str, int], minimum: int = 1) -> Guess:
    ranked = tuple(sorted(((n, w) for n, w in weights.items() if w > 0), key=lambda item: (-item[1], item[0])))
    guess = Guess(None, ranked)
    if not ranked or guess.tied or ranked[0][1] < minimum:
        return guess
    return Guess(ranked[0][0], ranked)
