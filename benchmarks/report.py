"""Printing the figures: the machine, one Markdown table per database, then the query plans."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from benchmarks.harness import Figure, Stats


def _time(ns: float, figure: Figure) -> str:
    value = ns / figure.scale
    text = f"{value:.3g}" if value < 1000 else f"{value:,.0f}"
    return f"{text} {figure.unit}"


def _pair(stats: Stats | None, figure: Figure) -> str:
    if stats is None:
        return "—"
    return f"{_time(stats.median_ns, figure)} / {_time(stats.p95_ns, figure)}"


def _met(figure: Figure) -> str:
    verdicts = figure.verdicts
    if not verdicts:
        return "—"
    if len(verdicts) == 1:
        return "yes" if figure.met else "**NO**"
    return ", ".join(f"{part} {'yes' if ok else '**NO**'}" for part, ok in verdicts.items())


def machine_lines(info: Mapping[str, str]) -> list[str]:
    return [f"- {name}: {value}" for name, value in info.items()]


def table(figures: Sequence[Figure]) -> list[str]:
    lines = [
        "| figure | runs | median / p95 | baseline median / p95 | ratio | target | met? | note |",
        "|---|---:|---:|---:|---:|---|---|---|",
    ]
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        baseline = f"{_pair(f.baseline, f)} ({f.baseline_label})" if f.baseline else "—"
        target = f.target.describe(f.scale, f.unit) if f.target else "—"
        lines.append(
            f"| `{f.id}` {f.title} | {f.stats.runs} | {_pair(f.stats, f)} | {baseline} | {ratio} | {target} "
            f"| {_met(f)} | {f.note} |"
        )
    return lines


_PLACEHOLDER_LIST = re.compile(r"\((?:\?, ){9,}\?\)")


def _one_line(sql: str) -> str:
    """The statement on one line, a long list of placeholders shortened to its count."""
    sql = " ".join(sql.split())
    return _PLACEHOLDER_LIST.sub(lambda m: f"(?, … {m.group(0).count('?')} placeholders)", sql)


def plans(figures: Sequence[Figure]) -> list[str]:
    """Each distinct plan once, under the first figure that showed it."""
    lines: list[str] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for figure in figures:
        for plan in figure.plans:
            sql = _one_line(plan.sql)
            if (sql, plan.lines) in seen:
                continue
            seen.add((sql, plan.lines))
            lines += ["", f"{plan.label}:", f"    {sql}", *(f"      {line}" for line in plan.lines)]
    return lines
