"""resolve decides each group of overlapping candidates alone (two-candidate groups without _pick):
it must choose what one _pick over all the candidates chooses."""

import random

from annotator.suggest.cand import Cand
from annotator.suggest.resolve import _pick, resolve


def test_resolve_matches_one_pick_over_all():
    rng = random.Random(7)
    sources = ["lexicon", "gazetteer", "multidict", "hanja", "pattern", "morph", "other"]
    for _ in range(3000):
        cands = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, 30)
            cands.append(Cand(s, s + rng.randint(1, 5), rng.choice(["ORG", "PER"]), rng.choice([0.7, 0.8, 0.9]),
                              rng.choice(sources)))
        assert resolve(cands) == _pick(cands)
