"""`realpolitik serve`: options, the loopback/read-only rule, and a clear error for a bad store."""

from __future__ import annotations

from typer.testing import CliRunner

from realpolitik.cli import _register_commands, app
from realpolitik.cli.serve import is_loopback, posting_allowed


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    assert not is_loopback("example.org")


def test_posting_is_on_for_loopback_only_unless_asked() -> None:
    assert posting_allowed("127.0.0.1", read_only=False, allow_post=False)
    assert not posting_allowed("127.0.0.1", read_only=True, allow_post=False)
    assert not posting_allowed("0.0.0.0", read_only=False, allow_post=False)
    assert posting_allowed("0.0.0.0", read_only=False, allow_post=True)


def test_serve_help_lists_its_options() -> None:
    _register_commands()
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--read-only", "--allow-post"):
        assert option in result.output


def test_contradictory_flags_are_refused(tmp_path) -> None:
    _register_commands()
    db = str(tmp_path / "x.duckdb")
    result = CliRunner().invoke(app, ["serve", "--db", db, "--read-only", "--allow-post"])
    assert result.exit_code != 0
    assert "contradict" in str(result.exception)


def test_missing_store_in_read_only_mode_is_one_clear_error(tmp_path) -> None:
    from realpolitik.errors import StoreError

    _register_commands()
    missing = str(tmp_path / "missing.duckdb")
    result = CliRunner().invoke(app, ["serve", "--db", missing, "--read-only"])
    assert result.exit_code != 0
    assert isinstance(result.exception, StoreError)
    assert "no event database" in str(result.exception)
