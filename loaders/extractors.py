"""The extractor a load uses, named by a setting: the rule extractor, or a plug-in such as an LLM extractor.

A plug-in is any importable function `Document -> Extraction` (loaders/facts.py), named `module:function` in
`COOPGRAPH_EXTRACTOR`. Resolution, provenance and writes stay the same whatever extracts: a plug-in only says
what one document states (candidates with their names and labels, relations with their evidence sentence).
It runs in the extraction workers, so it must be importable there and must not share state between documents.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from graph.errors import SettingsError
from loaders.facts import Document, Extraction

Extract = Callable[[Document], Extraction]
RULES = "loaders.extract:extract"


def load_extractor(spec: str) -> Extract:
    """The function `spec` names; a spec that names nothing callable is a settings error, said at once."""
    module_name, _, attribute = spec.partition(":")
    try:
        found = getattr(importlib.import_module(module_name), attribute)
    except ImportError as exc:
        raise SettingsError(f"COOPGRAPH_EXTRACTOR={spec}: cannot import {module_name} ({exc})") from None
    except AttributeError:
        raise SettingsError(f"COOPGRAPH_EXTRACTOR={spec}: {module_name} has no {attribute}") from None
    if not callable(found):
        raise SettingsError(f"COOPGRAPH_EXTRACTOR={spec}: {attribute} is not a function")
    return found
