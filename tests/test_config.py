import shutil
from pathlib import Path

import pytest

from langforge.config import (LanguageConfig, QualityConfig, config_dir, configured_languages,
                              load_config)
from langforge.errors import ConfigError, UnknownLanguageError


@pytest.fixture
def conf_dir(tmp_path):
    target = tmp_path / "languages"
    shutil.copytree(config_dir(), target)
    return target


@pytest.mark.parametrize("code", configured_languages())
def test_every_shipped_config_loads_and_validates(code):
    config = load_config(code)
    assert config.language == code
    assert config.provenance, f"{code}.toml must say where its numbers came from"


def test_swahili_deltas_override_defaults():
    config = load_config("sw")
    assert config.language == "swh_Latn"
    assert config.quality.min_line_punct_ratio == 0.143
    assert "katika" in config.quality.stopwords
    assert config.quality.min_words == 50  # from _defaults.toml
    assert len(config.digest()) == 12


def test_unknown_language_lists_configured_ones():
    with pytest.raises(UnknownLanguageError, match="Configured languages: .*eng_Latn, .*swh_Latn"):
        load_config("xx")


def test_registered_but_unconfigured_language(conf_dir):
    (conf_dir / "yor_Latn.toml").unlink(missing_ok=True)
    with pytest.raises(UnknownLanguageError, match="yor_Latn.*no config file"):
        load_config("yo", conf_dir)


def test_path_traversal_is_not_a_language():
    with pytest.raises(UnknownLanguageError):
        load_config("../../etc")


@pytest.mark.parametrize("content, match", [
    ("[quality]\nmin_wrods = 5\n", r"swh_Latn.toml: quality.min_wrods: Extra inputs"),
    ("[qualty]\nmin_words = 5\n", r"swh_Latn.toml: qualty: Extra inputs"),
    ("[quality]\nmin_words = 'many'\n", r"swh_Latn.toml: quality.min_words: .*integer"),
    ("[quality]\nmin_words = 0\n", r"swh_Latn.toml: quality.min_words: .*greater than or equal to 1"),
    ("[lid]\nmin_score = 1.5\n", r"swh_Latn.toml: lid.min_score: .*less than or equal to 1"),
    ("[lid]\nmin_score = 0\n", r"swh_Latn.toml: lid.min_score: .*greater than 0"),
    ("[quality]\nmin_words = 500\nmax_words = 100\n", r"swh_Latn.toml: quality: .*min_words"),
    ("[quality]\nmin_stopwords = 2\n", r"min_stopwords is set but the stopwords list is empty"),
    ("[quality\nmin_words = 5\n", r"swh_Latn.toml: invalid TOML"),
    ("language = 'eng_Latn'\n", r"swh_Latn.toml: language: do not set it"),
    ("[quality]\noff = ['word_splitter']\n", r"quality.off: 'word_splitter' is not a threshold"),
    ("[quality]\noff = 'min_words'\n", r"quality.off: must be a list"),
])
def test_broken_configs_name_file_and_key(conf_dir, content, match):
    (conf_dir / "swh_Latn.toml").write_text(content)
    with pytest.raises(ConfigError, match=match):
        load_config("sw", conf_dir)


def test_error_in_defaults_names_the_defaults_file(conf_dir):
    path = conf_dir / "_defaults.toml"
    path.write_text(path.read_text().replace("max_words = 100_000", "max_words = -1"))
    with pytest.raises(ConfigError, match=r"_defaults.toml: quality.max_words"):
        load_config("sw", conf_dir)


def test_off_switches_a_default_threshold_off(conf_dir):
    path = conf_dir / "swh_Latn.toml"
    path.write_text(path.read_text().replace("[quality]", "[quality]\noff = [\"min_line_punct_ratio\"]")
                    .replace("min_line_punct_ratio = 0.143\n", ""))
    assert load_config("sw", conf_dir).quality.min_line_punct_ratio is None


def test_defaults_are_valid_on_their_own():
    assert QualityConfig().min_stopwords is None
    assert LanguageConfig(language="swh_Latn").lid.model == "lid176"
