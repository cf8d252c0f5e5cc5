"""Language-targeted pre-filter: signals, decisions, the stage contract and recall."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from langforge.config import PrefilterConfig
from langforge.document import StageStats, WebPage
from langforge.errors import MissingModelError
from langforge.extract import extract_pages
from langforge.langid import LidModel, identify
from langforge.languages import get_language
from langforge.prefilter import (
    KEPT_REASONS, Decision, PageSignals, cld2_fracs, declared_language, decide, longest_blocks,
    page_signals, prefilter_pages, text_blocks, visible_bytes,
)
from langforge.sources.warc import iter_pages
from pipelines.language import SAMPLE_WARC

SW = get_language("sw")
SWAHILI = ("Serikali ya Tanzania imetangaza mpango mpya wa kuboresha elimu katika shule za "
           "msingi na sekondari kwa mwaka huu. Wazazi wengi wamefurahishwa na habari hizo.")
GERMAN = ("Die Bundesregierung hat heute ein neues Programm zur Verbesserung der Bildung in "
          "den Grundschulen angekündigt. Viele Eltern begrüßen die Nachricht ausdrücklich.")
CLD2_EN = {"reliable": True, "text-bytes": 1172, "languages": [
    {"code": "en", "code-iso-639-3": "eng", "text-covered": 0.88, "score": 1174.0}]}


def page(body: str, *, lang: str | None = None, content_language: str | None = None,
         cld2: dict | None = None, url: str = "https://example.org/a") -> WebPage:
    html_attr = f' lang="{lang}"' if lang else ""
    nav = "".join(f"<li><a href='/{i}'>Startseite {i}</a></li>" for i in range(20))
    content = (f"<!DOCTYPE html><html{html_attr}><head><title>t</title>"
               f"<script>var x = '{GERMAN}';</script></head><body><nav><ul>{nav}</ul></nav>"
               f"{body}<footer><p>Impressum</p></footer></body></html>").encode()
    return WebPage(url=url, content=content, record_id=url, source=f"test@{len(url)}",
                   content_language=content_language, cld2=cld2)


@pytest.fixture(scope="module")
def lid() -> LidModel:
    from langforge.langid import default_model_path

    return LidModel(default_model_path())


def signals(**kw) -> PageSignals:
    base = dict(declared=None, cld2_reliable=None, cld2_target_frac=None, cld2_other_frac=None,
                lid_chars=0, lid_target_score=None, lid_top_language=None, lid_top_score=None)
    return PageSignals(**(base | kw))


def test_text_blocks_strip_invisible_elements_and_split_blocks():
    html = ("<html><head><title>x</title></head><body><script>alert('kwa na ya')</script>"
            "<style>p {color: red}</style><!-- maoni ya siri --><p>Habari <a href='#'>za</a> "
            "asubuhi &amp; mchana njema sana kwa wote</p><div>fupi</div>"
            "<p>Second block that is long enough to keep</p></body></html>").encode()
    blocks = text_blocks(html, None, 1 << 20, min_block_chars=20)
    assert blocks == ["Habari za asubuhi & mchana njema sana kwa wote",
                      "Second block that is long enough to keep"]


def test_text_blocks_use_the_declared_charset_and_start_at_body():
    html = "<head><title>no</title></head><body><p>Grüße aus München, schöne Grüße</p></body>"
    blocks = text_blocks(html.encode("cp1252"), "windows-1252", 1 << 20, min_block_chars=5)
    assert blocks == ["Grüße aus München, schöne Grüße"]
    assert text_blocks(b"", None, 1024, 1) == []


def test_text_blocks_are_the_same_whether_tags_go_before_or_after_decoding():
    """UTF-8 and cp1252 pages lose their tags as bytes, UTF-16 ones after decoding: the
    embedded sample's real pages give the same blocks either way."""
    pages = [p for p in iter_pages(SAMPLE_WARC, StageStats("read")) if not p.is_text][:40]
    compared = 0
    for webpage in pages:
        source = webpage.content.decode("utf-8", "replace")
        body = source[source.find("<body"):] if "<body" in source else source
        utf8 = text_blocks(body.encode("utf-8"), "utf-8", 1 << 22, min_block_chars=40)
        utf16 = text_blocks(body.encode("utf-16"), "utf-16", 1 << 22, min_block_chars=40)
        assert utf8 == utf16, webpage.url
        compared += bool(utf8)
    assert compared >= 20
    german = "<body><p>Grüße aus München &amp; Köln, schöne Grüße</p><br>zweiter Block hier"
    assert text_blocks(german.encode("cp1252"), "cp1252", 1024, 5) == text_blocks(
        german.encode("utf-16"), "utf-16", 1024, 5) == [
        "Grüße aus München & Köln, schöne Grüße", "zweiter Block hier"]


