"""Language-aware text helpers: word splitting and normalisation.

The word splitter is chosen per language by config (``quality.word_splitter``);
a language whose needs a setting cannot express provides ``split_words`` and/or
``normalize`` in a plugin module named by ``plugin`` in its config.
"""

from __future__ import annotations

import unicodedata
from typing import Callable

from langforge.config import LanguageConfig, load_plugin
from langforge.errors import ConfigError

WordSplitter = Callable[[str], list[str]]


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def split_whitespace(text: str) -> list[str]:
    """Whitespace-separated words with leading/trailing punctuation stripped;
    tokens that are only punctuation or symbols are dropped."""
    words = []
    for token in text.split():
        # most tokens begin and end with a letter or digit, never punctuation or a
        # symbol: no Unicode lookup for them (this runs over every word of a crawl)
        if token[0].isalnum() and token[-1].isalnum():
            words.append(token)
            continue
        start, end = 0, len(token)
        while start < end and _is_punct(token[start]):
            start += 1
        while end > start and _is_punct(token[end - 1]):
            end -= 1
        if start < end:
            words.append(token[start:end])
    return words


def word_splitter(config: LanguageConfig) -> WordSplitter:
    """The word splitter the language's config names."""
    name = config.quality.word_splitter
    if name == "whitespace":
        return split_whitespace
    if name == "plugin":
        plugin = load_plugin(config)
        if plugin is None or not callable(getattr(plugin, "split_words", None)):
            raise ConfigError(f"{config.language}.toml: quality.word_splitter: 'plugin' needs "
                              "a plugin module with split_words(text)")
        return plugin.split_words
    raise ConfigError(f"{config.language}.toml: quality.word_splitter: unknown splitter "
                      f"{name!r} (known: whitespace, plugin)")


def normalizer(config: LanguageConfig) -> Callable[[str], str]:
    """The language plugin's ``normalize`` if it has one, else NFC normalisation."""
    plugin = load_plugin(config)
    func = getattr(plugin, "normalize", None) if plugin else None
    if func is not None:
        return func
    return lambda text: unicodedata.normalize("NFC", text)
