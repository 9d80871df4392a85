# Rule: every state is part of the group of all States: ?state odrl:partOf dg:AllStates.
# Legal reading: a rule of customary international law binds every state (save a persistent
#   objector, which a text would have to state), so a duty borne by "all States" is borne by each.
PREFIX dg: <https://w3id.org/dutygraph/ns#>
PREFIX odrl: <http://www.w3.org/ns/odrl/2/>

INSERT { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?state odrl:partOf dg:AllStates } }
WHERE {
  ?state a dg:State .
  FILTER NOT EXISTS { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?state odrl:partOf dg:AllStates } }
}
