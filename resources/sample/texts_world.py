"""Banks for the sample's pages in the other configured languages (amh_Ethi ... zul_Latn),
written for langforge (CC-BY-4.0): per language its sites, its page chrome (``UI``, as
in chrome.py) and hand-written articles ``(section, title, paragraphs)`` on everyday
topics, in the language's own script and orthography. One module per language."""

import importlib

CODES = ["amh_Ethi", "hau_Latn", "ibo_Latn", "kin_Latn", "mlt_Latn", "npi_Deva", "plt_Latn", "sin_Sinh", "som_Latn", "xho_Latn", "yor_Latn", "zul_Latn"]

WORLD = {}
for _code in CODES:
    _mod = importlib.import_module("texts_w_" + _code.split("_")[0])
    WORLD[_code] = {"domains": _mod.DOMAINS, "ui": _mod.UI, "articles": _mod.ARTICLES}
