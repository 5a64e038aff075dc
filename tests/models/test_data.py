"""The gold readers: keep_it_local's class numbering read off its own sentences."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from realpolitik.models.data import read_keep_it_local

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"


@pytest.mark.skipif(not (GOLD / "keep_it_local_quadclass_dev.tsv").is_file(), reason="no gold")
@pytest.mark.parametrize(
    ("word", "label"),
    [("killed", 4), ("condemn", 3), ("welcom", 1), ("abducted", 4), ("strengthened", 2)],
)
def test_keep_it_local_labels_follow_the_sentences(word: str, label: int) -> None:
    """Sentences with a telling word carry, mostly, the class that word signals."""
    counts = Counter(s.label for s in read_keep_it_local(GOLD) if word in s.text.lower())
    assert counts, word
    assert counts.most_common(1)[0][0] == label, counts
