"""Word splitting and the per-language plugin hook."""

import shutil
import sys
import textwrap

import pytest

from langforge.config import config_dir, load_config
from langforge.errors import ConfigError
from langforge.text import normalizer, split_whitespace, word_splitter


def test_whitespace_splitter_strips_punctuation_and_drops_symbols():
    assert split_whitespace("Habari, za asubuhi? — «Nzuri» 42% ...") == \
        ["Habari", "za", "asubuhi", "Nzuri", "42"]
    assert split_whitespace("") == []


@pytest.fixture
def plugin_language(tmp_path, monkeypatch):
    """Swahili with its own word splitter and normaliser, from a plugin module."""
    module_dir = tmp_path / "plugins"
    module_dir.mkdir()
    (module_dir / "sw_plugin.py").write_text(textwrap.dedent('''
        def split_words(text):
            return [w for w in text.replace("-", " ").split() if w.isalpha()]

        def normalize(text):
            return text.replace("\\u2019", "'")
    '''))
    monkeypatch.syspath_prepend(str(module_dir))
    conf = tmp_path / "languages"
    shutil.copytree(config_dir(), conf)
    path = conf / "swh_Latn.toml"
    path.write_text('plugin = "sw_plugin"\n' + path.read_text().replace(
        "[quality]", '[quality]\nword_splitter = "plugin"', 1))
    yield conf
    sys.modules.pop("sw_plugin", None)


def test_plugin_supplies_splitter_and_normaliser(plugin_language):
    config = load_config("sw", plugin_language)
    assert word_splitter(config)("kwa-heri rafiki 2024") == ["kwa", "heri", "rafiki"]
    assert normalizer(config)("ng\u2019ombe") == "ng'ombe"


def test_quality_stage_uses_the_plugin_splitter(plugin_language):
    from langforge.document import Document, StageStats
    from langforge.filters import quality_filter

    config = load_config("sw", plugin_language)
    text = "Watoto-wa-shule wanasoma vitabu vya hadithi kwa bidii kubwa."
    rejections = []
    stats = StageStats("quality", on_reject=rejections.append)
    kept = list(quality_filter([Document(id="1", text=text)], config, stats))
    signals = kept[0].signals if kept else rejections[0].detail["signals"]
    # the plugin splits "Watoto-wa-shule" into three words; whitespace would not
    assert signals["word_count"] == 9 == len(word_splitter(config)(text))  # "kubwa." is not alpha
    assert len(split_whitespace(text)) == 8


def test_missing_plugin_module_is_a_config_error(tmp_path):
    conf = tmp_path / "languages"
    shutil.copytree(config_dir(), conf)
    path = conf / "swh_Latn.toml"
    path.write_text('plugin = "no_such_plugin_module"\n' + path.read_text().replace(
        "[quality]", '[quality]\nword_splitter = "plugin"', 1))
    config = load_config("sw", conf)
    with pytest.raises(ConfigError, match="plugin: cannot import 'no_such_plugin_module'"):
        word_splitter(config)


def test_unknown_splitter_is_a_config_error(tmp_path):
    conf = tmp_path / "languages"
    shutil.copytree(config_dir(), conf)
    path = conf / "swh_Latn.toml"
    path.write_text(path.read_text().replace("[quality]", '[quality]\nword_splitter = "magic"', 1))
    with pytest.raises(ConfigError, match="unknown splitter 'magic'"):
        word_splitter(load_config("sw", conf))
