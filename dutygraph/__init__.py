"""dutygraph: which party owes which duty, under which instrument, how binding, and where
the text says so.

The library's verbs (``extract``, ``build``, ``validate``, ``query``, ``explain``, ``export``,
``picture``) are in ``dutygraph.verbs``: ``from dutygraph import verbs as dg``. They are not
attributes of this package because most share a name with the module that does the job
(``dutygraph.extract`` is the extractor, ``dutygraph.build`` the builder), and a package
attribute cannot be both a submodule and a function."""

__version__ = "0.1.0"
