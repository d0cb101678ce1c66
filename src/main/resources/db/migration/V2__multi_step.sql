-- Sessions replace single access tokens: a login or a refresh issues a pair (access + expire token), stored hashed.
drop table access_token;

create table auth_session (
    id                   uuid primary key,
    user_id              uuid not null references app_user (id),
    access_hash          varchar(64) not null,
    expire_hash          varchar(64) not null,
    access_expires_at    timestamp(6) with time zone not null,
    expire_expires_at    timestamp(6) with time zone not null,
    revoked              boolean not null,
    previous_session_id  uuid,
    time_created         timestamp(6) with time zone not null,
    constraint auth_session_access_unique unique (access_hash),
    constraint auth_session_expire_unique unique (expire_hash)
);
create index auth_session_user on auth_session (user_id);

alter table company add column active boolean default true not null;
alter table company add column webhook_secret varchar(128) default '' not null;
alter table company add column time_updated timestamp(6) with time zone;
update company set time_updated = time_created;

alter table app_user add column first_name varchar(255) default '' not null;
alter table app_user add column last_name varchar(255) default '' not null;
alter table app_user add column time_updated timestamp(6) with time zone;
update app_user set time_updated = time_created;

-- Request context and idempotent creation.
alter table folder add column session_id varchar(255);
alter table folder add column device_info varchar(1000);
alter table folder add column geo_location varchar(255);
alter table folder add column idempotency_key varchar(255);
create unique index folder_idempotency on folder (company_id, idempotency_key);
create index folder_user_created on folder (user_id, time_created);

-- The work queue: a group of analyses started together is one job, claimed by one instance at a time with a lease.
create table analysis_job (
    id             uuid primary key,
    folder_id      uuid not null references folder (id) on delete cascade,
    company_id     uuid not null,
    state          varchar(32) not null,
    attempts       integer not null,
    lease_owner    varchar(64),
    lease_until    timestamp(6) with time zone,
    time_created   timestamp(6) with time zone not null,
    time_updated   timestamp(6) with time zone not null
);
create index analysis_job_state on analysis_job (state, time_created);

-- Webhook deliveries: an outbox retried with backoff, every attempt's outcome recorded.
create table webhook_delivery (
    id               uuid primary key,
    folder_id        uuid not null references folder (id) on delete cascade,
    company_id       uuid not null,
    url              varchar(2048) not null,
    payload          varchar(1000000) not null,
    state            varchar(32) not null,
    attempts         integer not null,
    next_attempt_at  timestamp(6) with time zone not null,
    last_status      integer,
    last_error       varchar(1000),
    lease_owner      varchar(64),
    lease_until      timestamp(6) with time zone,
    time_created     timestamp(6) with time zone not null,
    time_updated     timestamp(6) with time zone not null
);
create index webhook_delivery_due on webhook_delivery (state, next_attempt_at);
