"""A served app moves its start-up objects out of the garbage collector's way (the partners_of p99 at M)."""

from __future__ import annotations

import gc

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.heap import GEN0_THRESHOLD
from graph.settings import Settings
from graph.store import GraphStore


@pytest.mark.usefixtures("unfrozen")
def test_an_app_that_opens_its_store_freezes_what_start_up_built(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").status_code == 200
        assert gc.get_freeze_count() > 10_000  # modules, the app, the catalogue
        assert gc.get_threshold()[0] == GEN0_THRESHOLD


@pytest.mark.usefixtures("unfrozen")
def test_an_app_given_a_store_leaves_the_collector_alone(settings: Settings, fixture_store: GraphStore) -> None:
    with TestClient(create_app(settings, store=fixture_store)) as client:
        assert client.get("/health").status_code == 200
        assert gc.get_freeze_count() == 0
        assert gc.get_threshold()[0] < GEN0_THRESHOLD
