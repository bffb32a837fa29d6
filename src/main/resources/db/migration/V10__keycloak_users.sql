-- Keycloak mode: a Billfold user may be a Keycloak user (no password here), found by Keycloak's id.
alter table app_user add column keycloak_id varchar(64);
alter table app_user add constraint app_user_keycloak_uk unique (keycloak_id);
