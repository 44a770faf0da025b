"""Property tests of the whole API from its own OpenAPI schema: no 5xx, every response fits its schema.

Driven through schemathesis' strategies with hypothesis directly (its pytest plugin does not run on
pytest 9), 25 examples per operation.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore

pytestmark = pytest.mark.slow
EXAMPLES = 25
OWN_TAGS = {"health", "entities", "facts", "documents", "queries", "reports"}
"""The API's routers and the report (views have their own schemathesis test, tests/viz)."""
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
"""No 5xx, only documented statuses, and bodies that fit their schema (stricter semantic checks such as
'schema-valid data is accepted' do not apply: a name that fits the schema may name no entity)."""


def test_every_operation_answers_without_5xx_and_within_its_schema(
    fixture_store: GraphStore, settings: Settings
) -> None:
    app = create_app(settings, store=fixture_store)
    with TestClient(app):
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        operations = [op for op in (r.ok() for r in schema.get_all_operations()) if set(_tags(op)) & OWN_TAGS]
        assert len(operations) >= 18
        for operation in operations:
            check_operation(operation)


def _tags(operation: schemathesis.APIOperation) -> list[str]:
    """The OpenAPI tags of an operation."""
    return list(operation.definition.raw.get("tags", []))


def check_operation(operation: schemathesis.APIOperation) -> None:
    """Generate cases for one operation and check each response."""

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: schemathesis.Case) -> None:
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
        case.validate_response(response, checks=CHECKS)

    run()
