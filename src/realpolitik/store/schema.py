"""The database schema as an ordered list of migrations, recorded in the database.

Each migration has a version number and a list of SQL statements; `migrate`
applies the ones a database has not seen, in order, each in its own
transaction, and records it in ``schema_migrations``.  A database written by
a newer realpolitik (a version this code does not know) is refused rather than
guessed at.  To change the schema, append a migration; never edit one that
has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from realpolitik.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_EVENT_ACTOR_COLUMNS = """
    {side}_code VARCHAR, {side}_country VARCHAR, {side}_sector VARCHAR,
    {side}_name VARCHAR, {side}_key VARCHAR"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, posts, events, actors, runs, skipped, clusters",
        (
            """CREATE TABLE runs (
                run_id VARCHAR, version VARCHAR, settings JSON, sources JSON,
                started_at TIMESTAMP, finished_at TIMESTAMP,
                documents INTEGER, events INTEGER, skipped INTEGER)""",
            """CREATE TABLE documents (
                doc_id VARCHAR, content_hash VARCHAR, source VARCHAR, title VARCHAR,
                author VARCHAR, publisher VARCHAR, date DATE, url VARCHAR,
                original_source VARCHAR, metadata JSON, run_id VARCHAR,
                coded_version VARCHAR, added_at TIMESTAMP)""",
            """CREATE TABLE posts (
                post_id VARCHAR, doc_id VARCHAR, idx INTEGER, kind VARCHAR,
                title VARCHAR, author VARCHAR, date DATE, text VARCHAR)""",
            "CREATE TABLE events (event_id VARCHAR, doc_id VARCHAR, post_id VARCHAR,"
            " sentence_id INTEGER, sentence VARCHAR, event_type VARCHAR, mode VARCHAR,"
            " cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE,"
            + _EVENT_ACTOR_COLUMNS.format(side="actor")
            + ","
            + _EVENT_ACTOR_COLUMNS.format(side="recipient")
            + """, status VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR,
                date_basis VARCHAR, event_date DATE, location_name VARCHAR,
                location_country VARCHAR, lat DOUBLE, lon DOUBLE, publisher VARCHAR,
                cluster_id VARCHAR, record JSON)""",
            """CREATE TABLE actors (
                actor_uid VARCHAR, code VARCHAR, name VARCHAR, country VARCHAR,
                sector VARCHAR, dict_id VARCHAR, key VARCHAR, first_seen TIMESTAMP)""",
            """CREATE TABLE skipped (
                source VARCHAR, reason VARCHAR, run_id VARCHAR, skipped_at TIMESTAMP)""",
            """CREATE TABLE clusters (
                cluster_id VARCHAR, actor_key VARCHAR, recipient_key VARCHAR,
                event_type VARCHAR, factual BOOLEAN, date_start DATE, date_end DATE,
                mentions INTEGER, documents INTEGER, sources INTEGER, source_list JSON,
                representative VARCHAR)""",
        ),
    ),
    Migration(
        2,
        "events.doc_date: the date of the event's post or document (to tell history from news)",
        (
            "ALTER TABLE events ADD COLUMN doc_date DATE",
            """UPDATE events SET doc_date = (
                SELECT max(d.date) FROM documents d WHERE d.doc_id = events.doc_id)""",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database (0 for an empty one)."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0) if row else 0


def migrate(
    conn: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[int]:
    """Apply the migrations this database lacks; return the versions applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER, description VARCHAR, applied_at TIMESTAMP)"
    )
    have = current_version(conn)
    known = migrations[-1].version if migrations else 0
    if have > known:
        raise StoreError(
            f"database schema version {have} is newer than this realpolitik knows ({known})"
        )
    applied = []
    for migration in migrations:
        if migration.version <= have:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now())",
                [migration.version, migration.description],
            )
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"migration {migration.version} failed: {exc}") from exc
        applied.append(migration.version)
    return applied
