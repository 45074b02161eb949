-- 001: the first schema. One row per document, per stored sentence, per actor mention, per
-- event (with its actors both as nested lists, for faithful export, and flattened into
-- event_actors, for fast dyad and actor queries), per quote and per advisory.
-- No PRIMARY KEY/UNIQUE constraints: dedup is done by the writer (anti-joins on doc_id and
-- content_hash inside the batch transaction) because index maintenance slows bulk loads.

CREATE TABLE documents (
    doc_id        VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    published     DATE,
    title         VARCHAR,
    url           VARCHAR,
    source        VARCHAR,
    author        VARCHAR,
    path          VARCHAR,
    input_format  VARCHAR,
    language      VARCHAR,
    meta          JSON,
    n_sentences   INTEGER,
    n_words       INTEGER,
    text          VARCHAR,
    batch_id      VARCHAR,
    ingested_at   TIMESTAMP
);

CREATE TABLE sentences (
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    text            VARCHAR
);

CREATE TABLE mentions (
    doc_id      VARCHAR NOT NULL,
    text        VARCHAR,
    "start"     INTEGER,
    "end"       INTEGER,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    cameo_code  VARCHAR,
    kb_id       VARCHAR
);

CREATE TABLE events (
    eid             BIGINT NOT NULL,
    event_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER,
    sentence        VARCHAR,
    trigger_text    VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    event           VARCHAR NOT NULL,
    mode            VARCHAR,
    context         VARCHAR[],
    cameo           VARCHAR,
    cameo_root      VARCHAR,
    goldstein       DOUBLE,
    quad            TINYINT,
    plover_score    DOUBLE,
    actor           STRUCT(text VARCHAR, "start" INTEGER, "end" INTEGER, name VARCHAR, country VARCHAR,
                           sector VARCHAR, cameo_code VARCHAR, kb_id VARCHAR)[],
    recipient       STRUCT(text VARCHAR, "start" INTEGER, "end" INTEGER, name VARCHAR, country VARCHAR,
                           sector VARCHAR, cameo_code VARCHAR, kb_id VARCHAR)[],
    date            DATE,
    date_precision  VARCHAR,
    date_text       VARCHAR,
    date_basis      VARCHAR,
    loc_name        VARCHAR,
    loc_text        VARCHAR,
    loc_start       INTEGER,
    loc_end         INTEGER,
    geonameid       BIGINT,
    lat             DOUBLE,
    lon             DOUBLE,
    loc_country     VARCHAR,
    admin1          VARCHAR,
    feature_class   VARCHAR,
    loc_basis       VARCHAR,
    factuality      VARCHAR,
    attribution     VARCHAR,
    killed          INTEGER,
    injured         INTEGER,
    arrested        INTEGER,
    participants    INTEGER,
    confidence      DOUBLE
);

-- role: 'A' (actor, source) or 'R' (recipient, target); pos: order within the role.
CREATE TABLE event_actors (
    eid         BIGINT NOT NULL,
    role        VARCHAR NOT NULL,
    pos         SMALLINT NOT NULL,
    country     VARCHAR,
    sector      VARCHAR,
    cameo_code  VARCHAR,
    kb_id       VARCHAR,
    name        VARCHAR
);

CREATE TABLE quotes (
    quote_id        VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER,
    text            VARCHAR,
    "start"         INTEGER,
    "end"           INTEGER,
    kind            VARCHAR,
    speaker_text    VARCHAR,
    speaker_name    VARCHAR,
    speaker_country VARCHAR,
    speaker_sector  VARCHAR,
    speaker_code    VARCHAR,
    speaker_kb_id   VARCHAR,
    cue             VARCHAR,
    date            DATE,
    date_precision  VARCHAR
);

CREATE TABLE advisories (
    advisory_id     VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER,
    trigger_text    VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    issuer_text     VARCHAR,
    issuer_country  VARCHAR,
    issuer_code     VARCHAR,
    countries       VARCHAR[],
    threats         VARCHAR[],
    level           VARCHAR,
    date            DATE,
    date_precision  VARCHAR
);

-- Mentions of one real-world event across reports (see docs/store.md for the rule).
CREATE TABLE event_clusters (
    cluster_id  VARCHAR NOT NULL,
    event       VARCHAR,
    first_date  DATE,
    last_date   DATE,
    n_mentions  INTEGER,
    n_docs      INTEGER
);

CREATE TABLE cluster_members (
    eid         BIGINT NOT NULL,
    cluster_id  VARCHAR NOT NULL
);
