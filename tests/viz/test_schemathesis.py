"""The view routes from their own OpenAPI schema: no 5xx, documented statuses and content types only."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore

pytestmark = pytest.mark.slow
EXAMPLES = 15
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


def test_view_operations_answer_without_5xx(viz_store: GraphStore, settings: Settings) -> None:
    app = create_app(settings, store=viz_store)
    with TestClient(app):
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        operations = [
            op for op in (r.ok() for r in schema.get_all_operations()) if "views" in op.definition.raw.get("tags", [])
        ]
        assert len(operations) == 10
        for operation in operations:

            @given(case=operation.as_strategy())
            @hypothesis_settings(
                max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
            )
            def run(case: schemathesis.Case) -> None:
                response = case.call()
                assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
                case.validate_response(response, checks=CHECKS)

            run()
