-- Idempotent writes (issue 22): each state-changing form carries a single-use key (hidden field "_idempotence"),
-- API clients may send an Idempotency-Key header; the first request with a key is processed and its answer kept
-- here, a second one with the same key gets that answer again instead of writing twice.
create table idempotent_request (
    scope           text        not null,  -- who sent it: the signed-in user's name, or 'anonyme'
    idempotency_key text        not null,
    method          text        not null,
    path            text        not null,
    state           text        not null check (state in ('RUNNING', 'DONE')),
    status          integer,
    location        text,
    content_type    text,
    body            bytea,
    created_at      timestamptz not null default now(),
    primary key (scope, idempotency_key)
);

create index idempotent_request_created_at on idempotent_request (created_at);
