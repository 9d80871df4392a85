# Rule: a state party to a treaty owes each binding duty the graph holds for a group (the
#   Contracting States, States Parties, all States) on the basis of that treaty or one of its
#   provisions. The derived duty is a new statement: same type and action, bearer the state,
#   force Binding, basis the provision (or treaty), dg:inferredBy this rule, dg:derivedFrom the
#   party-status act (a dated act when there is one; never an act the text says did not happen,
#   dg:negated true) and the group duty, and as evidence (prov:wasDerivedFrom) the passage of
#   the norm it applies: the duty is the norm's, the act's own passage is one step further.
# Legal reading: pacta sunt servanda (VCLT art. 26): a treaty binds its parties; a duty stated
#   for "the Contracting States" of a treaty, or a norm the text says a treaty article
#   articulates (Article 33 non-refoulement), binds each party as a treaty duty.
PREFIX dg: <https://w3id.org/dutygraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>

INSERT { GRAPH <https://w3id.org/dutygraph/id/inferred> {
  ?derived a ?type, dg:NormativeStatement ;
      dg:bearer ?state ;
      dg:action ?action ;
      dg:bindingForce dg:Binding ;
      dg:legalBasis ?basis ;
      dg:inferredBy "parties-owe-treaty-duties" ;
      dg:derivedFrom ?act, ?duty ;
      prov:wasDerivedFrom ?norm_passage .
} }
WHERE {
  ?duty a ?type ; dg:bearer ?group ; dg:action ?action ; dg:bindingForce dg:Binding ;
        dg:legalBasis ?basis .
  VALUES ?type { dg:Obligation dg:Prohibition }
  ?group a dg:ActorGroup .
  FILTER NOT EXISTS { ?duty dg:inferredBy ?any }
  ?duty prov:wasDerivedFrom ?norm_passage .
  { ?basis eli:is_part_of ?treaty } UNION { ?basis a dg:Treaty . BIND(?basis AS ?treaty) }
  # Each party once per treaty, with the act it rests on: a dated act first, then the smallest
  # IRI, so the choice does not depend on the order of the data.
  {
    SELECT ?state ?treaty (MIN(CONCAT(IF(BOUND(?date), "0 ", "1 "), STR(?candidate))) AS ?pick)
    WHERE {
      ?state dg:partyTo ?treaty .
      ?candidate a dg:TreatyAction ; prov:wasAssociatedWith ?state ; dg:instrument ?treaty .
      FILTER NOT EXISTS { ?candidate dg:negated true }
      OPTIONAL { ?candidate dg:date ?date }
    }
    GROUP BY ?state ?treaty
  }
  BIND(IRI(SUBSTR(?pick, 3)) AS ?act)
  BIND(IRI(CONCAT(STR(?duty), "/owed-by/", REPLACE(STR(?state), "^.*[/#]", ""))) AS ?derived)
  FILTER NOT EXISTS { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?derived dg:bearer ?state } }
}
