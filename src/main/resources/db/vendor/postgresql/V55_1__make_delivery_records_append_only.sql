-- Deliveries on record only grow: even the application's own database user cannot change or delete one.
create function delivery_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'deliveries on record are append-only';
end;
$$;

create trigger delivery_record_append_only
    before update or delete on delivery_record
    for each row execute function delivery_record_is_append_only();
