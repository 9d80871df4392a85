"""The lead-in of a list item: ``an applicant shall\u2014`` or ``... the following instruments:``
above ``(a) ...``."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dutygraph.extract.context import Context
    from dutygraph.extract.ir import Sentence

_ITEM_CONTINUES = re.compile(r"(?:[,;]|\b(?:and|or)|\u2026\]?|\])\s*$")
# how far into its block an item's sentence may start (past a marker such as "(a)")
_ITEM_START = 8


def lead_in_blocks(ctx: Context, sentence: Sentence) -> list[int]:
    """The block's lead-in, then the nearest block above that ends in a dash or a colon while
    the blocks between are items that go on (``...,`` ``...; and``)."""
    block = ctx.block_of(sentence)
    found = [block.lead_in] if block.lead_in is not None else []
    if block.kind != "bullet":
        return found
    for index in range(sentence.block - 1, max(-1, sentence.block - 16), -1):
        before = ctx.layout.blocks[index].span.of(ctx.text).rstrip()
        if before.endswith(("\u2014", "-", ":")):
            return [*found, index]
        if not _ITEM_CONTINUES.search(before):
            break  # the items above ended: this block is no item of theirs
    return found


def lead_in_sentence(ctx: Context, sentence: Sentence) -> Sentence | None:
    """The sentence that ends the colon lead-in of the item ``sentence`` opens; else None."""
    block = ctx.block_of(sentence)
    if block.kind != "bullet" or sentence.span.start > block.span.start + _ITEM_START:
        return None
    for index in lead_in_blocks(ctx, sentence):
        lead = ctx.layout.blocks[index].span
        if lead.of(ctx.text).rstrip().endswith(":"):
            return _last_sentence_of(ctx, lead.start, lead.end)
    return None


def _last_sentence_of(ctx: Context, start: int, end: int) -> Sentence | None:
    index = bisect.bisect_right(ctx.sentences, end, key=lambda s: s.span.start) - 1
    while index >= 0 and ctx.sentences[index].span.start >= end:
        index -= 1
    if index < 0 or ctx.sentences[index].span.start < start:
        return None
    return ctx.sentences[index]
