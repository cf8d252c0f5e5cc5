"""The language registry: canonical codes, aliases and every tool's label.

The canonical code is ISO 639-3 plus ISO 15924 script (``swh_Latn``). ``sw``,
``swa``, ``swh``, ``swh-Latn`` and ``Swahili`` all resolve to it. Stage code takes a
``Language`` and asks it for a tool's label (``lang.label("lid176")``); labels are
never typed inline elsewhere.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import langcodes

from langforge.errors import UnknownLanguageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Tools whose labels the registry knows, with what each is.
TOOLS = {
    "lid176": "fastText lid.176",
    "glotlid": "GlotLID v3",
    "nllb": "NLLB-200",
    "m2m100": "M2M100",
    "madlad": "MADLAD-400",
    "cld2": "CLD2 (Common Crawl metadata)",
    "heliport": "heliport 1.0 (HPLT HeLI-OTS, PyPI wheel)",
    "py3langid": "py3langid 0.4 (langid.py, PyPI wheel)",
    "lingua": "lingua-language-detector 2 (PyPI wheel)",
}

_CODE_RE = re.compile(r"^[a-z]{3}_[A-Z][a-z]{3}$")


@dataclass(frozen=True)
class Language:
    """One language of the registry."""

    code: str  # canonical, e.g. "swh_Latn"
    name: str
    aliases: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def iso639_3(self) -> str:
        return self.code.split("_", 1)[0]

    @property
    def script(self) -> str:
        return self.code.split("_", 1)[1]

    def label(self, tool: str) -> str | None:
        """This language's label in ``tool`` (see ``TOOLS``), or None if it has none."""
        if tool not in TOOLS:
            raise KeyError(f"unknown tool {tool!r}; known: {', '.join(TOOLS)}")
        return self.labels.get(tool)

    def __str__(self) -> str:
        return self.code


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, Language], dict[str, str], dict[tuple[str, str], str]]:
    raw = tomllib.loads(resources.files("langforge").joinpath("data/languages.toml").read_text("utf-8"))
    languages: dict[str, Language] = {}
    alias_index: dict[str, str] = {}
    label_index: dict[tuple[str, str], str] = {}
    for code, entry in raw.items():
        if not _CODE_RE.match(code):
            raise ValueError(f"languages.toml: {code!r} is not a canonical code like swh_Latn")
        entry = dict(entry)
        name = entry.pop("name")
        aliases = tuple(entry.pop("aliases", ()))
        unknown = set(entry) - set(TOOLS)
        if unknown:
            raise ValueError(f"languages.toml: {code}: unknown keys {sorted(unknown)}")
        lang = Language(code=code, name=name, aliases=aliases, labels=entry)
        languages[code] = lang
        for key in (code, code.lower(), code.replace("_", "-").lower(), name.lower(), *aliases):
            alias_index.setdefault(key.lower(), code)
        for tool, label in entry.items():
            label_index.setdefault((tool, label), code)
    return languages, alias_index, label_index


def all_languages() -> list[Language]:
    """Every registered language, sorted by code."""
    return sorted(_registry()[0].values(), key=lambda lang: lang.code)


def _candidates(text: str) -> list[str]:
    """Keys to try for a user's code: as typed, then langcodes' normalisations
    (``sw-TZ`` -> ``sw``, ``SWA`` -> ``sw``/``swa``)."""
    text = text.strip()
    keys = [text.lower(), text.replace("-", "_").lower()]
    tag = text.replace("_", "-")
    if langcodes.tag_is_valid(tag):
        parsed = langcodes.Language.get(tag)
        if parsed.language:
            keys.append(parsed.language)
            try:
                keys.append(parsed.to_alpha3())
            except LookupError:
                pass
            if parsed.script:
                keys.append(f"{parsed.to_alpha3()}_{parsed.script}".lower())
    return keys


def get_language(text: str) -> Language:
    """Resolve a code, alias or English name to its registered ``Language``.

    Raises:
        UnknownLanguageError: the code is not valid or not in the registry.
    """
    languages, alias_index, _ = _registry()
    if isinstance(text, Language):
        return text
    if not isinstance(text, str) or not text.strip():
        raise UnknownLanguageError("empty language code")
    for key in _candidates(text):
        if key in alias_index:
            return languages[alias_index[key]]
    raise UnknownLanguageError(
        f"unknown language {text!r}: not in the language registry "
        f"(langforge/data/languages.toml); use a code such as sw, swh or swh_Latn"
    )


def from_label(tool: str, label: str) -> Language | None:
    """The language a tool's label stands for, or None if the registry lacks it."""
    return _registry()[0].get(_registry()[2].get((tool, label), ""))


def language_name(code: str) -> str:
    """A display name for any code, registered or not (via langcodes)."""
    languages = _registry()[0]
    if code in languages:
        return languages[code].name
    try:
        return langcodes.Language.get(code.split(":")[-1].replace("_", "-")).display_name()
    except (LookupError, ValueError):
        return code
