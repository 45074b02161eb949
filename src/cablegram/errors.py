"""Every error cablegram raises, with a stable code and a message that says what to do.

    CablegramError
    ├── IngestError        E1xx  reading inputs (files, folders, JSONL, HTML, feeds, cables)
    │   └── IngestWarning        the input was still read (E124: coded without a bad date)
    ├── ResolutionError    E2xx  knowledge base, actors, dates, places
    ├── CodingError        E3xx  ontology, lexicons, dictionaries, evaluation
    ├── StoreError         E4xx  the DuckDB store and its migrations
    ├── ConfigError        E5xx  settings, model loading, command-line arguments
    └── ServeError         E6xx  the HTTP API and web interface (each carries an HTTP status)

Raise with a code from the table, e.g. ``raise IngestError("E103", path=p)``; the message is
formatted from the table so the same problem always reads the same way.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CablegramError",
    "CodingError",
    "ConfigError",
    "IngestError",
    "IngestWarning",
    "MESSAGES",
    "ResolutionError",
    "ServeError",
    "StoreError",
]

MESSAGES: dict[str, str] = {
    # ingest
    "E101": "File not found: {path}. Check the path, or pass a folder or '-' for stdin.",
    "E102": "No readable text files in folder: {path}. Add .txt/.jsonl/.html files or pass --include.",
    "E103": "File is not valid UTF-8: {path}. Re-encode it as UTF-8 or pass --encoding.",
    "E104": "File is empty: {path}. Remove it or add text.",
    "E105": "File looks binary, not text: {path}. Pass text, JSONL, CSV, HTML or XML files only.",
    "E106": "Malformed JSONL at {path}:{line}: {detail}. Each line must be a JSON object with 'id' and 'text'.",
    "E107": "Unknown input format '{fmt}' for {path}. Use one of: {choices}.",
    "E108": "Record at {path}:{line} has no text: {detail}. Give each record a non-empty 'text' field.",
    "E109": "Bad date '{value}' at {path}: {detail}. Write dates as YYYY-MM-DD.",
    "E110": "Could not read {path}: {detail}. Check permissions and that it is a regular file.",
    "E111": "CSV {path} has no column '{column}' (columns: {columns}). Pass --text-column with one of them.",
    "E112": "Document {path} is not English (detected '{language}'). Only English is coded; it was skipped.",
    "E113": "Could not extract article text from HTML {path}: {detail}. Check the page is complete.",
    "E114": "Feed {path} has no items: {detail}. Check the URL or file is an RSS/Atom feed.",
    "E115": "Line {line} of {path} is too long ({size} bytes > {limit}). Split the input into smaller records.",
    "E116": "XML {path} is malformed: {detail}. Fix the markup or re-export it.",
    "E117": "Cannot decode {path} as {encoding}: {detail}. Pass the right --encoding, or --encoding auto.",
    "E118": "Unknown encoding '{encoding}'. Pass a codec name such as utf-8, latin-1 or cp1252, or 'auto'.",
    "E119": "Could not detect the text encoding of {path}. Pass --encoding with its codec (e.g. latin-1).",
    "E120": "Cannot fetch {url}: {detail}. URLs need a network; save the page and pass the file.",
    "E121": "Malformed CSV at {path}:{line}: {detail}. Check the quoting and the delimiter.",
    "E122": "No text left in {path} after {what}. Check the input is complete.",
    "E123": "Cannot tell the format of {path}. Pass --input-format (see cablegram code --help).",
    "E124": (
        "Bad date '{value}' at {path}: {detail}."
        " The record was coded without a publication date; write dates as YYYY-MM-DD."
    ),
    "E125": (
        "Document id '{doc_id}' at {path} is already used by a different text ({first})."
        " It was skipped; make ids unique or pass --id-column."
    ),
    "E126": "Document {path} is too large ({size} bytes > {limit}). Split it, or raise the setting {setting}.",
    "E127": (
        "Could not read {path}: {detail}. This is a bug in cablegram; the other inputs were read."
        " Please report it."
    ),
    "E128": (
        "{path} was read only in part: {detail}."
        " The records before the fault were read; check the file is complete."
    ),
    # resolution
    "E201": "Knowledge-base file {path} is malformed at line {line}: {detail}.",
    "E202": "No PETRARCH dictionaries found in {path}. Pass the folder holding *.actors.txt / *agents*.txt files.",
    "E203": "Unknown country or code '{value}' in {path}:{line}. Use an ISO3 code or a PLOVER pseudo-country.",
    "E204": "The gazetteer cache {path} is unreadable: {detail}. Delete it; it is rebuilt on next use.",
    # coding
    "E301": "Unknown CAMEO code '{cameo}'. Use a 2-4 digit code from the CAMEO table (cablegram ontology).",
    "E302": "Unknown PLOVER event type '{event}'. Use one of: {choices}.",
    "E303": "Verb dictionary {path} is malformed at line {line}: {detail}.",
    "E304": "Gold file {path} is malformed at line {line}: {detail}. See docs/eval.md for the format.",
    "E305": "Eval floor failed: {metric} = {value:.3f} < floor {floor:.3f}. Fix the regression; floors only move up.",
    # store
    "E401": "Cannot open store {path}: {detail}. Check the path, or that no other process is writing to it.",
    "E402": "Store {path} has schema version {found}, newer than this cablegram ({expected}). Upgrade cablegram.",
    "E403": "Store {path} does not exist. Create it with 'cablegram ingest ... --db {path}'.",
    "E404": "Unknown export format '{fmt}'. Use one of: {choices}.",
    "E405": "Write to store {path} failed and was rolled back: {detail}.",
    "E406": "Export format '{fmt}' is written by the database to a file: pass --out FILE, not stdout.",
    "E407": (
        "{path} is not a cablegram store: {detail}. Pass --db with a new file name (e.g."
        " events.duckdb) or an existing store."
    ),
    "E408": "Cannot write the export to {path}: {detail}. Check the folder exists, is writable and has free space.",
    "E409": "Export --out {path} is the store itself; writing it would destroy the store. Pass another file name.",
    # config
    "E501": "Unknown setting '{name}'. Known settings: {choices}.",
    "E502": "Setting {name} expects {kind}, got '{value}'.",
    "E503": "The English model '{model}' is not installed. Run 'make run' or 'pip install -r requirements/model.txt'.",
    "E504": "Bad argument: {detail}.",
    # serve
    "E601": "Bad parameter '{name}': {detail}.",
    "E602": "No {what} '{key}' in the store. Check the id, or search for it first.",
    "E603": "Request body too large ({size} bytes > {limit}). Send less per request or raise setting serve_max_body.",
    "E604": "Writes are disabled on this server. Start it with 'cablegram serve --writes --token TOKEN'.",
    "E605": "Missing or wrong token. Send the header 'Authorization: Bearer TOKEN' with the server's token.",
    "E606": "Refusing to listen on {host} with writes enabled and no token. Pass --token (or CABLEGRAM_TOKEN), "
    "or bind 127.0.0.1.",
    "E607": "The store {path} is busy: {detail}. Try again when the writing process (cablegram ingest) ends.",
    "E608": "Bad request body: {detail}.",
    "E609": "No such page or endpoint: {path}. See /docs for the API.",
    "E610": "Method {method} is not allowed on {path}.",
    "E611": "Host '{host}' is not served here: this server answers localhost only. Use http://127.0.0.1:PORT/.",
    "E505": (
        "Output {out} would overwrite the input {path}; the input would be lost before it is read."
        " Pass another --out."
    ),
    "E506": (
        "Cannot write output {path}: {detail}."
        " Check the folder exists and is writable, and that it is not a folder."
    ),
    "E507": (
        "Knowledge-base file {path} is too large ({size} > {limit} {unit})."
        " Split it, or raise the setting {setting}."
    ),
}


class CablegramError(Exception):
    """Base class: `code` is stable (E1xx...), `message` says what went wrong and what to do."""

    def __init__(self, code: str, **fields: Any) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES.get(code, "{detail}")
        try:
            text = template.format(**fields)
        except (KeyError, ValueError, IndexError):
            text = f"{template} ({fields})"
        self.message = f"{code} {text}"
        super().__init__(self.message)


class IngestError(CablegramError):
    """A problem with one input; the batch goes on past it."""


class IngestWarning(IngestError):
    """A problem with one input that was still read (e.g. coded without its bad date)."""


class ResolutionError(CablegramError):
    """A problem with the knowledge base, dates or places."""


class CodingError(CablegramError):
    """A problem with the ontology, a lexicon, a dictionary or an evaluation."""


class StoreError(CablegramError):
    """A problem with the store; nothing already stored is lost."""


class ConfigError(CablegramError):
    """A bad setting, argument or a missing model."""


class ServeError(CablegramError):
    """A bad HTTP request or a refused server start; `status` is the HTTP status to answer with."""

    def __init__(self, code: str, *, status: int = 400, **fields: Any) -> None:
        super().__init__(code, **fields)
        self.status = status
