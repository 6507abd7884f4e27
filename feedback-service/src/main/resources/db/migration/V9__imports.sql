-- Bulk imports: a file of submissions (CSV or JSON Lines) taken in batches, with a result for every row.

create table feedback_import (
    id            uuid primary key,
    submitted_by  text        not null,
    -- the file's SHA-256: posting the same file again finds this import (and resumes it if it stopped)
    file_sha256   text        not null,
    format        text        not null check (format in ('CSV', 'NDJSON')),
    -- whether contributors are told about what the file brings in, as if they had just said it
    notify        boolean     not null,
    total_rows    integer     not null,
    -- the last line of the file whose row has its result: the import goes on after it
    lines_done    integer     not null default 0,
    accepted      integer     not null default 0,
    duplicates    integer     not null default 0,
    rejected      integer     not null default 0,
    status        text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    failure       text,
    -- a running import's worker touches this after every batch; a stale one has stopped
    heartbeat_at  timestamptz not null,
    created_at    timestamptz not null,
    finished_at   timestamptz
);
create unique index feedback_import_file on feedback_import (submitted_by, file_sha256);
create index feedback_import_created on feedback_import (created_at desc, id desc);

create table feedback_import_row (
    import_id    uuid    not null references feedback_import (id) on delete cascade,
    -- the line of the file where the row starts (the header is line 1 of a CSV file)
    line         integer not null,
    outcome      text    not null check (outcome in ('ACCEPTED', 'DUPLICATE', 'REJECTED')),
    feedback_id  uuid,
    external_ref text,
    reason       text,
    primary key (import_id, line)
);

alter table feedback add column import_id uuid;
-- history brought in without telling anyone: its contributor hears nothing about it
alter table feedback add column silent boolean not null default false;
-- an externalRef is imported once, whichever import brings it
create unique index feedback_imported_ref on feedback (external_ref)
    where import_id is not null and external_ref is not null;

-- The model reads what people say now before imported history.
drop index feedback_analysis_pending;
create index feedback_analysis_pending on feedback ((import_id is not null), created_at) where analysed_at is null;
