"""API tests: a TestClient on the fixture graph (read-only), and one on a fresh graph for writes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore
from tests.fixtures import fixture_store

__all__ = ["fixture_store"]

API_KEY = "test-key-0123456789"


@pytest.fixture(scope="session")
def client(fixture_store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    """A client of the app serving the fixture graph."""
    with TestClient(create_app(settings, store=fixture_store), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def write_client(store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    """A client of an app with an API key, on a fresh graph of its own."""
    keyed = settings.model_copy(update={"api_key": __import__("pydantic").SecretStr(API_KEY)})
    with TestClient(create_app(keyed, store=store), raise_server_exceptions=False) as test_client:
        yield test_client
