"""dutygraph: which party owes which duty, under which instrument, how binding, and where
the text says so."""

__version__ = "0.1.0"
