-- Notifications (issue 7): a transactional outbox of e-mails, and the signed single-use links to answer a proposal.
create table outbox_message (
    id              bigint generated always as identity primary key,
    recipient       text not null,
    subject         text not null,
    body            text not null,
    reference       text,                                  -- what it is about, e.g. proposal:12 (no personal data)
    created_at      timestamptz not null default now(),
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    claimed_until   timestamptz,                           -- a sender's lease; a crashed sender's claim runs out
    sent_at         timestamptz,
    last_error      text
);
create index outbox_due on outbox_message (next_attempt_at) where sent_at is null;

create table answer_link (
    id          text primary key check (id ~ '^[0-9a-f]{32}$'),   -- random; the link carries it with its HMAC
    proposal_id bigint not null references proposal (id) on delete cascade,
    action      text not null check (action in ('ACCEPT', 'DECLINE', 'CONFIRM', 'REFUSE')),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index answer_link_proposal on answer_link (proposal_id);

alter table doctor_capacity add column email text;
