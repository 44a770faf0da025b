"""Query tests run on the fixture graph."""

from tests.fixtures import fixture_store

__all__ = ["fixture_store"]
