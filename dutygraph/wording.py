"""How a statement's action reads to a person.

The graph stores a prohibition's action without its negation ("detain asylum-seeking
children" under ``dg:Prohibition``): the type carries the "not". Anything that shows the action
as text on its own (the duty network's labels, the picture, Web Annotations, explain) says it
again, or a prohibition reads as its opposite; ``queries/duties.rq`` applies the same rule to its
``action`` column, so a SPARQL user without dutygraph sees it too.
"""

from __future__ import annotations

import re

NEGATION_WORDS = ("not", "never", "no", "nor", "neither", "refrain", "abstain")
_NEGATED = re.compile(rf"\s*(?:{'|'.join(NEGATION_WORDS)})\b", re.IGNORECASE)


def duty_phrase(statement_type: str, action: str) -> str:
    """``action`` as it reads for a statement of ``statement_type`` (a local name such as
    "Prohibition"): "not " before a prohibition's action unless it already starts with a
    negation ("never return ..." stays as it is); any other action unchanged."""
    if statement_type != "Prohibition" or not action.strip() or _NEGATED.match(action):
        return action
    return f"not {action}"