def test_longest_blocks_take_the_longest_up_to_the_budget():
    blocks = ["a" * 10, "b" * 50, "c" * 30]
    assert longest_blocks(blocks, 60) == ["b" * 50, "c" * 10]
    assert longest_blocks(blocks, 1000) == ["b" * 50, "c" * 30, "a" * 10]
    assert longest_blocks([], 100) == []


@pytest.mark.parametrize("lang_attr, header, expected", [
    ("sw", None, "target"), ("sw-TZ", None, "target"), ("swa", None, "target"),
    ("en-US", None, "other"), ("de", "sw, en", "target"), (None, "de-DE", "other"),
    (None, None, None), ("x-default", None, None),
])
def test_declared_language(lang_attr, header, expected):
    assert declared_language(page("<p>x</p>", lang=lang_attr, content_language=header),
                             SW) == expected


def test_cld2_fracs_read_common_crawl_metadata():
    assert cld2_fracs(CLD2_EN, SW) == (True, 0.0, 0.88)
    mixed = {"reliable": False, "languages": [{"code-iso-639-3": "swa", "text-covered": 0.6},
                                              {"code-iso-639-3": "eng", "text-covered": 0.3}]}
    assert cld2_fracs(mixed, SW) == (False, 0.6, 0.3)
    assert cld2_fracs(None, SW) == (None, None, None)
    # CLD2 does not know Ngazidja Comorian: its silence says nothing
    assert cld2_fracs(CLD2_EN, get_language("zdj")) == (None, None, None)


@pytest.mark.parametrize("kw, expected", [
    ({"declared": "target", "lid_target_score": 0.0}, (True, "kept_declared")),
    ({"cld2_target_frac": 0.2, "lid_target_score": 0.0}, (True, "kept_cld2")),
    ({"lid_target_score": 0.01}, (False, "prefilter_lid_other")),
    ({"lid_target_score": 0.05}, (True, "kept_lid")),
    # fastText overrules a negative CLD2 verdict (CLD2 mislabels low-resource pages)
    ({"lid_target_score": 0.7, "cld2_reliable": True, "cld2_other_frac": 0.9},
     (True, "kept_lid")),
    ({"cld2_reliable": True, "cld2_other_frac": 0.9}, (False, "prefilter_cld2_other")),
    ({"cld2_reliable": True, "cld2_other_frac": 0.3}, (True, "kept_no_evidence")),
    ({"cld2_reliable": False, "cld2_other_frac": 0.9}, (True, "kept_no_evidence")),
    ({}, (True, "kept_no_evidence")),
])
def test_decide(kw, expected):
    decision = decide(signals(**kw), PrefilterConfig())
    assert (decision.keep, decision.reason) == expected
    assert decision.keep == (decision.reason in KEPT_REASONS)


def test_decide_honours_switched_off_rules():
    config = PrefilterConfig(min_target_lid_score=None, min_cld2_other_frac=None,
                             trust_declared_language=False)
    assert decide(signals(lid_target_score=0.0), config).keep
    assert decide(signals(cld2_reliable=True, cld2_other_frac=1.0), config).keep
    assert decide(signals(declared="target", lid_target_score=0.0),
                  PrefilterConfig(trust_declared_language=False)).reason == "prefilter_lid_other"


def test_config_rejects_out_of_range_thresholds():
    with pytest.raises(ValidationError, match="min_target_lid_score"):
        PrefilterConfig(min_target_lid_score=0)
    with pytest.raises(ValidationError, match="extra"):
        PrefilterConfig(min_lid_score=0.1)


