# Rule: a state's treaty act that expresses consent to be bound (ratification, accession,
#   succession, or a statement that it is party without saying how) makes it a party to the
#   treaty: ?state dg:partyTo ?treaty, unless the graph also states a later denunciation or
#   withdrawal by the same state.
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
  OPTIONAL { ?act dg:date ?act_date }
  # An exit undoes the act unless both are dated and the exit comes first. (The act's date is
  # looked up out here: an OPTIONAL inside NOT EXISTS is re-evaluated for every exit.)
  FILTER NOT EXISTS {
    ?exit a dg:TreatyAction ; prov:wasAssociatedWith ?state ; dg:instrument ?treaty ;
          dg:actionType dg:Denunciation .
    FILTER(!BOUND(?act_date)
           || NOT EXISTS { ?exit dg:date ?any_date }
           || EXISTS { ?exit dg:date ?exit_date FILTER(STR(?exit_date) >= STR(?act_date)) })
  }
  FILTER NOT EXISTS { GRAPH <https://w3id.org/dutygraph/id/inferred> { ?state dg:partyTo ?treaty } }
}
