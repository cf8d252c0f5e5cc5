"""The exception taxonomy: each class tells the runner what to do.

- ``ConfigError``: abort the run before any work (bad config, unknown language,
  bad arguments). The command line exits 2.
- ``MissingModelError``: abort; the message names the command that fetches it.
- ``InputError``: this input file is unusable; fail its shard, go on with others.
- ``FetchError``: a network problem; retry, then fail the shard.
"""


class LangforgeError(Exception):
    """Base class of every error langforge raises on purpose."""


class ConfigError(LangforgeError):
    """Bad configuration or arguments: abort before any work starts."""


class UnknownLanguageError(ConfigError):
    """A language code the registry or the configs do not know."""


class MissingModelError(LangforgeError):
    """A model file is absent; the message says which command provides it."""


class InputError(LangforgeError):
    """An input file cannot be read at all (its shard fails, the run goes on)."""


class FetchError(LangforgeError):
    """A download failed after its retry budget."""
