"""The HTML/Markdown build report, on a small fake build directory."""

from __future__ import annotations

import base64
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from langforge.dataset import write_dataset
from langforge.document import Document, StageStats, stable_id
from langforge.report import write_report
from langforge.storage import RejectWriter

SECTION_IDS = ("overview", "funnel", "lid", "quality", "domains", "lengths", "duplicates",
               "quality-model", "synthetic", "tokenizer", "kept-examples", "rejected-examples")
HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

SW_LINES = ["Serikali ya Tanzania imetangaza mpango mpya wa elimu kwa wanafunzi wa shule.",
            "Wazazi wengi wamefurahia uamuzi huo na kusema kuwa utasaidia watoto wao.",
            "Mvua kubwa imenyesha katika mkoa wa Dar es Salaam na kusababisha mafuriko."]


def doc(i: int, host: str, score: float, text: str | None = None, **signals) -> Document:
    url = f"https://{host}/habari/{i}"
    return Document(
        id=stable_id(url), text=text or " ".join(SW_LINES[: 1 + i % 3]) * (1 + i % 4), url=url,
        source=f"crawl.warc.gz@{i * 512}", language="swh_Latn", language_score=score,
        lid_scores={"swh_Latn": score},
        signals={"word_count": 30.0 + 7 * i, "mean_word_length": 5.0 + (i % 3) / 2,
                 "non_alpha_words_ratio": 0.01 * (i % 5), "stopword_count": 3.0 + i % 4,
                 "dup_line_frac": 0.0, "line_punct_ratio": 0.5 + (i % 2) / 2, **signals},
        metadata={"crawl": "CC-MAIN-2020-34", "warc_date": "2020-08-08T17:00:00Z",
                  "dup_cluster_size": 1 + (i % 3 == 0)})


def stage_dict(name: str, docs_in: int, docs_out: int, dropped: dict, status: str = "ok",
               reason: str | None = None, hint: str | None = None) -> dict:
    return {"stage": name, "status": status, "reason": reason, "hint": hint, "docs_in": docs_in,
            "docs_out": docs_out, "chars_in": docs_in * 300, "chars_out": docs_out * 300,
            "dropped": dropped, "extra": {}}


@pytest.fixture(scope="module")
def summary(swahili_config) -> dict:
    return {
        "language": "swh_Latn", "language_name": "Swahili", "langforge_version": "0.1.0",
        "config_digest": swahili_config.digest(), "config": swahili_config.model_dump(mode="json"),
        "inputs": {"warcs": ["resources/sample/crawl.warc.gz"], "seed": ""},
        "stages": {
            "read": stage_dict("read", 30, 26, {"not_html": 4}),
            "extract": stage_dict("extract", 26, 22, {"too_short": 4}),
            "identify": stage_dict("identify", 22, 16, {"low_language_score": 6}),
            "quality": stage_dict("quality", 16, 13, {"too_few_words": 2,
                                                      "min_line_punct_ratio": 1}),
            "dedup": stage_dict("dedup", 13, 12, {"exact_duplicate": 1}),
            "translate": stage_dict("translate", 0, 0, {}, "skipped",
                                    "no translation model configured (translate.model is empty)",
                                    "make models MT=nllb-200-distilled-600M"),
        },
        "final": {"native_documents": 12, "synthetic_documents": 0, "characters": 3600,
                  "words": 600},
        "tokenizer": {"base": "mistral-7b-v0.1", "added_pieces": 812,
                      "addon_vocab_size_used": 1000,
                      "heldout": {"lines": 40, "words": 900, "tokens_per_word_base": 2.71,
                                  "tokens_per_word_merged": 2.05, "token_reduction_frac": 0.243},
                      "reference": {"lines": 50, "changed_lines": 0, "changed_lines_frac": 0.0},
                      "english_heldback": {"lines": 20, "changed_lines": 1,
                                           "changed_lines_frac": 0.05},
                      "hf_agreement": {"lines": 90, "agreeing_lines": 90, "agreement_frac": 1.0},
                      "unreachable_pieces": 0,
                      "sizes": [{"method": "bpe", "addon_vocab_size_used": 1000,
                                 "tokens_per_word_merged": 2.05},
                                {"method": "bpe", "addon_vocab_size_used": 500,
                                 "tokens_per_word_merged": 2.3}]},
        "failed_shards": [],
    }


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory, swahili_config, summary) -> Path:
    build = tmp_path_factory.mktemp("build") / "swh_Latn"
    hosts = ["habari.example.tz"] * 3 + ["blog.example.ke", "bbc.co.uk"]
    native = [doc(i, hosts[i % 5], 0.45 + i * 0.04) for i in range(12)]
    native.append(doc(12, "evil.example", 0.9, text=f"Habari njema. {HOSTILE}"))
    write_dataset(native, [], build / "dataset", swahili_config, summary)
    rejected = build / "rejected"
    for stage, rows in {
        "identify": [(doc(100 + i, "spam.example.com", 0.05 + i * 0.05), "low_language_score",
                      {}) for i in range(6)],
        "quality": [(doc(200, "short.example.tz", 0.7, text="Karibu."), "too_few_words",
                     {"signal": "word_count", "value": 1}),
                    (doc(201, "evil.example", 0.6, text=HOSTILE), "min_line_punct_ratio",
                     {"signal": "line_punct_ratio", "value": 0.0})],
    }.items():
        writer = RejectWriter()
        stats = StageStats(stage, on_reject=writer)
        for item, reason, detail in rows:
            item.signals["word_count"] = 2.0 if reason == "too_few_words" else 40.0
            stats.reject(item, reason, **detail)
        writer.write(rejected / f"{stage}.parquet")
    return build


