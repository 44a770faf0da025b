"""Every setting coopgraph reads, in one pydantic-settings object, read once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import SettingsError


def default_data_dir() -> Path:
    """Where the embedded store and analyst judgements live when COOPGRAPH_DATA_DIR is not set."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "coopgraph"


class Settings(BaseSettings):
    """coopgraph's settings; environment variables win over defaults (see README, 'Settings')."""

    model_config = SettingsConfigDict(env_prefix="COOPGRAPH_", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default_factory=default_data_dir)
    graph_name: str = Field(default="coopgraph", pattern=r"^[A-Za-z0-9_\-]{1,64}$")

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_username: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_USERNAME"))
    neo4j_password: SecretStr | None = Field(default=None, validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_password_file: Path | None = Field(default=None, validation_alias=AliasChoices("NEO4J_PASSWORD_FILE"))
    neo4j_database: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_DATABASE"))

    falkordb_url: str | None = None
    falkordb_fsync: Literal["everysec", "always"] = "everysec"
    falkordb_max_memory_mb: int = Field(default=8192, ge=256)
    falkordb_query_memory_mb: int = Field(default=2048, ge=64)
    falkordb_threads: int = Field(default_factory=lambda: max(2, os.cpu_count() or 2), ge=1, le=64)

    query_timeout_ms: int = Field(default=15_000, ge=100, le=600_000)
    query_timeout_max_ms: int = Field(default=120_000, ge=100, le=3_600_000)
    write_batch_size: int = Field(default=1000, ge=1, le=10_000)
    load_workers: int = Field(default_factory=lambda: min(4, os.cpu_count() or 1), ge=0, le=64)
    """Processes extracting articles during a load (0: in the loading process). Past 4, the loading process,
    which resolves every document in order, cannot keep up with them."""

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    api_key: SecretStr | None = None
    api_key_file: Path | None = None
    cors_origins: list[str] = Field(default_factory=list)

    max_document_bytes: int = Field(default=5_000_000, ge=1_000)
    extractor: str = Field(default="loaders.extract:extract", pattern=r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")
    """`module:function` turning a Document into an Extraction: the rule extractor, or a plug-in (e.g. an LLM)."""

    @field_validator("neo4j_uri")
    @classmethod
    def _check_neo4j_uri(cls, value: str | None) -> str | None:
        """Reject URIs the neo4j driver cannot use, before any connection is tried."""
        if not value:
            return None
        schemes = {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}
        if urlparse(value).scheme not in schemes:
            raise ValueError(f"NEO4J_URI must start with one of {sorted(schemes)}: got {redact_url(value)!r}")
        return value

    @field_validator("falkordb_url")
    @classmethod
    def _check_falkordb_url(cls, value: str | None) -> str | None:
        """Accept only the URL forms the falkordb client understands."""
        if not value:
            return None
        if urlparse(value).scheme not in {"redis", "rediss", "unix"}:
            raise ValueError(
                f"COOPGRAPH_FALKORDB_URL must be redis://, rediss:// or unix://: got {redact_url(value)!r}"
            )
        return value

    @model_validator(mode="after")
    def _read_secret_files(self) -> Settings:
        """Let secrets come from files (Docker/Kubernetes secrets) instead of the environment."""
        if self.neo4j_password is None and self.neo4j_password_file:
            self.neo4j_password = SecretStr(_read_secret(self.neo4j_password_file, "NEO4J_PASSWORD_FILE"))
        if self.api_key is None and self.api_key_file:
            self.api_key = SecretStr(_read_secret(self.api_key_file, "COOPGRAPH_API_KEY_FILE"))
        if self.query_timeout_ms > self.query_timeout_max_ms:
            raise ValueError("COOPGRAPH_QUERY_TIMEOUT_MS must not exceed COOPGRAPH_QUERY_TIMEOUT_MAX_MS")
        return self

    @property
    def backend(self) -> Literal["neo4j", "falkordb", "embedded"]:
        """Which store these settings select: Neo4j if NEO4J_URI is set, then a FalkorDB URL, else embedded."""
        if self.neo4j_uri:
            return "neo4j"
        if self.falkordb_url:
            return "falkordb"
        return "embedded"

    @property
    def judgements_path(self) -> Path:
        """The analyst judgements file; it lives beside the store so it survives re-ingest."""
        return self.data_dir / "judgements.jsonl"


def redact_url(url: str) -> str:
    """The URL with any password in it (user info or `password=` query) replaced by `***`, for messages."""
    try:
        parts = urlparse(url)
    except ValueError:
        return "<unparsable URL>"
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.partition(':')[0]}:***@{host}" if ":" in user else f"***@{host}"
    query = "&".join(
        f"{k}=***" if k.lower() in {"password", "pass", "pwd"} else f"{k}={v}" if sep else k
        for k, sep, v in (item.partition("=") for item in parts.query.split("&") if item)
    )
    if (netloc, query) == (parts.netloc, parts.query):
        return url
    return parts._replace(netloc=netloc, query=query).geturl()


def _read_secret(path: Path, name: str) -> str:
    """Read one secret file, naming the setting (never the secret) when it fails."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ValueError(f"{name}: cannot read {path}: {exc.strerror}") from None


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, turning validation errors into one readable line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}" for err in exc.errors()
        )
        raise SettingsError(f"invalid settings: {problems}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once; tests call `get_settings.cache_clear()` to re-read."""
    return load_settings()
