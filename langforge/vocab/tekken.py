"""Mistral's ``tekken`` tokenizer files as Hugging Face byte-level BPE tokenizers.

A tekken file (shipped in the ``mistral-common`` wheel) is tiktoken-style JSON:
a ranked list of byte strings, a pre-tokenizer regex and a count of special
tokens that take the first ids. tiktoken has no merge list: it encodes a
pre-token by repeatedly joining the adjacent pair whose concatenation has the
lowest rank, and takes a whole pre-token that is itself in the vocabulary as
one token. transformers' ``TikTokenConverter`` recovers the merges from the
ranks (each token split into two lower-ranked tokens that form it, ordered by
the token's rank) and sets ``ignore_merges`` for the whole-pre-token rule; it is
used here with a reader for the tekken format instead of tiktoken's own file
format. Token ids follow ``Tekkenizer``: special tokens first, then rank + the
number of special tokens.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path

from tokenizers import Tokenizer, processors

from langforge.errors import ConfigError

#: The special tokens of tekken files that do not list their own (versions up to
#: v7), as ``mistral_common``'s ``Tekkenizer.DEPRECATED_SPECIAL_TOKENS``; the rest
#: of the special range is filled with ``<SPECIAL_{id}>``, as Tekkenizer does.
#: (``mistral_common`` cannot be imported here: it is installed without its
#: dependencies, tiktoken among them.)
DEPRECATED_SPECIAL_TOKENS = (
    "<unk>", "<s>", "</s>", "[INST]", "[/INST]", "[AVAILABLE_TOOLS]", "[/AVAILABLE_TOOLS]",
    "[TOOL_RESULTS]", "[/TOOL_RESULTS]", "[TOOL_CALLS]", "[IMG]", "<pad>", "[IMG_BREAK]",
    "[IMG_END]", "[PREFIX]", "[MIDDLE]", "[SUFFIX]", "[SYSTEM_PROMPT]", "[/SYSTEM_PROMPT]",
    "[TOOL_CONTENT]")
SPECIAL_TOKEN_TEMPLATE = "<SPECIAL_{id}>"
BOS_TOKEN = "<s>"


def is_tekken_data(data: object) -> bool:
    """Whether parsed JSON has the tekken layout (``config`` + a ranked ``vocab`` list)."""
    return (isinstance(data, dict) and isinstance(data.get("config"), dict)
            and isinstance(data.get("vocab"), list))


def _special_tokens(data: dict, count: int) -> list[str]:
    listed = data.get("special_tokens")
    if listed is None:
        names = list(DEPRECATED_SPECIAL_TOKENS)
    else:
        names = [entry["token_str"] for entry in sorted(listed, key=lambda e: e["rank"])]
    if len(names) > count or len(set(names)) != len(names):
        raise ConfigError(f"tekken file lists {len(names)} special tokens (unique: "
                          f"{len(set(names))}) for {count} special ids")
    return names + [SPECIAL_TOKEN_TEMPLATE.format(id=i) for i in range(len(names), count)]


def tekken_ranks(data: dict, path: Path) -> dict[bytes, int]:
    """The mergeable ranks Tekkenizer uses: the first ``default_vocab_size -
    default_num_special_tokens`` entries of the ranked vocabulary."""
    config = data["config"]
    try:
        inner_size = int(config["default_vocab_size"]) - int(config["default_num_special_tokens"])
        entries = data["vocab"][:inner_size]
        ranks = {base64.b64decode(entry["token_bytes"], validate=True): int(entry["rank"])
                 for entry in entries}
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise ConfigError(f"{path} is not a valid tekken file: {exc!r}") from None
    if sorted(ranks.values()) != list(range(inner_size)) or len(ranks) != inner_size:
        raise ConfigError(f"{path}: tekken ranks are not 0..{inner_size - 1}, each once")
    return ranks


def _converter(ranks: dict[bytes, int], pattern: str, specials: list[str]):
    from transformers.convert_slow_tokenizer import TikTokenConverter

    class TekkenConverter(TikTokenConverter):
        """TikTokenConverter reading ranks already parsed from a tekken file, with
        Tekkenizer's ids: the special tokens first, then rank + their count."""

        def load_tiktoken_bpe(self, tiktoken_url: str) -> dict[bytes, int]:
            return ranks

        def extract_vocab_merges_from_model(self, tiktoken_url: str):
            vocab, merges = super().extract_vocab_merges_from_model(tiktoken_url)
            shifted = {token: rank + len(specials) for token, rank in vocab.items()}
            shifted.update((name, index) for index, name in enumerate(specials))
            return shifted, merges

    return TekkenConverter(vocab_file="<tekken>", pattern=pattern, extra_special_tokens=specials)


def tekken_to_hf(path: str | Path) -> Tokenizer:
    """A ``tokenizers.Tokenizer`` that encodes exactly as ``Tekkenizer`` (ids included).

    Raises:
        ConfigError: the file is not a tekken file.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read tekken file {path}: {exc}") from None
    if not is_tekken_data(data):
        raise ConfigError(f"{path} is not a tekken file (needs 'config' and a 'vocab' list)")
    ranks = tekken_ranks(data, path)
    specials = _special_tokens(data, int(data["config"]["default_num_special_tokens"]))
    tokenizer = _converter(ranks, data["config"]["pattern"], specials).converted()
    if BOS_TOKEN in specials:
        bos_id = specials.index(BOS_TOKEN)
        tokenizer.post_processor = processors.TemplateProcessing(
            single=f"{BOS_TOKEN} $A", pair=f"{BOS_TOKEN} $A {BOS_TOKEN} $B",
            special_tokens=[(BOS_TOKEN, bos_id)])
    return tokenizer
