package app.billfold.account;

/**
 * What a clerk submits to open or edit an account. A blank number asks Billfold to allocate one. A
 * null city (a caller that does not handle it, such as the CSV import) leaves the city as it was.
 */
public record AccountForm(String number, String serviceAddress, String postcode, String status, String city) {

    public AccountForm(String number, String serviceAddress, String postcode, String status) {
        this(number, serviceAddress, postcode, status, null);
    }

    public static AccountForm blank() {
        return new AccountForm("", "", "", "ACTIVE", "");
    }

    public static AccountForm of(Account a) {
        return new AccountForm(a.number, a.serviceAddress, a.postcode, a.status.name(), a.city == null ? "" : a.city);
    }
}
