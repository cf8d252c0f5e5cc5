import pytest

from langforge.errors import UnknownLanguageError
from langforge.languages import TOOLS, all_languages, from_label, get_language, language_name


@pytest.mark.parametrize("code", ["sw", "swa", "swh", "swh_Latn", "swh-Latn", "SW", "sw-TZ",
                                  "Swahili", " swh_Latn "])
def test_swahili_aliases_resolve_to_canonical(code):
    assert get_language(code).code == "swh_Latn"


def test_swahili_labels_for_every_tool():
    sw = get_language("sw")
    assert {tool: sw.label(tool) for tool in TOOLS} == {
        "lid176": "sw", "glotlid": "swh_Latn", "nllb": "swh_Latn", "m2m100": "sw",
        "madlad": "sw", "cld2": "swa", "heliport": "swa", "py3langid": "sw", "lingua": "swa"}


def test_missing_label_is_none_not_a_guess():
    # lid.176 has no Hausa, Zulu, Igbo, Xhosa or Kinyarwanda label.
    for code in ("ha", "zu", "ig", "xh", "rw"):
        assert get_language(code).label("lid176") is None


def test_unknown_tool_is_an_error():
    with pytest.raises(KeyError, match="unknown tool"):
        get_language("sw").label("cld3")


@pytest.mark.parametrize("code", ["xx", "", "../../etc", "sw/../en", "klingon", "zzz_Latn"])
def test_unknown_codes_fail_loudly(code):
    with pytest.raises(UnknownLanguageError):
        get_language(code)


def test_reverse_lookup_of_tool_labels():
    assert from_label("lid176", "sw").code == "swh_Latn"
    assert from_label("cld2", "swa").code == "swh_Latn"  # first registered wins over swc
    assert from_label("lid176", "eo") is None


def test_registry_codes_are_canonical_and_aliases_unique():
    seen = {}
    for lang in all_languages():
        assert lang.code == f"{lang.iso639_3}_{lang.script}"
        for alias in lang.aliases:
            assert alias not in seen, f"{alias} used by {seen.get(alias)} and {lang.code}"
            seen[alias] = lang.code


def test_language_name_falls_back_to_langcodes():
    assert language_name("swh_Latn") == "Swahili"
    assert "Esperanto" in language_name("lid176:eo")
