package app.billfold.account;

/** What a clerk submits to open or edit an account. A blank number asks Billfold to allocate one. */
public record AccountForm(String number, String serviceAddress, String postcode, String status) {

    public static AccountForm blank() {
        return new AccountForm("", "", "", "ACTIVE");
    }

    public static AccountForm of(Account a) {
        return new AccountForm(a.number, a.serviceAddress, a.postcode, a.status.name());
    }
}
