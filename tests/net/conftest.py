"""Fixtures for download tests: real local HTTP(S) servers and quick-failing fetchers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mailguard.net.fetcher import Fetcher
from tests.certificates import Certificate, make_certificate
from tests.httpserver import ScriptedServer, tls_server_context

MakeFetcher = Callable[..., Fetcher]


@pytest.fixture
def http_server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """(certificate, key) for 127.0.0.1 and localhost, trusted by nobody."""
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def https_server(self_signed: Certificate) -> Iterator[ScriptedServer]:
    with ScriptedServer(tls=tls_server_context(self_signed)) as server:
        yield server


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def make_fetcher(cache_dir: Path) -> Iterator[MakeFetcher]:
    """Fetchers with test-sized limits (override any keyword); all closed afterwards."""
    made: list[Fetcher] = []

    def make(**overrides: Any) -> Fetcher:
        options: dict[str, Any] = {"timeout_s": 0.5, "deadline_s": 3.0, "backoff_s": 0.01}
        options.update(overrides)
        fetcher = Fetcher(options.pop("cache_dir", cache_dir), **options)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@pytest.fixture
def fetcher(make_fetcher: MakeFetcher) -> Fetcher:
    return make_fetcher()
