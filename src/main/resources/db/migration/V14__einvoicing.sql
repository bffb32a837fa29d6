-- Structured e-invoices (EN 16931: Factur-X and Peppol UBL). The business terms the biller, its
-- business customers and each invoice must carry; consumers need none of the party fields.

-- Seller (BG-4): postal address with country (BT-35..BT-40), VAT id (BT-31), legal registration
-- id with its scheme (BT-30, e.g. SIREN under 0002), electronic address with its scheme (BT-34),
-- the account customers pay into (BT-84/BT-86) and the operation category (BT-23, French CIUS).
alter table biller_settings add column street varchar(200);
alter table biller_settings add column postcode varchar(20);
alter table biller_settings add column city varchar(100);
alter table biller_settings add column country_code varchar(2);
alter table biller_settings add column vat_id varchar(30);
alter table biller_settings add column registration_id varchar(50);
alter table biller_settings add column registration_scheme varchar(4);
alter table biller_settings add column endpoint_id varchar(100);
alter table biller_settings add column endpoint_scheme varchar(4);
alter table biller_settings add column iban varchar(34);
alter table biller_settings add column bic varchar(11);
alter table biller_settings add column operation_category varchar(2) default 'S1' not null;

-- Buyer (BG-7) for business customers: the same terms (BT-50..BT-55, BT-48, BT-47, BT-49), and a
-- buyer reference (BT-10) their accounts payable asked to be quoted on every invoice.
alter table customer add column street varchar(200);
alter table customer add column postcode varchar(20);
alter table customer add column city varchar(100);
alter table customer add column country_code varchar(2);
alter table customer add column vat_id varchar(30);
alter table customer add column registration_id varchar(50);
alter table customer add column registration_scheme varchar(4);
alter table customer add column endpoint_id varchar(100);
alter table customer add column endpoint_scheme varchar(4);
alter table customer add column buyer_reference varchar(100);

-- Invoice: buyer reference (BT-10), purchase order reference (BT-13) and a note (BT-22).
alter table invoice add column buyer_reference varchar(100);
alter table invoice add column order_reference varchar(100);
alter table invoice add column note varchar(500);

-- Line: unit of measure (UN/ECE rec. 20, BT-130), VAT category (BT-151) and, for exempt lines,
-- the exemption reason (BT-120). Lines issued before this are standard-rated, or zero-rated at 0 %.
alter table invoice_line add column unit_code varchar(3) default 'C62' not null;
alter table invoice_line add column vat_category varchar(2) default 'S' not null;
alter table invoice_line add column exemption_reason varchar(200);
update invoice_line set vat_category = 'Z' where tax_rate = 0;
