"""The facts kept next to the graph for `build --append` (kgbuild.store)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.store import FACTS_FILE, StoreError, dumps, load_facts, loads, save_facts
from small_facts import article_facts as facts


def test_one_line_round_trip() -> None:
    line = dumps(facts())
    assert "\n" not in line
    assert loads(line) == facts()


def test_save_and_load_in_id_order(tmp_path: Path) -> None:
    save_facts(tmp_path, [facts("b"), facts("a")])
    assert [f.article.id for f in load_facts(tmp_path)] == ["a", "b"]


def test_a_new_folder_has_no_facts(tmp_path: Path) -> None:
    assert load_facts(tmp_path / "new") == []


def test_a_graph_without_facts_cannot_be_appended_to(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_text("")
    with pytest.raises(StoreError, match="cannot be appended to"):
        load_facts(tmp_path)


def test_corrupt_facts_are_reported(tmp_path: Path) -> None:
    (tmp_path / FACTS_FILE).write_text('{"article": {}}\n')
    with pytest.raises(StoreError, match="cannot read stored facts"):
        load_facts(tmp_path)
