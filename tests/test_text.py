"""Matching quotes and numbers in the extracted texts, line breaks and hyphens included."""

from socialtjanst.text import contains_value, find_quote, fold, number_tokens

SOURCE = "Enkäten skickades till social-\n  cheferna i landets\nsamtliga 290 kommuner. Fyra av tio (41procent) svarar, individ- \noch familjeomsorgen."


def test_fold_joins_words_broken_at_a_line_end_and_collapses_space():
    assert "socialcheferna i landets samtliga 290 kommuner" in fold(SOURCE)


def test_quotes_are_found_across_line_breaks():
    assert find_quote("till socialcheferna i landets samtliga 290 kommuner", SOURCE) >= 0
    assert find_quote("samtliga   290\nkommuner", SOURCE) >= 0


def test_a_hyphen_that_is_not_a_word_break_may_be_kept():
    assert find_quote("individ- och familjeomsorgen", SOURCE) >= 0


def test_a_changed_quote_is_not_found():
    assert find_quote("samtliga 291 kommuner", SOURCE) == -1


def test_numbers_as_swedish_documents_print_them():
    assert [t.value for t in number_tokens("41procent, 20 000 invånare, 2,5 miljarder, n=130–131")] == [
        41,
        20000,
        2.5,
        130,
        131,
    ]
    assert contains_value("Fyra av tio (41procent)", 41)
    assert not contains_value("n=130–131", 30)
