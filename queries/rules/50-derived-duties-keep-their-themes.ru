# Rule: a duty a rule derived for a party is about what the duty it applies is about: it takes
#   that duty's themes (dg:theme), affected persons (dg:affects) and their assignments
#   (dg:classification, whose cue and field stay the source's, so explain can say why).
# Legal reading: the derived duty is the same norm owed by another bearer (see
#   40-parties-owe-treaty-duties): its subject matter does not change with its bearer.
PREFIX dg: <https://w3id.org/dutygraph/ns#>

INSERT { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?derived ?property ?value } }
WHERE {
  VALUES ?property { dg:theme dg:affects dg:classification }
  ?derived dg:inferredBy ?rule ; dg:derivedFrom ?duty .
  ?duty ?property ?value .
  FILTER NOT EXISTS { ?duty dg:inferredBy ?any }
}
