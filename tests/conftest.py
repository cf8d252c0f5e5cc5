"""Test-wide fixtures: no network, the shared real data, small helpers."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("LANGFORGE_SHARED_DATA", REPO.parent / "shared" / "data"))

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", ""}


def _is_local(address) -> bool:
    if isinstance(address, tuple):
        host = address[0]
    else:  # a Unix socket path
        return True
    return host in _LOCAL_HOSTS or str(host).startswith("127.")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Fail any test that tries to reach anything but this machine."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(self, address):
        if not _is_local(address):
            raise AssertionError(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)

    def guarded_connect_ex(self, address):
        if not _is_local(address):
            raise AssertionError(f"test tried to reach the network: {address!r}")
        return real_connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in _LOCAL_HOSTS and not str(host).startswith("127."):
            raise AssertionError(f"test tried to reach the network (resolve {host!r})")
        return _real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    # a worker count from the caller's shell (or a leak) would change what tests run
    monkeypatch.delenv("LANGFORGE_EXTRACT_WORKERS", raising=False)
    # derived caches (English merge costs) in one directory of this test session, not
    # the user's ~/.cache: computed once per session, then read back
    monkeypatch.setenv("LANGFORGE_CACHE_DIR", str(_session_cache_dir()))


_real_getaddrinfo = socket.getaddrinfo
_SESSION_CACHE: list[Path] = []


def _session_cache_dir() -> Path:
    if not _SESSION_CACHE:
        import tempfile

        _SESSION_CACHE.append(Path(tempfile.mkdtemp(prefix="langforge-test-cache-")))
    return _SESSION_CACHE[0]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (real data); tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared real data not found at {SHARED_DATA} (set LANGFORGE_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def swahili_config():
    from langforge.config import load_config

    return load_config("swh_Latn")
