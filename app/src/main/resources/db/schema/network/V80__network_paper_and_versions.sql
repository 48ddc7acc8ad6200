-- Going live (issue 14, point 5): signatures on paper and imported from an existing list, and new charter versions
-- published from the application (signatories asked to sign again).
alter table charter_member
    add column channel         text not null default 'ONLINE' check (channel in ('ONLINE', 'PAPER', 'IMPORT')),
    add column paper_reference text check (length(paper_reference) between 1 and 200);

alter table charter_event
    add column channel         text not null default 'ONLINE' check (channel in ('ONLINE', 'PAPER', 'IMPORT')),
    add column paper_reference text,
    add column recorded_by     text;

alter table charter_version
    add column published_by text;
