"""Remove boilerplate lines and paragraphs (share prompts, disclaimers, copyright, ...).

The patterns are data in ``data/ingest/boilerplate.yaml``; each one names why
its text is boilerplate, and the names that fired are kept in the document
metadata so a surprising removal can be traced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from realpolitik.ingest.markup import Paragraph
from realpolitik.ingest.rules import BoilerplateRule


@dataclass(frozen=True, slots=True)
class CompiledRule:
    name: str
    drop: str
    pattern: re.Pattern[str]


def compile_rules(rules: tuple[BoilerplateRule, ...], author: str | None) -> list[CompiledRule]:
    """Compile the rules for one document ({author} filled in, author rules skipped if none)."""
    compiled = []
    for rule in rules:
        pattern = rule.compile_for(author)
        if pattern is not None:
            compiled.append(CompiledRule(rule.name, rule.drop, pattern))
    return compiled


def _first_match(line: str, rules: list[CompiledRule]) -> CompiledRule | None:
    return next((rule for rule in rules if rule.pattern.search(line)), None)


def remove_boilerplate(
    paragraphs: tuple[Paragraph, ...] | list[Paragraph], rules: list[CompiledRule]
) -> tuple[list[Paragraph], list[str]]:
    """The paragraphs without boilerplate, and the names of the rules that removed text."""
    kept: list[Paragraph] = []
    fired: list[str] = []
    for paragraph in paragraphs:
        lines: list[str] = []
        whole = False
        for line in paragraph.lines:
            rule = _first_match(line, rules)
            if rule is None:
                lines.append(line)
                continue
            fired.append(rule.name)
            if rule.drop == "paragraph":
                whole = True
                break
        if lines and not whole:
            kept.append(Paragraph(tuple(lines), paragraph.heading, paragraph.link_only))
    return kept, fired
