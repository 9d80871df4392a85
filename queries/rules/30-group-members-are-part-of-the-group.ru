# Rule: an actor the text names as included in a group is part of it: ?member odrl:partOf ?group.
# Legal reading: "Countries affected ..., including A, B and C, should grant asylum" addresses A,
#   B and C; the duties of the group are theirs, with the same force and basis.
PREFIX dg: <https://w3id.org/dutygraph/ns#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>

INSERT { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?member odrl:partOf ?group } }
WHERE {
  ?group a dg:ActorGroup ; dg:includes ?member .
  FILTER NOT EXISTS { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?member odrl:partOf ?group } }
}
