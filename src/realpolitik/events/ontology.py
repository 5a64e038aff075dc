"""The CAMEO -> PLOVER ontology table: event type, mode, context, quad class, Goldstein."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from realpolitik.errors import DataValidationError, UsageError
from realpolitik.records import EventCode

PLOVER_EVENTS = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"}
    | {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)
COLUMNS = ("cameo", "name", "event_type", "mode", "context", "quad_class", "goldstein")
ONTOLOGY_FILE = "cameo_plover.csv"


def default_path() -> Path:
    """The ontology table shipped with the package."""
    return Path(str(resources.files("realpolitik") / "data" / "ontology" / ONTOLOGY_FILE))


def _data_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line for line in handle if not line.startswith("#")]


def _parse_row(path: Path, row: dict[str, str]) -> EventCode:
    cameo = (row.get("cameo") or "").strip()
    where = f"entry {cameo or '?'}"
    if not cameo.isdigit() or not 2 <= len(cameo) <= 4 or not 2 <= int(cameo[:2]) <= 20:
        raise DataValidationError(str(path), f"{where}: bad CAMEO code {cameo!r}")
    if row.get("event_type") not in PLOVER_EVENTS:
        event = row.get("event_type")
        raise DataValidationError(str(path), f"{where}: unknown PLOVER event {event!r}")
    try:
        quad = int(row["quad_class"])
        goldstein = float(row["goldstein"])
    except (TypeError, ValueError) as exc:
        raise DataValidationError(str(path), f"{where}: {exc}") from exc
    if quad not in (1, 2, 3, 4) or not -10.0 <= goldstein <= 10.0:
        raise DataValidationError(str(path), f"{where}: quad class or goldstein out of range")
    context = tuple(c.strip() for c in (row.get("context") or "").split(";") if c.strip())
    return EventCode(
        event_type=row["event_type"],
        mode=(row.get("mode") or "").strip() or None,
        context=context,
        cameo=cameo,
        quad_class=quad,
        goldstein=goldstein,
    )


@dataclass(frozen=True, slots=True)
class Ontology:
    """CAMEO code -> `EventCode`. CAMEO 01x statements are not events and are absent."""

    codes: dict[str, EventCode]

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        """Read and validate the table; raises `DataValidationError` naming file and entry."""
        path = path or default_path()
        reader = csv.DictReader(_data_lines(path))
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise DataValidationError(str(path), f"header must be {','.join(COLUMNS)}")
        codes: dict[str, EventCode] = {}
        for row in reader:
            code = _parse_row(path, row)
            if code.cameo in codes:
                raise DataValidationError(str(path), f"entry {code.cameo}: duplicate code")
            codes[code.cameo] = code
        return cls(codes)

    def __contains__(self, cameo: str) -> bool:
        return cameo in self.codes

    def code_for(self, cameo: str) -> EventCode:
        """The event code of `cameo`; raises `UsageError` for statements and unknown codes."""
        try:
            return self.codes[cameo]
        except KeyError:
            raise UsageError(f"CAMEO code {cameo!r} is not a PLOVER event") from None