def test_swahili_in_a_foreign_layout_is_kept_and_foreign_pages_are_skipped(lid):
    swahili = page(f"<article><p>{SWAHILI}</p></article>", lang="de", cld2=CLD2_EN)
    german = page(f"<article><p>{GERMAN}</p><p>{GERMAN}</p></article>", lang="de")
    menu_only = page("<p>kurz</p>")
    sig_sw, sig_de, sig_menu = page_signals([swahili, german, menu_only], SW,
                                            PrefilterConfig(), lid)
    assert sig_sw.lid_target_score > 0.5 and sig_sw.lid_top_language == SW.code
    assert sig_sw.declared == "other"  # a wrong declaration does not drop it
    assert sig_de.lid_target_score < 0.05 and sig_de.lid_top_language == "deu_Latn"
    assert sig_menu.lid_target_score is None  # too little text: no evidence

    stats = StageStats("prefilter")
    kept = list(prefilter_pages([swahili, german, menu_only], SW, PrefilterConfig(), stats,
                                model=lid))
    assert kept == [swahili, menu_only]
    assert stats.docs_in == 3 and stats.docs_out == 2
    assert dict(stats.dropped) == {"prefilter_lid_other": 1}
    assert stats.extra["kept_lid"] == 1 and stats.extra["kept_no_evidence"] == 1


def test_rejections_carry_the_evidence(lid):
    rejected = []
    stats = StageStats("prefilter", on_reject=rejected.append)
    list(prefilter_pages([page(f"<p>{GERMAN}</p>")], SW, PrefilterConfig(), stats, model=lid))
    (rejection,) = rejected
    assert rejection.reason == "prefilter_lid_other" and rejection.stage == "prefilter"
    assert rejection.detail["lid_top_language"] == "deu_Latn"
    assert rejection.detail["lid_target_score"] < 0.05


def test_disabled_prefilter_passes_everything_and_says_so():
    pages = [page(f"<p>{GERMAN}</p>"), page(f"<p>{SWAHILI}</p>")]
    stats = StageStats("prefilter")
    assert list(prefilter_pages(pages, SW, PrefilterConfig(enabled=False), stats)) == pages
    assert stats.status == "skipped" and "enabled = false" in stats.reason
    assert stats.docs_in == stats.docs_out == 2


def test_empty_input():
    stats = StageStats("prefilter")
    assert list(prefilter_pages([], SW, PrefilterConfig(), stats)) == []
    assert stats.docs_in == 0 and not stats.dropped


def test_missing_model_fails_with_the_fix(tmp_path):
    model = LidModel(tmp_path / "absent.ftz")
    with pytest.raises(MissingModelError, match="make"):
        list(prefilter_pages([page(f"<p>{GERMAN}</p>")], SW, PrefilterConfig(), StageStats("p"),
                             model=model))


def test_a_model_without_the_language_gives_no_lid_evidence(lid):
    hausa = get_language("ha")  # lid.176 has no Hausa label
    stats = StageStats("prefilter")
    kept = list(prefilter_pages([page(f"<p>{GERMAN}</p>")], hausa, PrefilterConfig(), stats,
                                model=lid))
    assert len(kept) == 1 and "no label" in stats.extra["lid_unavailable"]


def test_recall_on_the_embedded_sample(swahili_config, lid):
    """Every page the full extract + identify chain keeps as Swahili passes the
    pre-filter, including the sample's page that CLD2 mislabels as English."""
    config = swahili_config
    pages = list(iter_pages(SAMPLE_WARC, StageStats("read")))
    docs = list(extract_pages(pages, config.extract, StageStats("extract")))
    found = {d.id for d in identify(docs, config.lang, config.lid, StageStats("identify"))}
    stats = StageStats("prefilter")
    kept = {p.id for p in prefilter_pages(pages, config.lang, config.prefilter, stats, model=lid,
                                          lid=config.lid)}
    assert found and found <= kept
    assert stats.docs_in == stats.docs_out + sum(stats.dropped.values()) == len(pages)
    assert stats.dropped["prefilter_lid_other"] >= 50  # the sample's other languages
    mislabelled = [p for p in pages if p.id in found and p.cld2
                   and cld2_fracs(p.cld2, config.lang)[1] == 0 and p.cld2.get("reliable")]
    assert mislabelled, "the sample should hold a Swahili page CLD2 calls another language"


@pytest.mark.shared_data
def test_real_common_crawl_pages_in_other_languages_are_skipped(shared_data, lid):
    stats = StageStats("prefilter")
    warc = shared_data / "warc" / "cc-2020-34" / "warcfile.warc.gz"
    kept = list(prefilter_pages(iter_pages(warc, StageStats("read")), SW, PrefilterConfig(),
                                stats, model=lid))
    assert stats.docs_in >= 10
    assert kept == [] or all(p.cld2 is None for p in kept)
    assert set(stats.dropped) <= {"prefilter_lid_other", "prefilter_cld2_other"}


