"""Words for what a text refers to without naming it: a unit ('the laboratory'), the two partners ('both
sides'). One vocabulary for every rule that reads such references, so that they agree on what counts."""

from __future__ import annotations

UNIT_WORDS = r"laboratory|lab|cent(?:re|er)|institute|classroom|workshop"
"""A regex alternation: the kinds of unit a text goes on to call 'the laboratory', 'this centre'."""

PAIR_NOUNS = r"universities|institutions|organi[sz]ations|sides|parties|partners"
"""A regex alternation: what 'the two ...' / 'both ...' call the pair an article is about."""
