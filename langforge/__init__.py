"""langforge: pre-training corpora and expanded tokenizers for low-resource languages.

The library is a set of streaming stages (``Iterable[Document] -> Iterator[Document]``)
with no Luigi inside; ``pipelines/`` wires them into a resumable Luigi graph.
"""

__version__ = "0.1.0"
