"""Query-string parameter types shared by the routes, constrained so OpenAPI states the bounds."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Path, Query

from graph.schema import ENTITY_LABELS

Text = Annotated[str, Query(min_length=1, max_length=300, pattern=r"^[^\x00]*\S[^\x00]*$")]
Country = Annotated[str, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, e.g. KZ or CN.")]
CountryPath = Annotated[str, Path(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, e.g. KZ or CN.")]
Year = Annotated[int, Query(ge=1900, le=2100)]
EntityType = Literal[ENTITY_LABELS]  # type: ignore[valid-type]
FactType = Literal["COOPERATES_WITH", "AFFILIATED_WITH", "PART_OF", "INVOLVED_IN", "VISITED", "PARTY_TO", "LOCATED_IN"]
