from annotator.lexicon import REJECT_THRESHOLD, Lexicon


def test_accepted_label_is_the_most_accepted_one():
    lex = Lexicon()
    lex.add_accepted("토스", "ORG")
    lex.add_accepted("토스", "PRODUCT")
    lex.add_accepted("토스", "PRODUCT")
    assert lex.accepted["토스"] == "PRODUCT"


def test_a_tie_goes_to_the_first_label_by_name_whatever_the_order():
    for order in (("PRODUCT", "ORG"), ("ORG", "PRODUCT")):
        lex = Lexicon()
        for label in order:
            lex.add_accepted("카카오", label)
        assert lex.accepted["카카오"] == "ORG"


def test_rejections_block_only_past_the_threshold_and_acceptances_offset_them():
    lex = Lexicon()
    for _ in range(REJECT_THRESHOLD - 1):
        lex.add_rejected("정부", "ORG")
    assert not lex.is_blocked("정부", "ORG")
    lex.add_rejected("정부", "ORG")
    assert lex.is_blocked("정부", "ORG")
    assert not lex.is_blocked("정부", "LOC")
    lex.add_accepted("정부", "ORG")
    assert not lex.is_blocked("정부", "ORG")
