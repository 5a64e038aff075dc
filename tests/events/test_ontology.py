from pathlib import Path

import pytest

from realpolitik.errors import DataValidationError, UsageError
from realpolitik.events import Ontology

HEADER = "cameo,name,event_type,mode,context,quad_class,goldstein\n"


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_shipped_table_codes_plover_types(ontology):
    visit = ontology.code_for("042")
    assert (visit.event_type, visit.mode, visit.quad_class, visit.goldstein) == (
        "CONSULT",
        "visit",
        1,
        1.9,
    )
    assert ontology.code_for("195").event_type == "ASSAULT"
    assert ontology.code_for("195").quad_class == 4


def test_documented_choices(ontology):
    assert ontology.code_for("163").event_type == "SANCTION"
    appeal = ontology.code_for("0231")
    assert (appeal.event_type, appeal.mode, appeal.context) == ("REQUEST", "assist", ("economic",))
    assert ontology.code_for("120").event_type == "REJECT"
    with pytest.raises(UsageError):
        ontology.code_for("010")  # statements are not events


@pytest.mark.parametrize(("code", "quad"), [("057", 1), ("062", 2), ("112", 3), ("173", 4)])
def test_quad_class_follows_root(ontology, code, quad):
    assert ontology.code_for(code).quad_class == quad


def test_every_row_is_one_of_the_sixteen_types(ontology):
    types = {code.event_type for code in ontology.codes.values()}
    assert len(types) == 16


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text("# provenance\n" + HEADER + body, encoding="utf-8")
    return path


def test_unknown_event_type_names_file_and_entry(tmp_path):
    path = _write(tmp_path, "042,Visit,TRAVEL,visit,,1,1.9\n")
    with pytest.raises(DataValidationError, match=r"table\.csv: entry 042"):
        Ontology.load(path)


@pytest.mark.parametrize(
    "row",
    ["4a2,Visit,CONSULT,,,1,1.9\n", "042,Visit,CONSULT,,,7,1.9\n", "042,Visit,CONSULT,,,1,x\n"],
)
def test_malformed_rows_are_rejected(tmp_path, row):
    with pytest.raises(DataValidationError):
        Ontology.load(_write(tmp_path, row))


def test_duplicate_code_is_rejected(tmp_path):
    row = "042,Visit,CONSULT,visit,,1,1.9\n"
    with pytest.raises(DataValidationError, match="duplicate"):
        Ontology.load(_write(tmp_path, row + row))
