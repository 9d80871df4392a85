"""Readers of PDF, DOCX and web pages need their engines (plain dependencies of dutygraph)."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("docx")
pytest.importorskip("fpdf")
