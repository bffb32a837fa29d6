package app.billfold.account;

/** What a clerk submits to create or edit a customer; the account fields only matter on create. */
public record CustomerForm(
        String kind,
        String name,
        String email,
        String phone,
        String language,
        String accountNumber,
        String serviceAddress,
        String postcode,
        String city) {

    public CustomerForm(
            String kind,
            String name,
            String email,
            String phone,
            String language,
            String accountNumber,
            String serviceAddress,
            String postcode) {
        this(kind, name, email, phone, language, accountNumber, serviceAddress, postcode, null);
    }

    public static CustomerForm blank() {
        return new CustomerForm("PERSON", "", "", "", "en", "", "", "", "");
    }

    public static CustomerForm of(Customer c) {
        return new CustomerForm(c.kind.name(), c.name, c.email, c.phone, c.language, "", "", "", "");
    }
}
