"""Settings and throwaway databases for the benchmark scripts (set up before Django starts)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
POSTGRES_NAME = "daadkracht_bench"


def database_url(db: str, sqlite_name: str = "bench") -> str:
    if db == "postgres":
        return f"{POSTGRES_SERVER}/{POSTGRES_NAME}"
    return f"sqlite:///{RESULTS / f'{sqlite_name}.sqlite3'}"


def sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def prepare_database(url: str, *, fresh: bool) -> None:
    """Create the database if needed; with `fresh`, throw an existing one away first."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            remove_database(url)
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def remove_database(url: str) -> None:
    path = sqlite_path(url)
    if path is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_django(url: str) -> None:
    """The project's one settings module, configured for a benchmark run, then migrated."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "daadkracht.config.settings"
    os.environ["DJANGO_DEBUG"] = "true"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-" + "0123456789" * 4)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def peak_memory_mb() -> float:
    """The process's peak resident memory so far."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