@pytest.fixture(scope="module")
def report(build_dir, summary) -> tuple[str, str]:
    """The report of the fake build, written once for the module (HTML, Markdown)."""
    html_path, md_path = write_report(build_dir, summary)
    assert (html_path, md_path) == (build_dir / "report.html", build_dir / "report.md")
    return html_path.read_text(encoding="utf-8"), md_path.read_text(encoding="utf-8")


def images(page: str) -> list[bytes]:
    return [base64.b64decode(m, validate=True)
            for m in re.findall(r'<img [^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)]


def test_every_section_in_html_and_markdown(report, summary):
    page, md = report
    for section in SECTION_IDS:
        assert f'<section id="{section}">' in page and f'href="#{section}"' in page
        assert f'<a id="{section}"></a>' in md and f"(#{section})" in md
    assert "Swahili" in page and summary["config_digest"] in page
    assert "<td>identify</td><td>ok</td>" in page and "low_language_score 6" in page


def test_every_image_is_a_valid_png(report, build_dir):
    page, md = report
    pngs = images(page)
    # funnel, drop reasons, LID, quality grid, domains, lengths, dup clusters, tokenizer sizes
    assert len(pngs) == 8
    for png in pngs:
        assert png.startswith(PNG_MAGIC) and len(png) > 5000
    linked = re.findall(r"!\[[^\]]*\]\((report_files/[a-z_]+\.png)\)", md)
    assert len(linked) == 8
    assert sorted((build_dir / p).read_bytes() for p in linked) == sorted(pngs)


def test_hostile_text_is_escaped(report):
    page, md = report
    assert "<script" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page
    outside_fences = re.sub(r"(`{3,})text\n.*?\n\1", "", md, flags=re.S)
    assert "<script" not in outside_fences and "<img" not in outside_fences


def test_skipped_translation_and_thresholds_shown(report, swahili_config):
    page = report[0]
    assert "Translation skipped: no translation model configured (translate.model is empty)." \
           in page
    assert "make models MT=nllb-200-distilled-600M" in page
    assert f"min_score = {swahili_config.lid.min_score:g}" in page
    assert "<td>line_punct_ratio</td><td>min_line_punct_ratio 0.143</td>" in page
    assert "<td>dup_line_frac</td><td>max_dup_line_frac 0.3</td>" in page


def test_domain_skew_and_examples(report):
    page = report[0]
    assert "<td>habari.example.tz</td><td class=\"num\">8</td><td>61.5%</td>" in page
    assert "<td>.tz</td>" in page and "<td>.uk</td>" in page
    assert page.count("<summary>native: ") == 3
    assert page.count("<summary>identify: low_language_score</summary>") == 2
    assert page.count("<summary>quality: too_few_words</summary>") == 1
    assert "signal=word_count" in page


def test_tokenizer_section_is_a_short_table_with_the_rest_folded(report):
    page = report[0]
    section = page[page.index('<section id="tokenizer">'):]
    section = section[:section.index("</section>")]
    main, folded = section.split('<details class="more">')
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>", main)
    assert rows == [
        ("tokens per word, held-back Swahili text (base → expanded)", "2.71 → 2.05"),
        ("fewer tokens on held-back text", "24.3% (40 lines, 900 words)"),
        ("new pieces", "812 to mistral-7b-v0.1"),
        ("English lines changed, unseen English", "1 of 20 lines (5.00%)"),
        ("English lines changed, protected reference", "0 of 50 lines (0.00%)"),
        ("sentencepiece and Hugging Face agree", "90 of 90 lines (100.0%)"),
        ("unreachable new pieces", "0")]
    assert main.count("<img ") == 1  # the size curve, beside the table
    assert "heldout.tokens_per_word_merged" not in main
    # the full figures: every scalar, and each row table turned on its side
    assert "<td>heldout.tokens_per_word_merged</td><td class=\"num\">2.05</td>" in folded
    assert "<th>sizes</th><th>1,000 used</th><th>500 used</th>" in folded
    assert "<tr><td>method</td><td>bpe</td><td>bpe</td></tr>" in folded


def test_first_screen_says_kept_dropped_and_tokenizer_gain(report):
    page, md = report
    facts = re.findall(r'<div class="fact"><h3>([^<]*)</h3><p class="figure">([^<]*)</p>'
                       r"<p>([^<]*)</p></div>", page)
    assert [(title, figure) for title, figure, _ in facts] == [
        ("Documents kept", "12"), ("Dropped", "18"), ("Tokenizer", "24.3% fewer tokens")]
    assert facts[0][2].startswith("of 30 web records read (40.0%)")
    assert facts[1][2].startswith("6 at identify (not the language); 4 at read (unreadable or "
                                  "not HTML); 4 at extract (no main text); 3 at quality")
    assert "2.71 → 2.05 tokens per word" in facts[2][2]
    assert "1 of 20 unseen English lines changed" in facts[2][2]
    assert "- **Documents kept: 12.** of 30 web records read" in md
    assert page.index('class="facts"') < page.index('<section id="funnel">')


def test_every_section_opens_with_a_lead_sentence(report):
    page, md = report
    for section in SECTION_IDS:
        start = page.index(f'<section id="{section}">')
        assert re.match(r'<section id="[^"]+"><h2>[^<]+</h2>\n<p class="lead">[A-Z][^<]+\.</p>',
                        page[start:]), section
    assert md.count("\n*") >= len(SECTION_IDS)


def test_quality_table_counts_the_documents_each_signal_dropped(report):
    page = report[0]
    counts = dict(re.findall(r"<tr><td>([a-z_0-9]+)</td><td>[^<]*</td>(?:<td[^>]*>[^<]*</td>){2}"
                             r'<td class="num">([0-9,]+)</td></tr>', page))
    assert counts["word_count"] == "1" and counts["line_punct_ratio"] == "1"
    assert counts["stopword_count"] == "0" and counts["mean_word_length"] == "0"


def test_deterministic(report, build_dir, summary):
    again = [p.read_text(encoding="utf-8") for p in write_report(build_dir, summary)]
    assert tuple(again) == report


def test_bare_build_dir_still_reports(tmp_path, summary):
    summary = {**summary, "tokenizer": None,
               "stages": {**summary["stages"], "vocab": stage_dict(
                   "vocab", 0, 0, {}, "skipped", "base tokenizer not installed",
                   "make models")}}
    html_path, md_path = write_report(tmp_path, summary)
    page = html_path.read_text(encoding="utf-8")
    for section in SECTION_IDS:
        assert f'<section id="{section}">' in page
    assert "The dataset is empty (or was not written)." in page
    assert "No rejected files in this build" in page
    assert "No tokenizer figures: base tokenizer not installed. Fix: make models" in page
    assert all(png.startswith(PNG_MAGIC) for png in images(page))
    assert "## Tokenizer" in md_path.read_text(encoding="utf-8")


def test_minimal_summary(tmp_path):
    page = write_report(tmp_path, {"language": "swh_Latn"})[0].read_text(encoding="utf-8")
    assert "The summary records no stages." in page


def test_threshold_on_another_signal_gets_a_panel(tmp_path, swahili_config, summary):
    config = {**summary["config"], "quality": {**summary["config"]["quality"],
                                               "max_new_line_ratio": 0.3}}
    summary = {**summary, "config": config}
    docs = [doc(i, "habari.example.tz", 0.8, new_line_ratio=0.05 * i) for i in range(4)]
    write_dataset(docs, [], tmp_path / "dataset", swahili_config, summary)
    page = write_report(tmp_path, summary)[0].read_text(encoding="utf-8")
    assert "<td>new_line_ratio</td><td>max_new_line_ratio 0.3</td>" in page
    assert "<td>dup_line_frac</td><td>max_dup_line_frac 0.3</td>" in page


def test_synthetic_split_models_and_checks(tmp_path, swahili_config, summary):
    summary = {**summary, "stages": {**summary["stages"], "translate": stage_dict(
        "translate", 3, 2, {"translate_failed_checks": 1})}}
    synthetic = [Document(
        id=stable_id("seed", str(i)), text=f"Hii ni tafsiri ya hati ya {i}.", kind="synthetic",
        language="swh_Latn",
        metadata={"source_id": f"seed-{i}", "model": "nllb-200-distilled-600M",
                  "licence": "CC-BY-NC-4.0", "checks": {
                      "sentences": 2 + i, "failed": {"output_language": i},
                      "failed_sentences": list(range(i)), "min_length_ratio": 0.8 + i / 10,
                      "all_passed": i == 0}}) for i in range(2)]
    write_dataset([doc(0, "habari.example.tz", 0.8)], synthetic, tmp_path / "dataset",
                  swahili_config, summary)
    page = write_report(tmp_path, summary)[0].read_text(encoding="utf-8")
    assert "Translation skipped" not in page
    assert "<td>dropped: translate_failed_checks</td><td class=\"num\">1</td>" in page
    assert "<td>nllb-200-distilled-600M</td><td>CC-BY-NC-4.0</td><td class=\"num\">2</td>" \
        in page
    assert "<td>all_passed</td><td class=\"num\">2</td><td class=\"num\">0.5</td>" in page
    assert "<td>failed.output_language</td>" in page and "<td>failed_sentences (count)</td>" \
        in page
    assert page.count("<summary>synthetic: ") == 2


CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars")
#: Laptop and desktop widths; a screen is taken as 800 px high at either.
WINDOW_WIDTHS = (1280, 1920)
SCREEN_HEIGHT = 800

# Injected into a copy of the report (the report itself has no script): once the page
# has loaded, it writes what the browser saw into a <pre> that --dump-dom returns.
# Heights are measured as the page opens (folded parts closed); overflow with every
# <details> opened, so the folded tables must fit too.
CHECK_SCRIPT = """<script>
window.langforgeErrors = [];
window.addEventListener("error", e => window.langforgeErrors.push(
  String(e.message || (e.target && (e.target.src || e.target.href)) || e.type)), true);
window.addEventListener("load", () => {
  const images = Array.from(document.images);
  const box = e => e.getBoundingClientRect();
  const overview = document.querySelector("#overview .facts");
  const check = {
    images: images.length,
    loaded: images.filter(i => i.complete && i.naturalWidth > 0).length,
    sections: Array.from(document.querySelectorAll("main > section[id]")).map(
      s => [s.id, Math.round(box(s).height)]),
    factsBottom: overview ? Math.round(box(overview).bottom + window.scrollY) : null,
    errors: window.langforgeErrors};
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const width = document.documentElement.clientWidth;
  check.pageWidth = document.documentElement.scrollWidth;
  check.overflowing = Array.from(document.querySelectorAll("main *")).filter(
    e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible"
         || box(e).right > width + 1).map(e => e.tagName + "." + e.className);
  const pre = document.createElement("pre");
  pre.id = "langforge-check";
  pre.textContent = JSON.stringify(check);
  document.body.appendChild(pre);
});
</script>"""


def chromium() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium not installed (Debian: apt-get install chromium; .ci/run "
                    "installs it when run as root)")
    return browser


def run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          check=True, capture_output=True, text=True, timeout=90)


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> tuple[str, Path]:
    """The embedded sample built end to end once (about 30 s), with Chromium's path."""
    browser = chromium()  # skip before building
    from pipelines.language import language_task, run_language

    task = language_task("sw", build_dir=str(tmp_path_factory.mktemp("sample-build")))
    ok, _ = run_language(task)
    assert ok, "the sample build failed"
    return browser, Path(task.lang_dir)


def browser_check(browser: str, page: str, width: int, tmp_path: Path) -> dict:
    checked = tmp_path / f"report-check-{width}.html"
    checked.write_text(page.replace("<head>", "<head>" + CHECK_SCRIPT, 1), encoding="utf-8")
    dom = run_chromium(browser, tmp_path / "profile", "--dump-dom",
                       "--virtual-time-budget=5000", f"--window-size={width},{SCREEN_HEIGHT}",
                       checked.as_uri()).stdout
    found = re.search(r'<pre id="langforge-check">(.*?)</pre>', dom, re.S)
    assert found, "the check script did not run: " + dom[-500:]
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.slow
@pytest.mark.parametrize("width", WINDOW_WIDTHS)
def test_sample_report_renders_in_headless_chromium(sample_build, tmp_path, width):
    """The sample's report at laptop and desktop widths: every image loads, nothing
    overflows (folded parts opened too), the first screen holds the key figures and
    the tokenizer section fits one screen. LANGFORGE_REPORT_SCREENSHOTS=<dir> keeps the
    screenshots (report-1280.png, report-1920.png) to look at."""
    browser, lang_dir = sample_build
    page = (lang_dir / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page  # the check script below is only in the copy
    check = browser_check(browser, page, width, tmp_path)
    assert check["errors"] == []
    # funnel, drop reasons, LID, quality grid (+ folded rest), domains, lengths,
    # dup clusters, tokenizer sizes
    assert check["images"] == len(images(page)) >= 8
    assert check["loaded"] == check["images"]
    assert [name for name, _ in check["sections"]] == list(SECTION_IDS)
    assert all(height > 50 for _, height in check["sections"]), check["sections"]
    assert check["pageWidth"] <= width  # nothing pushes the page sideways
    assert check["overflowing"] == []  # no table or text cut off or scrolled
    assert check["factsBottom"] <= SCREEN_HEIGHT  # kept, dropped, tokenizer gain
    assert dict(check["sections"])["tokenizer"] <= SCREEN_HEIGHT

    shot = tmp_path / f"report-{width}.png"
    run_chromium(browser, tmp_path / "profile", f"--screenshot={shot}",
                 f"--window-size={width},6000", (lang_dir / "report.html").as_uri())
    from PIL import Image  # a dependency of matplotlib

    with Image.open(shot) as picture:
        assert picture.size == (width, 6000)
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 500  # plots and text, not a blank page
    keep = os.environ.get("LANGFORGE_REPORT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)


@pytest.mark.slow
def test_report_on_real_swahili_text(shared_data, tmp_path, swahili_config, summary):
    lines = (shared_data / "text/globalvoices-en-sw/train.swa").read_text(
        encoding="utf-8").splitlines()[:2400]
    docs = []
    for i in range(0, len(lines), 3):
        text = "\n".join(lines[i:i + 3])
        words = text.split()
        docs.append(Document(
            id=stable_id("gv", str(i)), text=text, url=f"https://sw.globalvoices.org/{i}",
            language="swh_Latn", language_score=0.5 + (i % 50) / 100,
            signals={"word_count": float(len(words)),
                     "mean_word_length": sum(map(len, words)) / max(len(words), 1)}))
    build = tmp_path / "swh_Latn"
    write_dataset(docs, [], build / "dataset", swahili_config, summary)
    page = write_report(build, summary)[0].read_text(encoding="utf-8")
    pngs = images(page)
    assert len(pngs) == 7 and all(p.startswith(PNG_MAGIC) for p in pngs)  # no dup clusters
    assert "<td>sw.globalvoices.org</td><td class=\"num\">800</td><td>100.0%</td>" in page


def test_markdown_is_tidy(report):
    md = report[1]
    outside_fences = re.sub(r"(`{3,})text\n.*?\n\1", "(example)", md, flags=re.S)
    assert "\n\n\n" not in outside_fences
    assert not [line for line in md.splitlines() if line.startswith("|") and line.endswith(" ")]
    assert "| figure | value |\n|---|---|\n| tokens per word, held-back Swahili text" in md
