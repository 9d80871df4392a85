# Rule: a state's treaty act that expresses consent to be bound (ratification, accession,
#   succession, or a statement that it is party without saying how) makes it a party to the
#   treaty: ?state dg:partyTo ?treaty, unless the graph also states a later denunciation or
#   withdrawal by the same state. An act the text says did not happen (dg:negated true: "is not
#   a party to", "has yet to ratify", "has not withdrawn from") neither makes nor ends a party.
# Legal reading: VCLT arts. 11-16: consent to be bound is expressed by ratification, accession
#   or succession; signature alone does not bind (art. 18 only obliges a signatory not to defeat
#   the object and purpose), so a signature makes no party. VCLT arts. 54-56: denunciation ends it.
PREFIX dg: <https://w3id.org/dutygraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>

INSERT { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?state dg:partyTo ?treaty } }
WHERE {
  ?act a dg:TreatyAction ;
       prov:wasAssociatedWith ?state ;
       dg:instrument ?treaty ;
       dg:actionType ?type .
  VALUES ?type { dg:Ratification dg:Accession dg:Succession dg:ConsentToBeBound }
  FILTER NOT EXISTS { ?act dg:negated true }
  OPTIONAL { ?act dg:date ?act_date }
  # The state's exits from the treaty, counted once per (state, treaty): an exit undoes the act
  # unless both are dated and the exit comes first. (Asked per act, as NOT EXISTS, this was
  # quadratic in the number of acts: 8 s for 100 reports.)
  OPTIONAL {
    SELECT ?state ?treaty (COUNT(?exit) AS ?exits) (COUNT(?exit_date) AS ?dated_exits)
           (MAX(STR(?exit_date)) AS ?last_exit)
    WHERE {
      ?exit dg:actionType dg:Denunciation ; prov:wasAssociatedWith ?state ; dg:instrument ?treaty .
      FILTER NOT EXISTS { ?exit dg:negated true }
      OPTIONAL { ?exit dg:date ?exit_date }
    }
    GROUP BY ?state ?treaty
  }
  FILTER(!BOUND(?exits)
         || (BOUND(?act_date) && ?dated_exits = ?exits && ?last_exit < STR(?act_date)))
  FILTER NOT EXISTS { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?state dg:partyTo ?treaty } }
}
