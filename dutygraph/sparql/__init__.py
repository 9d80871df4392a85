"""The query layer: every SPARQL question, from the CLI or the library, takes one route.

``files`` reads a named query or a query file and refuses what must not run; ``params`` turns
``--param`` values into checked terms and joins them to the text as ``VALUES`` blocks;
``sources`` answers the text on a graph in memory, the on-disk store or a SPARQL endpoint;
``result`` makes the answer the same bytes on each; ``run`` ties them together.
"""
