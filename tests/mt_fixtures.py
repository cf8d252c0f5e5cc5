"""Helpers for the translation tests: tiny real models, real pairs and corruptions.

``build_tiny_model`` trains a SentencePiece model on a few hundred generated
lines and saves a random-weight CTranslate2 Transformer that uses it: a real
model on the real loading and decoding path, built in a second. ``real_pairs`` and
``corrupt`` read the shared en-sw test sets and make the broken "translations" the
checks must catch.
"""

from __future__ import annotations

import random
from pathlib import Path

from langforge.translate.bench import build_random_model, train_sentencepiece

WORDS = ("the a farmer market water school river town health clinic road rain season "
         "children teacher book village harvest maize price week month doctor north "
         "south people village bridge radio news morning evening family").split()


SWAHILI = ("mkulima alienda sokoni kununua mbegu za mahindi watoto wanakwenda shuleni kila "
           "asubuhi mvua ilinyesha kaskazini wiki hii bei ya maji iko juu kijiji kina kliniki "
           "mpya habari redio jioni daktari familia").split()


def training_lines(count: int = 400, seed: int = 0) -> list[str]:
    """English-like and Swahili-like lines, so planted outputs of either tokenize."""
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        bank = WORDS if i % 2 else SWAHILI
        words = [rng.choice(bank) for _ in range(rng.randint(4, 12))]
        lines.append(" ".join(words).capitalize() + rng.choice([".", "?", "!", "."]))
    return lines


def build_tiny_model(directory: Path, vocab_size: int = 400, layers: int = 2,
                     d_model: int = 64, seed: int = 0) -> Path:
    """A 2-layer, d_model-64 random Transformer with a SentencePiece model trained here."""
    directory.mkdir(parents=True, exist_ok=True)
    sp_model = train_sentencepiece(training_lines(), directory / "spm", vocab_size)
    return build_random_model(directory / "model", sp_model, layers=layers, d_model=d_model,
                              heads=4, ffn=128, seed=seed)


# --- real en-sw pairs and their corruptions (check calibration) --------------------------

OTHER_LANGUAGES = ("fra", "deu", "spa", "ita", "por", "nld", "pol", "tur", "ind", "vie",
                   "ces", "swe", "ron", "hun", "fin")


def real_pairs(shared: Path) -> list[tuple[str, str]]:
    """(English, Swahili) pairs: TICO-19 test and both Tatoeba en-sw sets."""
    text = shared / "text"
    sets = [("tico19/tico19-test.en", "tico19/tico19-test.sw"),
            ("tatoeba-en-sw/tatoeba-test-v2021-08-07.eng",
             "tatoeba-en-sw/tatoeba-test-v2021-08-07.swa"),
            ("tatoeba-en-sw/tatoeba.swh-eng.eng", "tatoeba-en-sw/tatoeba.swh-eng.swh")]
    pairs = []
    for en, sw in sets:
        en_lines = (text / en).read_text(encoding="utf-8").splitlines()
        sw_lines = (text / sw).read_text(encoding="utf-8").splitlines()
        pairs += [(e.strip(), s.strip()) for e, s in zip(en_lines, sw_lines)
                  if e.strip() and s.strip()]
    return pairs


def paragraphs(pairs: list[tuple[str, str]], seed: int = 0) -> list[tuple[list[str], list[str]]]:
    """Consecutive pairs grouped into 2-3 sentence paragraphs (sentence lists)."""
    rng = random.Random(seed)
    out, i = [], 0
    while i + 3 <= len(pairs):
        size = rng.choice((2, 3))
        group = pairs[i:i + size]
        out.append(([e for e, _ in group], [s for _, s in group]))
        i += size
    return out


def other_language_lines(shared: Path) -> list[str]:
    lines = []
    for code in OTHER_LANGUAGES:
        path = shared / "text" / "tatoeba-laser112" / f"tatoeba.{code}-eng.{code}"
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    return lines


def loop(sw: str, rng: random.Random) -> str:
    """A decoding loop: the output cut somewhere and a 1-3 word span repeated."""
    tokens = sw.split()
    cut = rng.randint(max(1, len(tokens) // 2), len(tokens))
    span_len = min(rng.randint(1, 3), cut)
    span = tokens[cut - span_len:cut]
    return " ".join(tokens[:cut] + span * rng.randint(4, 8))


def truncate(sw: str) -> str:
    """The first half of the output, cut at a word boundary."""
    half = sw[: max(1, len(sw) // 2)]
    return half.rsplit(" ", 1)[0] if " " in half else half


def corrupt(pairs: list[tuple[str, str]], others: list[str], seed: int = 0
            ) -> list[tuple[str, str, str]]:
    """(kind, source, broken output) for every pair and every kind of corruption.

    ``drop`` is made on 2-3 sentence paragraphs of consecutive pairs.
    """
    rng = random.Random(seed)
    out = []
    for en, sw in pairs:
        out.append(("copy", en, en))
        out.append(("other_language", en, rng.choice(others)))
        out.append(("loop", en, loop(sw, rng)))
        out.append(("truncate", en, truncate(sw)))
    for en_sents, sw_sents in paragraphs(pairs, seed):
        dropped = list(sw_sents)
        del dropped[rng.randrange(len(dropped))]
        out.append(("drop", " ".join(en_sents), " ".join(dropped)))
    return out