def test_megabytes_of_inline_script_do_not_hide_the_text():
    """The scan limit counts visible bytes: 2 MB of inline script (a JSON blob, a
    bundled app) before the article, with a 1 MB limit, still leaves the article."""
    script = "<script>var d=[" + ",".join(f'"{i:08x}"' for i in range(200_000)) + "];</script>"
    html = (f"<html><body>{script}<style>.a{{color:red}}</style><!-- {'x' * 10_000} -->"
            f"<p>{SWAHILI}</p></body></html>").encode()
    assert len(html) > 2_000_000
    assert text_blocks(html, None, 1 << 20, min_block_chars=40) == [SWAHILI]
    assert visible_bytes(b"a<script>b</SCRIPT >c<!--d-->e<style>never closed", 0, 100) == \
        b"a c e "
    assert visible_bytes(b"abcdef<script>x</script>ghij", 2, 6) == b"cdef gh"
    assert visible_bytes(b"abcdef<script>x</script>ghij", 2, 4) == b"cdef"


def test_the_word_list_guard_skips_a_related_language_that_fastText_lets_through(
        swahili_config, lid):
    """Real Hausa news text (the embedded sample's) gets 0.2 Swahili from lid.176, over
    the pre-filter floor; under 5% of its words are in the Swahili word list, so the
    guard skips it before extraction. Swahili text passes the guard."""
    import importlib.util

    path = SAMPLE_WARC.parent / "texts_w_hau.py"
    spec = importlib.util.spec_from_file_location("texts_w_hau", path)
    hausa_texts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hausa_texts)
    hausa = hausa_texts.ARTICLES[0][2][0]
    config = swahili_config
    pages = [page(f"<article><p>{hausa}</p></article>", url="https://example.ng/ha"),
             page(f"<article><p>{SWAHILI}</p></article>", url="https://example.tz/sw")]
    (sig_ha, _) = page_signals(pages, SW, config.prefilter, lid)
    assert sig_ha.lid_target_score >= config.prefilter.min_target_lid_score
    assert sig_ha.lid_wordlist_frac is None  # no guard asked for

    unguarded = StageStats("prefilter")
    assert len(list(prefilter_pages(pages, SW, config.prefilter, unguarded, model=lid))) == 2
    rejected = []
    guarded = StageStats("prefilter", on_reject=rejected.append)
    kept = list(prefilter_pages(pages, SW, config.prefilter, guarded, model=lid, lid=config.lid))
    assert [p.url for p in kept] == ["https://example.tz/sw"]
    assert dict(guarded.dropped) == {"prefilter_lexical_other": 1}
    assert rejected[0].detail["lid_wordlist_frac"] < 0.05

    off = config.prefilter.model_copy(update={"wordlist_guard": False})
    assert len(list(prefilter_pages(pages, SW, off, StageStats("p"), model=lid,
                                    lid=config.lid))) == 2


def test_decide_applies_the_word_list_bar_only_to_pages_fastText_let_through():
    config = PrefilterConfig()
    low = signals(lid_chars=500, lid_target_score=0.3, lid_wordlist_frac=0.05)
    assert decide(low, config, 0.2) == Decision(False, "prefilter_lexical_other")
    assert decide(low, config, None) == Decision(True, "kept_lid")
    assert decide(signals(lid_chars=500, lid_target_score=0.3, lid_wordlist_frac=0.2), config,
                  0.2).keep
    declared = signals(declared="target", lid_target_score=0.3, lid_wordlist_frac=0.0)
    assert decide(declared, config, 0.2) == Decision(True, "kept_declared")


def test_the_prefilter_reads_with_lid176_unless_it_cannot_name_the_language():
    from langforge.config import load_config
    from langforge.prefilter import prefilter_model

    swahili = load_config("sw")
    assert swahili.lid.model == "heliport" and prefilter_model(swahili).name == "lid176"
    same = swahili.model_copy(update={"prefilter": swahili.prefilter.model_copy(
        update={"model": ""})})
    assert prefilter_model(same).name == "heliport"
    hausa = load_config("ha")  # lid.176 has no Hausa label: the [lid] model reads
    assert prefilter_model(hausa).name == hausa.lid.model != "lid176"
    off = swahili.model_copy(update={"prefilter": swahili.prefilter.model_copy(
        update={"enabled": False})})
    assert prefilter_model(off) is None
