"""Luigi tasks that wire langforge's library stages into a resumable graph.

Tasks are thin: parameters, ``requires()``, ``output()`` and one library call in
``run()``; every output is written atomically and a directory output is complete
only with its ``_SUCCESS`` marker. ``pipelines.language.LanguageCorpus`` is the
per-language wrapper that ``make language`` runs; ``pipelines.publish.BuildDataset``
is the task to require from a user's own graph.
"""
