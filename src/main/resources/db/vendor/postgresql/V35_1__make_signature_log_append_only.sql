-- The log only grows: even the application's own database user cannot change or delete an entry or node.
create function log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the signature log is append-only';
end;
$$;

create trigger log_entry_append_only
    before update or delete on log_entry
    for each row execute function log_is_append_only();

create trigger log_node_append_only
    before update or delete on log_node
    for each row execute function log_is_append_only();
