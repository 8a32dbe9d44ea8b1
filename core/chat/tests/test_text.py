from core.chat import text


def test_markup_is_kept_as_the_characters_it_is():
    assert text.clean("<script>alert(1)</script>") == "<script>alert(1)</script>"


def test_control_characters_are_removed_and_newlines_kept():
    assert text.clean("a\x00b\x07c\x1bd\x7fe\nf") == "abcde\nf"


def test_carriage_returns_become_newlines_and_tabs_spaces():
    assert text.clean("a\r\nb\rc\td") == "a\nb\nc d"


def test_bidirectional_overrides_and_invisible_marks_are_removed():
    assert text.clean("moc.elgoog\u202e//:sptth \ufeffx\u2066y\u2069") == "moc.elgoog//:sptth xy"


def test_at_most_one_blank_line_in_a_row():
    assert text.clean("a\n\n\n\n\nb") == "a\n\nb"


def test_surrounding_whitespace_is_trimmed():
    assert text.clean("  \n hi there \n\t") == "hi there"


def test_emoji_sequences_survive():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert text.clean(family) == family


def test_fingerprint_ignores_case_and_spacing():
    assert text.fingerprint("Hello   World") == text.fingerprint("hello world")


def test_unpaired_surrogates_are_removed():
    assert text.clean("a\ud800b") == "ab"
